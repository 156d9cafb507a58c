import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { TEMPORARY_PASSWORD_ALPHABET } from '../../infra/mail/templates/account-security';
import { normalizeEmail } from '../../domain/email';
import { resolveSystemParameters } from '../../domain/system-parameters';
import { sameClient } from '../auth/client-binding';
import { resendTooSoon } from '../errors';
import type { LoginUser } from '../sso/login-kit';
import type { Temporal } from '../temporal';
import { queueMail } from './queue-mail';

export const TEMPORARY_PASSWORD_LENGTH = 12;
const RESEND_AFTER_MS = 60_000;

/** 12 characters drawn uniformly (crypto.randomInt) from letters and digits that cannot be confused. */
export function generateTemporaryPassword(): string {
  let out = '';
  for (let i = 0; i < TEMPORARY_PASSWORD_LENGTH; i++)
    out += TEMPORARY_PASSWORD_ALPHABET[crypto.randomInt(TEMPORARY_PASSWORD_ALPHABET.length)];
  return out;
}

export type TemporaryPasswordCheck =
  | { ok: true; user: LoginUser }
  | {
      ok: false;
      user: LoginUser | null;
      reason:
        | 'UNKNOWN_EMAIL'
        | 'NO_TEMPORARY_PASSWORD'
        | 'TEMP_PASSWORD_TOO_MANY_ATTEMPTS'
        | 'BAD_TEMP_PASSWORD'
        | 'TEMP_PASSWORD_REUSED'
        | 'OTHER_BROWSER';
    };

const userSelect = { id: true, account: true, name: true, status: true, passwordChangedAt: true } as const;

/**
 * 臨時密碼 (登入方式四). `send` mails a one-time password to a backup e-mail bound to an active
 * account (the answer is the same for any address); `check` accepts the newest unexpired one once.
 * Only HMAC-SHA256(HASH_KEY, id:password) is stored; the password itself lives only in the outbox row
 * the mailDelivery workflow delivers by key. It logs in only from the browser that asked for it
 * (`client`, api/auth/client-binding.ts): a copy read elsewhere (a forwarded or intercepted mail) is useless.
 */
export function createTemporaryPasswords(deps: { prisma: PrismaClient; temporal: Temporal; webUrl: string; hashKey: Buffer }) {
  const { prisma } = deps;
  const hash = (id: string, password: string) =>
    crypto.createHmac('sha256', deps.hashKey).update(`temp-password:${id}:${password}`).digest('hex');
  const throttleKey = (email: string) => `temp-password:${crypto.createHmac('sha256', deps.hashKey).update(email).digest('hex')}`;

  async function parameters() {
    const rows = await prisma.systemParameter.findMany({
      where: { key: { in: ['login.temporaryPasswordTtl', 'verification.codeMaxAttempts'] } },
    });
    return resolveSystemParameters(rows, ['login.temporaryPasswordTtl', 'verification.codeMaxAttempts']);
  }

  /**
   * One request per address per minute, counted whether or not the address is bound (so the
   * throttle reveals nothing), in the shared rate_limits table (all API replicas see it).
   */
  async function throttle(email: string) {
    const now = Date.now();
    const rows = await prisma.$queryRaw<{ points: number; expire: bigint }[]>`
      INSERT INTO rate_limits (key, points, expire) VALUES (${throttleKey(email)}, 1, ${BigInt(now + RESEND_AFTER_MS)})
      ON CONFLICT (key) DO UPDATE SET
        points = CASE WHEN rate_limits.expire IS NULL OR rate_limits.expire <= ${BigInt(now)} THEN 1 ELSE rate_limits.points + 1 END,
        expire = CASE WHEN rate_limits.expire IS NULL OR rate_limits.expire <= ${BigInt(now)} THEN ${BigInt(now + RESEND_AFTER_MS)} ELSE rate_limits.expire END
      RETURNING points, expire`;
    const row = rows[0]!;
    if (row.points > 1) {
      throw resendTooSoon(new Date(Number(row.expire)), { sent: '臨時密碼已寄出', again: '重新申請' }, now);
    }
  }

  return {
    async send(rawEmail: string, client: string) {
      const email = normalizeEmail(rawEmail);
      await throttle(email);
      const { 'login.temporaryPasswordTtl': ttlSeconds } = await parameters();
      const minutes = Math.max(1, Math.round(ttlSeconds / 60));
      const user = await prisma.user.findFirst({ where: { backupEmail: email, status: 'ACTIVE' }, select: userSelect });
      if (user) {
        const id = crypto.randomUUID();
        const password = generateTemporaryPassword();
        await prisma.$transaction([
          // A new temporary password replaces any earlier one still waiting.
          prisma.temporaryPassword.updateMany({ where: { userId: user.id, consumedAt: null }, data: { consumedAt: new Date() } }),
          prisma.temporaryPassword.create({
            data: {
              id,
              userId: user.id,
              hash: hash(id, password),
              expiresAt: new Date(Date.now() + ttlSeconds * 1000),
              clientHash: client,
            },
          }),
        ]);
        await queueMail(deps, {
          key: `temporary-password:${id}`,
          to: email,
          template: 'temporaryPassword',
          data: { name: user.name, account: user.account, password, minutes },
        });
      }
      return { email, minutes, resendAfter: new Date(Date.now() + RESEND_AFTER_MS).toISOString() };
    },

    /** The user whose backup e-mail this is, if any (for the lockout check before the password). */
    userFor: (rawEmail: string) =>
      prisma.user.findFirst({ where: { backupEmail: normalizeEmail(rawEmail) }, select: userSelect }),

    /** Accepts the newest unexpired temporary password of the address's account, once. */
    async check(rawEmail: string, password: string, client: string | undefined): Promise<TemporaryPasswordCheck> {
      const email = normalizeEmail(rawEmail);
      const { 'verification.codeMaxAttempts': maxAttempts } = await parameters();
      const user = await prisma.user.findFirst({ where: { backupEmail: email }, select: userSelect });
      if (!user) return { ok: false, user: null, reason: 'UNKNOWN_EMAIL' };
      const row = await prisma.temporaryPassword.findFirst({
        where: { userId: user.id, consumedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: 'desc' },
      });
      if (!row) return { ok: false, user, reason: 'NO_TEMPORARY_PASSWORD' };
      // Count the attempt before comparing, atomically, so parallel guesses cannot exceed the limit.
      const counted = await prisma.temporaryPassword.updateMany({
        where: { id: row.id, attempts: { lt: maxAttempts } },
        data: { attempts: { increment: 1 } },
      });
      if (counted.count === 0) return { ok: false, user, reason: 'TEMP_PASSWORD_TOO_MANY_ATTEMPTS' };
      if (!sameClient(row.clientHash, client)) return { ok: false, user, reason: 'OTHER_BROWSER' };
      const expected = Buffer.from(row.hash);
      const actual = Buffer.from(hash(row.id, password));
      if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual))
        return { ok: false, user, reason: 'BAD_TEMP_PASSWORD' };
      const spent = await prisma.temporaryPassword.updateMany({
        where: { id: row.id, consumedAt: null, expiresAt: { gt: new Date() } },
        data: { consumedAt: new Date() },
      });
      if (spent.count === 0) return { ok: false, user, reason: 'TEMP_PASSWORD_REUSED' };
      return { ok: true, user };
    },
  };
}

export type TemporaryPasswords = ReturnType<typeof createTemporaryPasswords>;
