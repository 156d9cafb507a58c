import crypto from 'node:crypto';
import { Prisma } from '@prisma/client';
import { taipeiParts } from '../../domain/bookings/slots';

/**
 * A case number such as R20261208-40712 (線上報修) or I20261208-04217 (應用系統服務介接申請): the day it
 * was sent (Taipei) and five digits no one guesses — not a running number, which would tell how many
 * cases a day brings and, after a database restore, meet its old workflows.
 */
export function dailyKey(prefix: string, now: Date) {
  return `${prefix}${taipeiParts(now).date.replaceAll('-', '')}-${String(crypto.randomInt(0, 100_000)).padStart(5, '0')}`;
}

/** Runs `create` with a new daily key until one is free (a unique violation draws another, five times at most). */
export async function withDailyKey<T>(prefix: string, create: (key: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await create(dailyKey(prefix, new Date()));
    } catch (error) {
      // The day's number is taken already: draw another.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') || attempt >= 5) throw error;
    }
  }
}
