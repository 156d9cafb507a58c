// 個人帳號管理: 密碼修改, 公務資料/個人資料, 個人圖像, 權限異動申請 (api/routes/account/self-service.ts) and
// 機關(單位)異動申請.
import type { PrecheckResult } from '../../../domain/account-prechecks';
import { api, ApiError } from '../lib/api';
import { messageForCode } from '../lib/api';

export interface ProfileView {
  title: string | null;
  officePhone: string | null;
  officeExt: string | null;
  name: string;
  birthday: string | null;
  residenceAddress: string | null;
  workAddress: string | null;
}

export interface SelfServiceView {
  profile: ProfileView;
  avatar: { updatedAt: string } | null;
  roleLabels: string[];
}

export interface TimelineEvent {
  seq: number;
  kind: string;
  label: string;
  actorName: string | null;
  comment: string | null;
  at: string;
}

export interface AdminRoleRequestView {
  id: string;
  status: string;
  statusLabel: string;
  reason: string;
  submittedAt: string;
  decidedAt: string | null;
  events: TimelineEvent[];
}

export interface AgencyChangeOverview {
  current: { organizationCode: string; organizationPath: string; agencyName: string };
  precheck: PrecheckResult;
  openRequest: { id: string; statusLabel: string; url: string } | null;
  latest: { id: string; statusLabel: string; toOrganizationPath: string; submittedAt: string } | null;
}

const AGENCY_CHANGE_API = '/api/account/agency-change';

export const AVATAR_URL = '/api/account/avatar';
export const AVATAR_MAX_BYTES = 1024 * 1024;

export const selfServiceApi = {
  changePassword: (body: { oldPassword?: string; password: string; confirmPassword: string }) =>
    api.post<{ changedAt: string }>('/api/account/password', body),
  saveProfile: (body: Record<string, string | null>) => api.put<{ changed: string[] }>('/api/account/profile', body),
  async uploadAvatar(file: Blob): Promise<{ mimeType: string }> {
    let response: Response;
    try {
      response = await fetch(AVATAR_URL, {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
        body: file,
      });
    } catch {
      throw new ApiError(0, 'NETWORK_ERROR', messageForCode('NETWORK_ERROR'));
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw ApiError.fromBody(response.status, body);
    return body as { mimeType: string };
  },
  removeAvatar: () => api.delete<{ removed: boolean }>(AVATAR_URL),
  adminRoleRequests: (signal?: AbortSignal) =>
    api.get<{ canRequest: boolean; isAdmin: boolean; items: AdminRoleRequestView[] }>('/api/account/admin-role-requests', {
      signal,
    }),
  requestAdminRole: (reason: string) => api.post<{ id: string }>('/api/account/admin-role-requests', { reason }),
  agencyChange: (signal?: AbortSignal) => api.get<AgencyChangeOverview>(AGENCY_CHANGE_API, { signal }),
  requestAgencyChange: (body: { organizationCode: string; reason: string }) => api.post(AGENCY_CHANGE_API, body),
};
