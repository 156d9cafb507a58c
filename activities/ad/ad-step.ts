import type { PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import { AdError, toAdError } from '../../infra/ad/errors';

export interface AdStepOptions {
  /** Set the user 已同步 when the call succeeds (false where the caller does so after its own write). */
  markSynced?: boolean;
  /** Errors that mean "nothing to do in AD" (e.g. no such user): the step returns null, the row is untouched. */
  absent?: (error: AdError) => boolean;
  /** The status recorded while an outage is retried; 停用 has always shown FAILED. */
  retryingStatus?: 'PENDING' | 'FAILED';
}

/**
 * One AD call on behalf of a user. An outage is thrown retryable, so the workflow waits for AD (the
 * user row shows 同步中 and the last error meanwhile); a refusal is recorded as 同步失敗 and not retried.
 */
export async function adStep<T>(
  prisma: PrismaClient,
  userId: string,
  what: string,
  fn: () => Promise<T>,
  options: AdStepOptions & { absent: (error: AdError) => boolean },
): Promise<T | null>;
export async function adStep<T>(
  prisma: PrismaClient,
  userId: string,
  what: string,
  fn: () => Promise<T>,
  options?: AdStepOptions,
): Promise<T>;
export async function adStep<T>(
  prisma: PrismaClient,
  userId: string,
  what: string,
  fn: () => Promise<T>,
  { markSynced = true, absent, retryingStatus = 'PENDING' }: AdStepOptions = {},
): Promise<T | null> {
  let result: T;
  try {
    result = await fn();
  } catch (raw) {
    const error = raw instanceof AdError ? raw : toAdError(raw, what);
    if (absent?.(error)) return null;
    await prisma.user
      .update({
        where: { id: userId },
        data: { adSyncStatus: error.retryable ? retryingStatus : 'FAILED', adLastError: error.message.slice(0, 500) },
      })
      .catch(() => undefined);
    throw ApplicationFailure.create({ type: `AdError.${error.code}`, message: error.message, nonRetryable: !error.retryable });
  }
  if (markSynced) {
    await prisma.user.update({
      where: { id: userId },
      data: { adSyncStatus: 'SYNCED', adSyncedAt: new Date(), adLastError: null },
    });
  }
  return result;
}
