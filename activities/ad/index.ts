import { ApplicationFailure } from '@temporalio/common';
import type { AdClient, AdUser, AdUserAttributes, CreateUserInput, OuSpec } from '../../infra/ad/client';
import { AdError, toAdError } from '../../infra/ad/errors';

export { createAdClient, AdError } from '../../infra/ad/client';
export type {
  AdClient,
  AdConfig,
  AdUser,
  AdUserAttributes,
  CreateUserInput,
  OuSpec,
  AdErrorCode,
  AdBindReason,
} from '../../infra/ad/client';
export { adConfigFromEnv } from '../../infra/ad/config';

/**
 * Turns an AdError into a Temporal failure. The type is `AdError.<code>` so workflows (and retry
 * policies' nonRetryableErrorTypes) can match on it; details carry only non-secret fields.
 */
export function toApplicationFailure(err: unknown, context = 'AD operation'): ApplicationFailure {
  if (err instanceof ApplicationFailure) return err;
  const e = err instanceof AdError ? err : toAdError(err, context);
  const details = { code: e.code, ldapCode: e.ldapCode ?? null, reason: e.reason ?? null };
  const failure = e.retryable
    ? ApplicationFailure.retryable(e.message, `AdError.${e.code}`, details)
    : ApplicationFailure.nonRetryable(e.message, `AdError.${e.code}`, details);
  return failure;
}

async function wrap<T>(context: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toApplicationFailure(err, context);
  }
}

/**
 * AD activities for Temporal workers. Every activity takes one serializable object and returns
 * plain data (DNs, flags) — never credentials. All are idempotent, so Temporal may retry them.
 *
 * Note on adSetPassword: its input (the new password) is recorded in workflow history like any
 * activity input. Workers/clients must use the payload codec (encryption with DATA_KEY) or pass
 * the password some other way; this module cannot prevent that by itself.
 */
export function createAdActivities({ ad }: { ad: AdClient }) {
  return {
    adPing: () => wrap('AD ping', () => ad.ping()),
    adEnsureOuPath: ({ codes }: { codes: OuSpec[] }): Promise<{ dn: string }> =>
      wrap('ensure AD OU path', async () => ({ dn: await ad.ensureOuPath(codes) })),
    adCreateUser: (input: CreateUserInput) => wrap(`create AD user ${input.account}`, () => ad.createUser(input)),
    adUpdateUser: ({ account, attrs }: { account: string; attrs: AdUserAttributes }) =>
      wrap(`update AD user ${account}`, () => ad.updateUser(account, attrs)),
    adDisableUser: ({ account }: { account: string }) => wrap(`disable AD user ${account}`, () => ad.disableUser(account)),
    adEnableUser: ({ account }: { account: string }) => wrap(`enable AD user ${account}`, () => ad.enableUser(account)),
    adMoveUser: ({ account, ouDn }: { account: string; ouDn: string }) =>
      wrap(`move AD user ${account}`, () => ad.moveUser(account, ouDn)),
    adSetPassword: ({ account, password }: { account: string; password: string }): Promise<{ ok: true }> =>
      wrap(`set password of AD user ${account}`, async () => {
        await ad.setPassword(account, password);
        return { ok: true as const };
      }),
    adAddGroupMember: ({ account, group }: { account: string; group: { name: string; ouDn: string; description?: string } }) =>
      wrap(`add AD user ${account} to group ${group.name}`, () => ad.addGroupMember(account, group)),
    adFindUser: ({ account }: { account: string }): Promise<AdUser | null> =>
      wrap(`find AD user ${account}`, () => ad.findUser(account)),
  };
}

export type AdActivities = ReturnType<typeof createAdActivities>;
