// Public verification resources: image captcha and backup-e-mail codes (docs/api/account-application.md).
import { api } from '../lib/api';
import type { Captcha, EmailVerificationStarted, VerificationPurpose, VerificationToken } from '../lib/api';

export function requestCaptcha(signal?: AbortSignal): Promise<Captcha> {
  return api.post<Captcha>('/api/captcha', undefined, { signal });
}

export interface EmailVerificationRequest {
  purpose: VerificationPurpose;
  email: string;
  captchaId: string;
  captchaAnswer: string;
}

export function startEmailVerification(body: EmailVerificationRequest): Promise<EmailVerificationStarted> {
  return api.post<EmailVerificationStarted>('/api/verifications/email', body);
}

export function confirmEmailVerification(verificationId: string, code: string): Promise<VerificationToken> {
  return api.post<VerificationToken>(`/api/verifications/email/${encodeURIComponent(verificationId)}/confirm`, { code });
}

/** The header that carries a verified identity: an identity proof, or a verification token. */
export function identityHeaders(identity: { token: string; proof?: boolean }): Record<string, string> {
  return identity.proof ? { 'X-Identity-Proof': identity.token } : verificationHeaders(identity.token);
}

/** The header that carries a verification token to the application endpoints. */
export function verificationHeaders(token: string): Record<string, string> {
  return { 'X-Verification-Token': token };
}
