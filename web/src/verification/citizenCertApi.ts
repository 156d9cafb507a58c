// 自然人憑證 endpoints of the API (api/routes/identity/citizen-cert.ts, api/routes/account/citizen-cert.ts).
import { api } from '../lib/api';

export type CitizenCertPurpose = 'LOGIN' | 'RESET_PASSWORD' | 'BIND';

export interface CertChallenge {
  challengeId: string;
  /** The exact text the card signs. */
  tbs: string;
  expiresAt: string;
}

/** The card's answer to a challenge, as every endpoint that verifies a card takes it. */
export interface SignedChallenge {
  challengeId: string;
  signature: string;
  certificate: string;
}

export interface CitizenCertStatus {
  bound: boolean;
  holder?: string | null;
  serial?: string;
  notAfter?: string | null;
  boundAt?: string | null;
  message?: string;
}

export const citizenCertApi = {
  challenge: (purpose: CitizenCertPurpose) => api.post<CertChallenge>('/api/identity/citizen-cert/challenges', { purpose }),
  /** 忘記密碼 › 使用自然人憑證 → an identity proof for 重設密碼. */
  resetPasswordProof: (signed: SignedChallenge) =>
    api.post<{ token: string; expiresAt: string; account: string }>('/api/identity/citizen-cert/proof', {
      ...signed,
      purpose: 'RESET_PASSWORD',
    }),
  status: (signal?: AbortSignal) => api.get<CitizenCertStatus>('/api/account/citizen-cert', { signal }),
  bind: (signed: SignedChallenge) => api.post<CitizenCertStatus>('/api/account/citizen-cert', signed),
  unbind: () => api.delete<CitizenCertStatus>('/api/account/citizen-cert'),
};
