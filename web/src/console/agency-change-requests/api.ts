// 機關異動審核 (api/routes/console/agency-change-requests).
import type { TimelineEvent } from '../../account/selfServiceApi';
import { api, type Decision } from '../../lib/api';
import { inboxApi } from '../request-inbox/api';

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
  workflowId: string;
  events: TimelineEvent[];
  allowedActions: string[];
  temporalUrl: string;
}

const BASE = '/api/console/agency-change-requests';

export const agencyChangeReviewApi = {
  ...inboxApi<AgencyChangeItem>(BASE),
  get: (id: string, signal?: AbortSignal) => api.get<AgencyChangeDetail>(`${BASE}/${encodeURIComponent(id)}`, { signal }),
  decide: (id: string, decision: Decision, comment: string) =>
    api.post<{ id: string; status: string }>(`${BASE}/${encodeURIComponent(id)}/decision`, {
      decision,
      ...(comment ? { comment } : {}),
    }),
};

export const DECISION_LABELS: Record<Decision, string> = { APPROVE: '核准', REJECT: '駁回' };
