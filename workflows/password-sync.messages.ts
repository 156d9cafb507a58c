import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * 密碼同步至 AD: one workflow per user (`password-sync-<userId>`), started or signalled with
 * signal-with-start at every password set (忘記密碼, 密碼逾期變更, 密碼修改). The signal carries only
 * the id of the SecretBox holding the new password and when it was set — never the password.
 */
export const passwordSyncWorkflowId = (userId: string) => `password-sync-${userId}`;

export interface PasswordSyncInput {
  userId: string;
  /** For operators filtering in the Temporal UI (ApplicantAccount); not a secret. */
  account: string;
  /** The change still pending when a long outage made the previous run continue as new. */
  carried?: PasswordChangedInput;
}

export interface PasswordChangedInput {
  /** SecretBox id (purpose ad-password). */
  boxId: string;
  /** users.password_changed_at of this change (ISO): the newest change wins. */
  changedAt: string;
}

export const passwordChangedSignal = defineSignal<[PasswordChangedInput]>('passwordChanged');

export type PasswordSyncStatus = 'PENDING' | 'SYNCED' | 'FAILED';

export interface PasswordSyncState {
  status: PasswordSyncStatus;
  /** Attempts at the current change (each attempt already includes the activity's own retries). */
  attempts: number;
  /** Changes written to AD, and older pending changes a newer one replaced before AD got them. */
  synced: number;
  superseded: number;
  lastError?: string;
}

export const getPasswordSyncStateQuery = defineQuery<PasswordSyncState>('getPasswordSyncState');
