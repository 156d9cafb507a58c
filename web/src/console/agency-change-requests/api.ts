// 機關異動審核 (api/routes/console/agency-change-requests).
import type { ApplicationEvent } from '../../lib/api';
import { inboxApi } from '../request-inbox/api';

export const AGENCY_CHANGE_API = '/api/console/agency-change-requests';

export interface AgencyChangeItem {
  id: string;
  account: string;
  name: string;
  fromOrganizationPath: string;
  toOrganizationPath: string;
  reason: string;
  submittedAt: string;
  status: string;
  statusLabel: string;
}
export interface AgencyChangeDetail extends AgencyChangeItem {
  events: ApplicationEvent[];
  allowedActions: string[];
  temporalUrl: string;
}

export const agencyChangeReviewApi = inboxApi<AgencyChangeItem>(AGENCY_CHANGE_API);
