// 機關管理者申請審核 (api/routes/console/admin-role-requests).
import { inboxApi } from '../request-inbox/api';

export const ADMIN_ROLE_API = '/api/console/admin-role-requests';

export interface AdminRoleItem {
  id: string;
  account: string;
  name: string;
  agency: { code: string; name: string } | null;
  organizationPath: string;
  reason: string;
  submittedAt: string;
  status: string;
  statusLabel: string;
}

export const adminRoleInboxApi = inboxApi<AdminRoleItem>(ADMIN_ROLE_API);
