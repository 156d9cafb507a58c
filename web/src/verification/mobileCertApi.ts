// 行動自然人憑證 verification (api/routes/identity/mobile-cert.ts).
import { api } from '../lib/api';

export type MobileCertPurpose = 'LOGIN' | 'ACTIVATE' | 'RESET_PASSWORD' | 'VERIFY';
/** Purposes that end in an identity proof (X-Identity-Proof). */
export type MobileCertProofPurpose = 'ACTIVATE' | 'RESET_PASSWORD' | 'VERIFY';
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
  purpose: MobileCertProofPurpose;
}

const base = '/api/identity/mobile-cert';
const at = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const mobileCertApi = {
  start: (purpose: MobileCertPurpose, nationalId: string) => api.post<MobileCertView>(`${base}/start`, { purpose, nationalId }),
  poll: (id: string, signal?: AbortSignal) => api.get<MobileCertView>(at(id), { signal }),
  resend: (id: string, nationalId: string) => api.post<MobileCertView>(`${at(id)}/resend`, { nationalId }),
  qr: (id: string, nationalId: string) => api.post<MobileCertView>(`${at(id)}/qr`, { nationalId }),
  /** Spends the approval for an identity proof (X-Identity-Proof) for 開通帳號 / 忘記密碼 / 機關管理員查詢 (VERIFY). */
  proof: (id: string, purpose: MobileCertProofPurpose) => api.post<MobileCertProof>(`${at(id)}/proof`, { purpose }),
};
