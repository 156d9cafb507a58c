// 個人帳號管理 (/api/account): the page's data and the bindings of the logged-in user.
import { api } from '../lib/api';
import type { ProfileView } from './selfServiceApi';

export interface AccountView {
  account: string;
  name: string;
  status: { applicationDate: string; loginCount: number; lastLoginAt: string | null; status: string; statusLabel: string };
  password: { changedAt: string | null; changedBy: string | null; note: string | null };
  backupEmail: string | null;
  mobile: { number: string; boundAt: string } | null;
  otp: { enabled: boolean; enabledAt: string | null };
  citizenCert: { bound: boolean; boundAt: string | null; notAfter: string | null };
  allowedActions: string[];
  profile: ProfileView;
  avatar: { updatedAt: string } | null;
  roleLabels: string[];
}

export interface CodeSent {
  verificationId: string;
  expiresAt: string;
  resendAfter: string;
}

export interface OtpSetup {
  otpauthUri: string;
  secret: string;
  /** PNG data URL of the QR code of otpauthUri. */
  qrCode: string;
}

export const accountApi = {
  get: (signal?: AbortSignal) => api.get<AccountView>('/api/account', { signal }),

  otpSetup: () => api.post<OtpSetup>('/api/account/otp/setup'),
  otpEnable: (code: string) => api.post<void>('/api/account/otp/enable', { code }),
  otpDisable: () => api.delete('/api/account/otp'),

  mobileStart: (mobile: string) => api.post<CodeSent & { mobile: string }>('/api/account/mobile/verifications', { mobile }),
  mobileConfirm: (id: string, code: string) =>
    api.post<{ token: string }>(`/api/account/mobile/verifications/${encodeURIComponent(id)}/confirm`, { code }),
  mobileBind: (token: string) => api.put<{ mobile: string }>('/api/account/mobile', { token }),
  mobileUnbind: () => api.delete('/api/account/mobile'),

  emailStart: (email: string) => api.post<CodeSent & { email: string }>('/api/account/backup-email/verifications', { email }),
  emailConfirm: (id: string, code: string) =>
    api.post<{ token: string }>(`/api/account/backup-email/verifications/${encodeURIComponent(id)}/confirm`, { code }),
  emailRebind: (token: string) => api.put<{ backupEmail: string }>('/api/account/backup-email', { token }),
};
