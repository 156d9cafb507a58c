import { api } from '../../lib/api';
import type { ActivationResult } from '../../lib/api';
import { identityHeaders } from '../../verification/api';
import type { VerifiedIdentity } from '../../verification/methods';

/**
 * POST /api/activation with an ACTIVATE verification token (備用信箱) or identity proof (行動自然人憑證):
 * sets the first password.
 */
export function activateAccount(
  identity: Pick<VerifiedIdentity, 'token' | 'proof'>,
  body: { newPassword: string; confirmPassword: string },
): Promise<ActivationResult> {
  return api.post<ActivationResult>('/api/activation', body, { headers: identityHeaders(identity) });
}
