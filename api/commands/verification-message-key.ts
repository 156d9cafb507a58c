import { createHash } from 'node:crypto';

/**
 * The outbox key (and so the delivery workflow's id) of the message carrying a verification's code:
 * derived from the verification's id, not the id itself. The id is half of what confirms the code
 * (`/verifications/:id/confirm`); the key is seen by every operator in the Temporal UI and its history.
 */
export const verificationMessageKey = (prefix: 'verification' | 'sms-verification', id: string) =>
  `${prefix}:${createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 32)}`;
