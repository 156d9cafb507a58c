// 行動自然人憑證 verification (api/routes/identity/mobile-cert.ts).
import type {
  MobileCertProof,
  MobileCertProofPurpose,
  MobileCertPurpose,
  MobileCertView,
} from '../../../domain/contracts/mobile-cert';
import { api } from '../lib/api';

export type {
  MobileCertProof,
  MobileCertProofPurpose,
  MobileCertPurpose,
  MobileCertStatus,
  MobileCertView,
} from '../../../domain/contracts/mobile-cert';

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
