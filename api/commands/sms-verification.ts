import crypto from 'node:crypto';
import type { PrismaClient, SmsPurpose } from '@prisma/client';
import { maskMobile, mobileError, normalizeMobile } from '../../domain/phone';
import { resolveSystemParameters } from '../../domain/system-parameters';
import { sameClient } from '../auth/client-binding';
import { fail, resendTooSoon } from '../errors';
import type { Temporal } from '../temporal';
import { queueSms } from './queue-sms';
import { verificationMessageKey } from './verification-message-key';

const RESEND_AFTER_MS = 60_000;
const TOKEN_TTL_MS = 30 * 60_000;
export const SMS_PURPOSE_LABELS: Record<SmsPurpose, string> = {
  BIND_MOBILE: '手機號碼綁定',
  RESET_PASSWORD: '忘記密碼',
};

const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');

/** The SMS text: the code, what it is for and how long it lasts; never the account. */
export function smsCodeBody(purpose: SmsPurpose, code: string, minutes: number) {
  return `【臺南市政府公務入口網】您的${SMS_PURPOSE_LABELS[purpose]}簡訊驗證碼為 ${code}，${minutes} 分鐘內有效。請勿將驗證碼提供給任何人。`;
}

/**
 * 手機簡訊驗證: a 6-digit code sent by SMS (Mitake, through the outbox and the smsDelivery workflow),
 * then a short-lived token for the next step.
 *   - BIND_MOBILE (個人帳號管理 › 手機號碼): the logged-in user proves the number is theirs; the code and
 *     the token belong to that user only. A number bound to another active account is refused.
 *   - RESET_PASSWORD (忘記密碼 › 使用手機簡訊): sent only when the number is bound to an active account,
 *     but the answer is the same either way, so numbers cannot be enumerated. `require` names the user.
 * The code and the token are bound to the browser that asked for the code (`client`, the HMAC of its
 * binding cookie, api/auth/client-binding.ts).
 */
