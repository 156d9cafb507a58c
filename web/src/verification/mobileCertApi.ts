// 行動自然人憑證 verification (api/routes/identity/mobile-cert.ts).
import { api } from '../lib/api';

export type MobileCertPurpose = 'LOGIN' | 'ACTIVATE' | 'RESET_PASSWORD';
export type MobileCertStatus = 'PENDING' | 'APPROVED' | 'DENIED' | 'EXPIRED' | 'FAILED';

export interface MobileCertView {
  id: string;
  purpose: MobileCertPurpose;
  status: MobileCertStatus;
  mode: 'PUSH' | 'QR';
  expiresAt: string;
  /** zh-TW, to show as is. */
  message: string;
  pollAfterMs: number;
  resendAfter: string;
  /** QR mode: the content of the QR code, in the answer that switched to it. */
  qrCode?: string;
}

export interface MobileCertProof {
  token: string;
  expiresAt: string;
  account: string;
  purpose: 'ACTIVATE' | 'RESET_PASSWORD';
}

const base = '/api/identity/mobile-cert';
const at = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const mobileCertApi = {
  start: (purpose: MobileCertPurpose, nationalId: string) => api.post<MobileCertView>(`${base}/start`, { purpose, nationalId }),
  poll: (id: string, signal?: AbortSignal) => api.get<MobileCertView>(at(id), { signal }),
  resend: (id: string, nationalId: string) => api.post<MobileCertView>(`${at(id)}/resend`, { nationalId }),
  qr: (id: string, nationalId: string) => api.post<MobileCertView>(`${at(id)}/qr`, { nationalId }),
  /** Spends the approval for an identity proof (X-Identity-Proof) for 開通帳號 / 忘記密碼. */
  proof: (id: string, purpose: 'ACTIVATE' | 'RESET_PASSWORD') => api.post<MobileCertProof>(`${at(id)}/proof`, { purpose }),
};
