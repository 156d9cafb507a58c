// 帳號管理 › 詳細 (/api/console/accounts/:id) and its actions.
import { api } from '../../lib/api';

export interface AccountDetail {
  id: string;
  account: string;
  name: string;
  title: string | null;
  officePhone: string | null;
  officeExt: string | null;
  organizationPath: string;
  agencyName: string;
  status: 'PENDING_ACTIVATION' | 'ACTIVE' | 'DISABLED';
  backupEmail: string | null;
  mailTo: string | null;
  officialMail: boolean;
  appliedAt: string;
  activatedAt: string | null;
  lastLoginAt: string | null;
  loginCount: number;
  passwordChangedAt: string | null;
  passwordChangedBy: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
  lockedUntil: string | null;
  bindings: { mobile: boolean; otp: boolean; citizenCert: boolean };
  ad: { status: 'PENDING' | 'SYNCED' | 'FAILED'; syncedAt: string | null; lastError: string | null };
  roles: { role: 'SYSTEM_ADMIN' | 'AGENCY_ADMIN'; label: string; grantedAt: string; grantedBy: string | null }[];
  openRequest: { id: string; workflowId: string; label: string; statusLabel: string; url: string } | null;
  requests: { id: string; workflowId: string; type: string; statusLabel: string; createdAt: string; temporalUrl: string }[];
  allowedActions: string[];
}

export interface AccountEdit {
  name: string;
  title: string;
  officePhone: string;
  officeExt: string;
}

const base = (id: string) => `/api/console/accounts/${encodeURIComponent(id)}`;

export const accountDetailApi = {
  get: (id: string, signal?: AbortSignal) => api.get<AccountDetail>(base(id), { signal }),
  update: (id: string, body: AccountEdit) => api.patch<{ changed: string[] }>(base(id), body),
  disable: (id: string, reason: string) => api.post<{ workflowId: string }>(`${base(id)}/disable`, { reason }),
  enable: (id: string, reason: string) => api.post<{ workflowId: string }>(`${base(id)}/enable`, { reason }),
  resetActivation: (id: string, reason: string) => api.post<{ workflowId: string }>(`${base(id)}/reset-activation`, { reason }),
  setRole: (id: string, role: 'agency-admin' | 'system-admin', grant: boolean) =>
    grant
      ? api.put<{ effective: string }>(`${base(id)}/roles/${role}`)
      : api.delete<{ effective: string }>(`${base(id)}/roles/${role}`),
};

/** 帳號狀態 in the manual's words. */
export const ACCOUNT_STATUS_LABELS: Record<AccountDetail['status'], string> = {
  PENDING_ACTIVATION: '待開通',
  ACTIVE: '啟用',
  DISABLED: '停用',
};
export const AD_STATUS_LABELS: Record<AccountDetail['ad']['status'], string> = {
  PENDING: '同步中',
  SYNCED: '已同步',
  FAILED: '同步失敗',
};

/** The account's requests in 申請與作業紀錄, by type. */
export const REQUEST_TYPE_LABELS: Record<string, string> = {
  ACCOUNT_APPLICATION: '個人帳號申請',
  ACCOUNT_REACTIVATION: '個人帳號復用',
  ADMIN_ROLE: '機關管理者申請',
  AGENCY_CHANGE: '機關(單位)異動',
  ACCOUNT_DISABLE: '停用',
  IDLE_DISABLE: '閒置停用',
  ACCOUNT_ENABLE: '啟用／重設為待開通',
};