export function createSmsVerification(deps: { prisma: PrismaClient; temporal: Temporal; hashKey: Buffer }) {
  const { prisma } = deps;
  const codeHash = (id: string, code: string) =>
    crypto.createHmac('sha256', deps.hashKey).update(`sms:${id}:${code}`).digest('hex');

  async function parameters() {
    const rows = await prisma.systemParameter.findMany({
      where: { key: { in: ['verification.codeTtl', 'verification.codeMaxAttempts'] } },
    });
    return resolveSystemParameters(rows, ['verification.codeTtl', 'verification.codeMaxAttempts']);
  }

  /** An active account that has verified this number, other than `exceptUserId`. */
  const boundTo = (mobile: string, exceptUserId?: string) =>
    prisma.user.findFirst({
      where: {
        mobile,
        mobileVerifiedAt: { not: null },
        status: 'ACTIVE',
        ...(exceptUserId ? { id: { not: exceptUserId } } : {}),
      },
      select: { id: true },
    });

  return {
    /**
     * Sends a code to `rawMobile` (09xxxxxxxx in any common notation). BIND_MOBILE needs the
     * logged-in user's id. Throws VALIDATION_FAILED (field mobile), MOBILE_ALREADY_BOUND, RESEND_TOO_SOON.
     */
    async start(purpose: SmsPurpose, rawMobile: string, context: { userId?: string; ip?: string; client: string }) {
      const mobile = normalizeMobile(rawMobile ?? '');
      const error = mobileError(mobile);
      if (error) throw fail('VALIDATION_FAILED', error, { mobile: error });
      if (purpose === 'BIND_MOBILE' && !context.userId) throw fail('UNAUTHENTICATED');

      let userId: string | null = null;
      if (purpose === 'BIND_MOBILE') {
        if (await boundTo(mobile, context.userId)) {
          throw fail('MOBILE_ALREADY_BOUND', undefined, { mobile: '此手機號碼已綁定其他公務帳號，請改用其他手機號碼' });
        }
        userId = context.userId!;
      } else {
        userId = (await boundTo(mobile))?.id ?? null;
      }

      const last = await prisma.smsVerification.findFirst({ where: { mobile, purpose }, orderBy: { createdAt: 'desc' } });
      if (last && Date.now() - last.createdAt.getTime() < RESEND_AFTER_MS) {
        throw resendTooSoon(new Date(last.createdAt.getTime() + RESEND_AFTER_MS), {
          sent: '簡訊驗證碼已送出',
          again: '重新發送',
        });
      }

      const delivered = userId !== null;

      const { 'verification.codeTtl': ttlSeconds } = await parameters();
      const id = crypto.randomUUID();
      const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      await prisma.smsVerification.create({
        data: {
          id,
          purpose,
          mobile,
          userId,
          codeHash: codeHash(id, code),
          expiresAt,
          delivered,
          ip: context.ip ?? null,
          clientHash: context.client,
        },
      });
      if (delivered) {
        await queueSms(deps, {
          key: verificationMessageKey('sms-verification', id),
          to: mobile,
          body: smsCodeBody(purpose, code, Math.max(1, Math.round(ttlSeconds / 60))),
        });
      }
      return {
        verificationId: id,
        mobile: maskMobile(mobile),
        expiresAt: expiresAt.toISOString(),
        resendAfter: new Date(Date.now() + RESEND_AFTER_MS).toISOString(),
      };
    },

    /**
     * Checks the 簡訊驗證碼 (attempts counted atomically before comparing) and answers a token.
     * For BIND_MOBILE only the user who asked for the code can confirm it.
     */
    async confirm(id: string, code: string, context: { userId?: string; client: string | undefined }) {
      const { 'verification.codeMaxAttempts': maxAttempts } = await parameters();
      const row = await prisma.smsVerification.findUnique({ where: { id } });
      const invalid = () => fail('CODE_INVALID', '簡訊驗證碼錯誤，請重新發送', { code: '簡訊驗證碼錯誤，請重新發送' });
      if (!row || row.verifiedAt) throw invalid();
      if (row.purpose === 'BIND_MOBILE' && row.userId !== context.userId) throw invalid();
      if (!sameClient(row.clientHash, context.client)) {
        const message = '請在發送簡訊驗證碼的同一個瀏覽器輸入驗證碼，或重新發送';
        throw fail('CODE_INVALID', message, { code: message });
      }
      if (row.expiresAt <= new Date())
        throw fail('CODE_EXPIRED', '簡訊驗證碼已過期，請重新發送', { code: '簡訊驗證碼已過期，請重新發送' });
      const counted = await prisma.smsVerification.updateMany({
        where: { id, attempts: { lt: maxAttempts } },
        data: { attempts: { increment: 1 } },
      });
      if (counted.count === 0) throw fail('CODE_TOO_MANY_ATTEMPTS', undefined, { code: '錯誤次數過多，請重新發送驗證碼' });
      const expected = Buffer.from(row.codeHash);
      const actual = Buffer.from(codeHash(id, String(code ?? '').trim()));
      if (!row.delivered || expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) {
        const left = maxAttempts - row.attempts - 1;
        const message = left > 0 ? `簡訊驗證碼錯誤，您還可以再試 ${left} 次` : '錯誤次數過多，請重新發送驗證碼';
        throw fail(left > 0 ? 'CODE_INVALID' : 'CODE_TOO_MANY_ATTEMPTS', message, { code: message });
      }
      const token = crypto.randomBytes(32).toString('base64url');
      const tokenExpiresAt = new Date(Date.now() + TOKEN_TTL_MS);
      // verifiedAt: null in the condition makes a code confirm once, also when two requests race.
      const done = await prisma.smsVerification.updateMany({
        where: { id, verifiedAt: null },
        data: { verifiedAt: new Date(), tokenHash: sha256(token), tokenExpiresAt },
      });
      if (done.count === 0) throw invalid();
      return { token, expiresAt: tokenExpiresAt.toISOString() };
    },

    /**
     * The verified number behind a token, for one of `purposes`; else VERIFICATION_REQUIRED. With
     * `userId` the token must belong to that user (BIND_MOBILE); with `consume` it works only once.
     */
    async require(
      token: string | undefined,
      purposes: readonly SmsPurpose[],
      options: { userId?: string; consume?: boolean; client: string | undefined },
    ) {
      const row = token ? await prisma.smsVerification.findUnique({ where: { tokenHash: sha256(token) } }) : null;
      const refused = () => fail('VERIFICATION_REQUIRED', '手機簡訊驗證已逾時或無效，請重新驗證');
      if (!row || !row.tokenExpiresAt || row.tokenExpiresAt <= new Date() || !purposes.includes(row.purpose)) throw refused();
      if (!row.userId || (options.userId !== undefined && row.userId !== options.userId)) throw refused();
      if (!sameClient(row.clientHash, options.client)) throw refused();
      if (options.consume) {
        const spent = await prisma.smsVerification.updateMany({
          where: { id: row.id, tokenExpiresAt: { gt: new Date() } },
          data: { tokenExpiresAt: new Date() },
        });
        if (spent.count === 0) throw refused();
      }
      return { mobile: row.mobile, purpose: row.purpose, userId: row.userId };
    },
  };
}

export type SmsVerification = ReturnType<typeof createSmsVerification>;
