import { ROUTES } from '../../routes/paths';
import { RequestInboxPage, type RequestInboxConfig } from '../request-inbox/RequestInboxPage';
import { reactivationInboxApi, type ReactivationItem } from './api';

const config: RequestInboxConfig<ReactivationItem> = {
  title: ROUTES.consoleReactivationRequests.title,
  api: reactivationInboxApi,
  columns: [
    { field: 'organizationPath', headerName: '復用單位', minWidth: 180, flex: 1.5 },
    { field: 'title', headerName: '職稱', minWidth: 90, flex: 0.6 },
  ],
  gridLabel: '復用申請清單',
  empty: { pending: '目前沒有待審核的復用申請', other: '查無符合條件的申請' },
  detailPath: (id) => ROUTES.consoleReactivationRequest.path.replace(':id', encodeURIComponent(id)),
  batch: { noun: '復用申請' },
  note: '點選申請列可檢視申請明細、處理歷程及審核。核准後申請人須使用「開通帳號」設定新密碼，帳號方可使用。',
};

/**
 * 管理主控台功能 › 帳號管理 › 復用申請審核: 個人帳號復用 requests for the admin's agency (all, for
 * system admins), searchable by account or name, with 批次核准 / 批次駁回 of the pending ones.
 */
export default function ReactivationRequestsPage() {
  return <RequestInboxPage config={config} />;
}
