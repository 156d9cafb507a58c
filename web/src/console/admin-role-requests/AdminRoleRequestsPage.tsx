import Box from '@mui/material/Box';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { ApplicationEvent } from '../../lib/api';
import { formatDateTime } from '../../lib/datetime';
import { ROUTES } from '../../routes/paths';
import { RequestDetailDialog, type RequestDetailConfig } from '../request-inbox/RequestDetailView';
import { RequestInboxPage, type RequestInboxConfig } from '../request-inbox/RequestInboxPage';
import { ADMIN_ROLE_API, adminRoleInboxApi, type AdminRoleItem } from './api';

interface AdminRoleDetail extends AdminRoleItem {
  events: ApplicationEvent[];
  allowedActions: string[];
  temporalUrl: string;
}

const base = () => ROUTES.consoleAdminRoleRequests.path;

const config: RequestInboxConfig<AdminRoleItem> = {
  title: ROUTES.consoleAdminRoleRequests.title,
  api: adminRoleInboxApi,
  accountHeader: '帳號',
  columns: [
    {
      field: 'organizationPath',
      headerName: '機關單位',
      minWidth: 180,
      flex: 1.4,
      valueGetter: (_value, row) => row.organizationPath || row.agency?.name,
    },
    {
      field: 'reason',
      headerName: '申請原因',
      minWidth: 200,
      flex: 1.6,
      renderCell: ({ row }) => <Box sx={{ whiteSpace: 'pre-wrap' }}>{row.reason}</Box>,
    },
  ],
  autoRowHeight: true,
  gridLabel: '機關管理者申請',
  empty: { pending: '目前沒有待審核的申請。', other: '目前沒有申請。' },
  // The detail is a dialog over this list: the address keeps the list's query so the list stays as it was.
  detailPath: (id, listSearch) => `${base()}/${encodeURIComponent(id)}${listSearch}`,
  batch: {
    noun: '機關管理者申請',
    label: (row) => `${row.name}（${row.account}）`,
    note: { APPROVE: ' 核准後於申請人下次登入時生效。' },
  },
  note: '點選申請列可檢視申請明細、處理歷程及審核。',
};

// 機關管理者申請明細: a dialog over the list, 審核意見 and 駁回 / 核准 in it.
const detailConfig: RequestDetailConfig<AdminRoleDetail> = {
  title: ROUTES.consoleAdminRoleRequest.title,
  list: { path: base(), title: ROUTES.consoleAdminRoleRequests.title },
  api: ADMIN_ROLE_API,
  inTransition: (d, decided) => d.status === 'GRANTING' || (decided && d.status === 'PENDING'),
  fields: (d) => [
    ['機關單位', d.organizationPath || d.agency?.name],
    ['申請時間', formatDateTime(d.submittedAt)],
    ['申請原因', d.reason],
  ],
  timeline: { title: '處理歷程' },
  decision: { noun: '機關管理者申請', doneNote: { APPROVE: '（下次登入生效）' } },
};

/** 管理主控台 › 帳號管理 › 機關管理者申請審核: 權限異動申請 of the admin's agency (all, for system admins). */
export default function AdminRoleRequestsPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  // The decision made in the dialog, said on the list it returns to (list and dialog are two routes).
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const backToList = (state?: { notice: string }) => void navigate(`${base()}${location.search}`, { state });

  return (
    <RequestInboxPage
      config={config}
      notice={notice && dismissed !== location.key ? { text: notice, onClose: () => setDismissed(location.key) } : null}
    >
      {id && (
        <RequestDetailDialog
          config={detailConfig}
          id={id}
          onClose={() => backToList()}
          onDecided={(text) => backToList({ notice: text })}
        />
      )}
    </RequestInboxPage>
  );
}
