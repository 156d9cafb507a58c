// 忘記密碼 and the forced change of an expired password (api/routes/password/index.ts).
import { api } from '../../lib/api';

/** An identity proof (X-Identity-Proof, purpose RESET_PASSWORD) and the account it is for. */
export interface ResetProof {
  token: string;
  expiresAt: string;
  account: string;
}

export interface SmsResetStarted {
  verificationId: string;
  /** Masked: 0912***678. */
  mobile: string;
  expiresAt: string;
  resendAfter: string;
}

const proofHeaders = (token: string) => ({ 'X-Identity-Proof': token });

export const passwordApi = {
  /** 使用備用信箱: the confirmed code's verification token, spent for an identity proof. */
  proofFromEmail: (verificationToken: string) =>
    api.post<ResetProof>('/api/password/verify/email', undefined, { headers: { 'X-Verification-Token': verificationToken } }),
  /** 使用手機簡訊: 手機號碼 + 圖形驗證碼 → a code to the bound number (the answer is the same for any number). */
  startSms: (body: { mobile: string; captchaId: string; captchaAnswer: string }) =>
    api.post<SmsResetStarted>('/api/password/verify/sms', body),
  confirmSms: (verificationId: string, code: string) =>
    api.post<ResetProof>(`/api/password/verify/sms/${encodeURIComponent(verificationId)}/confirm`, { code }),
  /** The account behind a proof, for 「不可與帳號名稱相同」 as the user types. */
  account: (proof: string) => api.get<{ account: string }>('/api/password/reset', { headers: proofHeaders(proof) }),
  reset: (proof: string, body: { password: string; confirmPassword: string }) =>
    api.post<{ account: string }>('/api/password/reset', body, { headers: proofHeaders(proof) }),
  changeExpired: (changeToken: string, body: { password: string; confirmPassword: string }) =>
    api.post<{ account: string }>('/api/password/expired', body, { headers: proofHeaders(changeToken) }),
};
