import { api } from '../../lib/api';
import type { ActivationResult } from '../../lib/api';
import { verificationHeaders } from '../../verification/api';

/** POST /api/activation with an ACTIVATE verification token: sets the first password. */
export function activateAccount(
  token: string,
  body: { newPassword: string; confirmPassword: string },
): Promise<ActivationResult> {
  return api.post<ActivationResult>('/api/activation', body, { headers: verificationHeaders(token) });
}
