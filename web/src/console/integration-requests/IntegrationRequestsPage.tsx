import { ROUTES } from '../../routes/paths';
import { RequestInboxPage, type RequestInboxConfig } from '../request-inbox/RequestInboxPage';
import { integrationInboxApi, integrationRequestPath, type IntegrationRequestItem } from './api';

const config: RequestInboxConfig<IntegrationRequestItem> = {
  title: ROUTES.consoleIntegrations.title,
  api: integrationInboxApi,
  link: { field: 'key', headerName: '申請單號' },
  nameHeader: '申請人',
  columns: [
    { field: 'systemName', headerName: '應用系統名稱', minWidth: 160, flex: 1.3 },
    { field: 'kindLabel', headerName: '服務', minWidth: 100, flex: 0.7 },
    { field: 'actionLabel', headerName: '申請類別', minWidth: 100, flex: 0.7 },
  ],
  columnOrder: ['key', 'systemName', 'kindLabel', 'actionLabel', 'name', 'submittedAt', 'statusLabel'],
  hiddenColumns: ['account'],
  phoneHiddenColumns: ['actionLabel', 'submittedAt'],
  gridLabel: '服務介接申請清單',
  empty: { pending: '目前沒有待審核的服務介接申請', other: '查無符合條件的申請' },
  detailPath: (key) => integrationRequestPath(key),
  batch: { noun: '服務介接申請', label: (row) => `${row.key}（${row.systemName} ${row.kindLabel}）` },
  note: '點選申請列可檢視申請內容、審核歷程並審核：核准、駁回或退回補正（退回補正由申請人修正後重新送審）。',
};

/**
 * 管理主控台功能 › 應用系統服務介接管理: the 應用系統服務介接申請 (單一登入, 帳號驗證, 轉登, 簡訊發送; 申請,
 * 更換金鑰, 停用) the system admins review, with 批次核准 / 批次駁回 of the pending ones.
 */
export default function IntegrationRequestsPage() {
  return <RequestInboxPage config={config} />;
}
