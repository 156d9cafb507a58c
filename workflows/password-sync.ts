import { DB_STEP } from './activity-options';
import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { createPasswordSyncActivities } from '../activities/password-sync';
import {
  getPasswordSyncStateQuery,
  passwordChangedSignal,
  type PasswordChangedInput,
  type PasswordSyncInput,
  type PasswordSyncState,
} from './password-sync.messages';
import { ApplicantAccountKey, RequestStatusKey, RequestTypeKey } from './search-attributes';

type Activities = ReturnType<typeof createPasswordSyncActivities>;

// One attempt = a few quick tries; between attempts the workflow itself waits (up to a minute),
// so a newer password can replace the pending one while AD is down.
const ad = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumAttempts: 3,
    nonRetryableErrorTypes: ['PasswordSyncRefused'],
  },
});
const db = proxyActivities<Activities>(DB_STEP);

const MAX_WAIT_MS = 60_000;
/** Keep the history short for a user whose AD stays down for days. */
const MAX_ATTEMPTS_PER_RUN = 500;

/**
 * Writes a user's new password to AD (unicodePwd over LDAPS). Only SecretBox ids pass through here;
 * the activity opens the box, sets the password and deletes the box. While AD is down it keeps
 * trying; a newer change that arrives meanwhile replaces the pending one (its box is deleted unused).
 * Logins never wait for this: the SSO checks its own argon2id hash.
 */
export async function passwordSync(input: PasswordSyncInput): Promise<PasswordSyncState> {
  const { userId, account } = input;
  const state: PasswordSyncState = { status: 'PENDING', attempts: 0, synced: 0, superseded: 0 };
  let pending: PasswordChangedInput | undefined = input.carried;
  const obsolete: string[] = [];

  setHandler(getPasswordSyncStateQuery, () => state);
  setHandler(passwordChangedSignal, (change) => {
    if (!pending || change.changedAt >= pending.changedAt) {
      if (pending) obsolete.push(pending.boxId);
      pending = change;
    } else {
      obsolete.push(change.boxId);
    }
    state.status = 'PENDING';
  });

  upsertSearchAttributes([
    { key: RequestTypeKey, value: 'PASSWORD_SYNC' },
    { key: ApplicantAccountKey, value: account },
    { key: RequestStatusKey, value: 'PENDING' },
  ]);

  let attemptsThisRun = 0;
  while (pending || obsolete.length) {
    while (obsolete.length) {
      await db.discardPasswordBox({ boxId: obsolete.shift()! });
      state.superseded++;
    }
    if (!pending) break;
    const current = pending;
    state.attempts++;
    attemptsThisRun++;
    try {
      await ad.syncPasswordToAd({ userId, boxId: current.boxId });
      if (pending === current) pending = undefined;
      state.synced++;
      state.status = 'SYNCED';
      state.attempts = 0;
      state.lastError = undefined;
    } catch (error) {
      const cause = error instanceof ActivityFailure ? error.cause : error;
      const refused = cause instanceof ApplicationFailure && cause.type === 'PasswordSyncRefused';
      state.lastError = cause instanceof Error ? cause.message : String(cause);
      if (refused) {
        // AD will not take this password (or the account is gone): retrying cannot help.
        if (pending === current) pending = undefined;
        state.status = 'FAILED';
        continue;
      }
      if (attemptsThisRun >= MAX_ATTEMPTS_PER_RUN && obsolete.length === 0) {
        // A fresh run with the pending change: the history stays small however long AD is down.
        await continueAsNew<typeof passwordSync>({ userId, account, carried: pending });
      }
      const waitMs = Math.min(MAX_WAIT_MS, 2_000 * 2 ** Math.min(state.attempts, 10));
      // Wake early when a newer password arrives: it replaces this one.
      await condition(() => pending !== current, waitMs);
    }
    upsertSearchAttributes([{ key: RequestStatusKey, value: state.status }]);
  }
  upsertSearchAttributes([{ key: RequestStatusKey, value: state.status }]);
  return state;
}
