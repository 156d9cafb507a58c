import { ROUTES } from '../../routes/paths';
import { RequestInboxPage, type RequestInboxConfig } from '../request-inbox/RequestInboxPage';
import { agencyChangeReviewApi, type AgencyChangeItem } from './api';

const config: RequestInboxConfig<AgencyChangeItem> = {
  title: ROUTES.consoleAgencyChangeRequests.title,
  api: agencyChangeReviewApi,
  accountHeader: '帳號',
  columns: [
    { field: 'fromOrganizationPath', headerName: '原機關/單位', minWidth: 180, flex: 1.4 },
    { field: 'toOrganizationPath', headerName: '調入機關/單位', minWidth: 180, flex: 1.4 },
  ],
  gridLabel: '機關(單位)異動申請',
  empty: { pending: '目前沒有待審核的申請。', other: '目前沒有申請。' },
  detailPath: (id) => ROUTES.consoleAgencyChangeRequest.path.replace(':id', encodeURIComponent(id)),
  batch: {
    noun: '機關(單位)異動申請',
    label: (row) => `${row.name}（${row.account}）`,
    note: { APPROVE: ' 核准後帳號將異動至調入單位並恢復啟用。', REJECT: ' 駁回後帳號維持原單位並恢復啟用。' },
  },
  note: '點選申請列可檢視申請明細、處理歷程及審核。',
};

/**
 * 管理主控台 › 帳號管理 › 機關異動審核: 機關(單位)異動申請 into the admin's agency (all, for system
 * admins); 審核 one by one in the detail page, or 批次核准 / 批次駁回 of the selected ones.
 */
export default function AgencyChangeRequestsPage() {
  return <RequestInboxPage config={config} />;
}
