// 機關管理員查詢 (not logged in, by a verification) and 本機關管理者.
import { api } from '../lib/api';
import { identityHeaders } from '../verification/api';
import type { VerifiedIdentity } from '../verification/methods';
import type { AgencyAdmins } from './AgencyAdminList';

export const communicationApi = {
  lookup: (agencyCode: string, identity: VerifiedIdentity, signal?: AbortSignal) =>
    api.get<AgencyAdmins>(`/api/agency-admin-lookup/${encodeURIComponent(agencyCode)}`, {
      signal,
      headers: identityHeaders(identity),
    }),
  myAgencyAdmins: (signal?: AbortSignal) => api.get<AgencyAdmins>('/api/communication/agency-admins', { signal }),
};
