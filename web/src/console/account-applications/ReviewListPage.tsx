import type { ReviewListItem } from '../../lib/api';
import { ROUTES } from '../../routes/paths';
import { inboxApi } from '../request-inbox/api';
import { RequestInboxPage, type RequestInboxConfig } from '../request-inbox/RequestInboxPage';
import { ReviewStatusChip } from './ReviewStatusChip';
import { APPLICATIONS_API } from './useReviewApplications';

const config: RequestInboxConfig<ReviewListItem> = {
  title: ROUTES.consoleAccountApplications.title,
  api: inboxApi<ReviewListItem>(APPLICATIONS_API),
  columns: [{ field: 'organizationPath', headerName: '機關單位', minWidth: 180, flex: 1.6 }],
  statusColumn: (narrow) => ({
    field: 'status',
    headerName: '狀態',
    minWidth: narrow ? 150 : 230,
    flex: 1.2,
    renderCell: ({ row }) => <ReviewStatusChip status={row.status} statusLabel={row.statusLabel} escalated={row.escalated} />,
  }),
  // On phones: 登入帳號, 姓名 and 狀態; the rest is on the detail page.
  phoneHiddenColumns: ['submittedAt', 'organizationPath'],
  agencyFilter: true,
  gridLabel: '帳號申請清單',
  empty: { pending: '目前沒有待審核的申請', other: '查無符合條件的申請' },
  detailPath: (id) => ROUTES.consoleAccountApplication.path.replace(':id', encodeURIComponent(id)),
  batch: {
    noun: '申請',
    note: { APPROVE: ' 公務郵件依各申請人的申請核發；如需個別調整，請至申請明細逐筆核准。' },
  },
  note: '點選申請列可檢視申請明細及審核；需要逐筆決定是否核發公務郵件時，請於申請明細中核准。',
};

/** 管理主控台功能 › 帳號管理 › 帳號申請審核: applications of the admin's agency (all, with 機關, for system admins). */
export default function ReviewListPage() {
  return <RequestInboxPage config={config} />;
}
