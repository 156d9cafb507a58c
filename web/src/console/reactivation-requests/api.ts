// 復用申請審核 (api/routes/console/reactivation-requests).
import { inboxApi } from '../request-inbox/api';

export const REACTIVATION_API = '/api/console/reactivation-requests';

export interface ReactivationItem {
  id: string;
  account: string;
  name: string;
  organizationPath: string;
  fromOrganizationPath: string;
  title: string;
  submittedAt: string;
  /** workflows/account-reactivation.messages.ts ReactivationStatus; PENDING until decided. */
  status: string;
  statusLabel: string;
}

export const reactivationInboxApi = inboxApi<ReactivationItem>(REACTIVATION_API);
