import crypto from 'node:crypto';
import type { PrismaClient, VerificationPurpose } from '@prisma/client';
import { backupEmailError, isOfficialMail, normalizeEmail } from '../../domain/email';
import { resolveSystemParameters } from '../../domain/system-parameters';
import { sameClient } from '../auth/client-binding';
import { fail, resendTooSoon } from '../errors';
import { isRefusal } from './refusal';
import type { Temporal } from '../temporal';
import { queueMail } from './queue-mail';
import { verificationMessageKey } from './verification-message-key';

const RESEND_AFTER_MS = 60_000;
const TOKEN_TTL_MS = 30 * 60_000;
const PURPOSE_LABELS: Record<VerificationPurpose, string> = {
  APPLY: '個人帳號申請',
  AMEND: '修改個人帳號申請內容',
  STATUS: '查詢申請進度',
  ACTIVATE: '開通帳號',
  RESET_PASSWORD: '忘記密碼',
  TEMP_PASSWORD: '臨時密碼',
  BIND: '備用電子郵件綁定',
  REACTIVATE: '個人帳號復用',
};

const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');

/**
 * 備用信箱驗證: a 6-digit code mailed to the address, then a short-lived token for the next step.
 * For every purpose but APPLY the answer does not say whether the address is known.
 * The code and the token are bound to the browser that asked for the code (`client`, the HMAC of its
 * binding cookie, api/auth/client-binding.ts). The token may be read (`require`) while it lasts — the
 * status pages and 機關管理員查詢 list several things with one verification — but only one step that
 * changes something can `spend` it.
 */
export function createEmailVerification(deps: { prisma: PrismaClient; temporal: Temporal; webUrl: string; hashKey: Buffer }) {
  const { prisma } = deps;
  const codeHash = (id: string, code: string) => crypto.createHmac('sha256', deps.hashKey).update(`${id}:${code}`).digest('hex');

  async function parameters() {
    const rows = await prisma.systemParameter.findMany({
      where: { key: { in: ['verification.codeTtl', 'verification.codeMaxAttempts'] } },
    });
    return resolveSystemParameters(rows, ['verification.codeTtl', 'verification.codeMaxAttempts']);
  }

  /** Whether a code should really be mailed for this purpose; throws for APPLY's visible rules. */
  async function eligible(purpose: VerificationPurpose, email: string): Promise<boolean> {
    switch (purpose) {
      case 'APPLY': {
        const bound =
          (await prisma.user.count({ where: { backupEmail: email } })) +
          (await prisma.backupEmailBinding.count({ where: { email } }));
        if (bound > 0)
          throw fail('EMAIL_ALREADY_BOUND', undefined, { email: '此備用信箱已綁定過臺南市政府公務帳號，請改用其他信箱' });
        const open = await prisma.accountApplication.count({
          where: { backupEmail: email, status: { in: ['PENDING', 'PROVISIONING', 'AWAITING_ACTIVATION'] } },
        });
        if (open > 0) {
          throw fail('EMAIL_ALREADY_BOUND', '此備用信箱已有申請中的案件，請使用「修改個人帳號申請內容」或查詢申請進度', {
            email: '此備用信箱已有申請中的案件',
          });
        }
        return true;
      }
      case 'AMEND':
      case 'STATUS':
        return (await prisma.accountApplication.count({ where: { backupEmail: email } })) > 0;
      case 'ACTIVATE':
        return (await prisma.user.count({ where: { backupEmail: email, status: 'PENDING_ACTIVATION' } })) > 0;
      case 'RESET_PASSWORD':
      case 'TEMP_PASSWORD':
        return (await prisma.user.count({ where: { backupEmail: email, status: 'ACTIVE' } })) > 0;
      case 'REACTIVATE':
        return (await prisma.user.count({ where: { backupEmail: email, status: 'DISABLED' } })) > 0;
      case 'BIND': {
        const bound = await prisma.user.count({ where: { backupEmail: email } });
        if (bound > 0) throw fail('EMAIL_ALREADY_BOUND', undefined, { email: '此備用信箱已綁定其他公務帳號，請改用其他信箱' });
        return true;
      }
    }
  }

  async function verified(token: string | undefined, purposes: readonly VerificationPurpose[], client: string | undefined) {
    const row = token ? await prisma.emailVerification.findUnique({ where: { tokenHash: sha256(token) } }) : null;
    if (
      !row ||
      !row.tokenExpiresAt ||
      row.tokenExpiresAt <= new Date() ||
      !purposes.includes(row.purpose) ||
      !sameClient(row.clientHash, client)
    ) {
      throw fail('VERIFICATION_REQUIRED', '身分驗證已逾時或無效，請重新驗證備用信箱');
    }
    return row;
  }

  return {
    /**
     * `use` lets a page that shares a stored purpose say what the code is for and who may get one
     * (機關管理員查詢 stores STATUS — the schema has no purpose of its own — but names itself in the mail).
     */
    async start(
      purpose: VerificationPurpose,
      rawEmail: string,
      request: { ip?: string; client: string },
      use?: { label: string; eligible: (email: string) => Promise<boolean> },
    ) {
      const email = normalizeEmail(rawEmail);
      const emailError = backupEmailError(email);
      if (emailError)
        throw fail(isOfficialMail(email) ? 'EMAIL_OFFICIAL' : 'VALIDATION_FAILED', emailError, { email: emailError });

      const last = await prisma.emailVerification.findFirst({ where: { email, purpose }, orderBy: { createdAt: 'desc' } });
      if (last && Date.now() - last.createdAt.getTime() < RESEND_AFTER_MS) {
        throw resendTooSoon(new Date(last.createdAt.getTime() + RESEND_AFTER_MS));
      }

      const delivered = use ? await use.eligible(email) : await eligible(purpose, email);
      const { 'verification.codeTtl': ttlSeconds } = await parameters();
      const id = crypto.randomUUID();
      const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      await prisma.emailVerification.create({
        data: {
          id,
          purpose,
          email,
          codeHash: codeHash(id, code),
          expiresAt,
          delivered,
          ip: request.ip ?? null,
          clientHash: request.client,
        },
      });
      if (delivered) {
        await queueMail(deps, {
          key: verificationMessageKey('verification', id),
          to: email,
          template: 'verificationCode',
          data: { code, minutes: Math.max(1, Math.round(ttlSeconds / 60)), purpose: use?.label ?? PURPOSE_LABELS[purpose] },
        });
      }
      return {
        verificationId: id,
        email,
        expiresAt: expiresAt.toISOString(),
        resendAfter: new Date(Date.now() + RESEND_AFTER_MS).toISOString(),
      };
    },

    async confirm(id: string, code: string, client: string | undefined) {
      const { 'verification.codeMaxAttempts': maxAttempts } = await parameters();
      const row = await prisma.emailVerification.findUnique({ where: { id } });
      if (!row || row.verifiedAt) throw fail('CODE_INVALID', '驗證碼錯誤，請重新發送', { code: '驗證碼錯誤，請重新發送' });
      if (!sameClient(row.clientHash, client)) {
        const message = '請在發送驗證碼的同一個瀏覽器輸入驗證碼，或重新發送';
        throw fail('CODE_INVALID', message, { code: message });
      }
      if (row.expiresAt <= new Date()) throw fail('CODE_EXPIRED', undefined, { code: '驗證碼已過期，請重新發送' });
      // Count the attempt before comparing, atomically, so parallel guesses cannot exceed the limit.
      const counted = await prisma.emailVerification.updateMany({
        where: { id, attempts: { lt: maxAttempts } },
        data: { attempts: { increment: 1 } },
      });
      if (counted.count === 0) throw fail('CODE_TOO_MANY_ATTEMPTS', undefined, { code: '錯誤次數過多，請重新發送驗證碼' });
      const expected = Buffer.from(row.codeHash);
      const actual = Buffer.from(codeHash(id, code.trim()));
      if (!row.delivered || !crypto.timingSafeEqual(expected, actual)) {
        const left = maxAttempts - row.attempts - 1;
        const message = left > 0 ? `驗證碼錯誤，您還可以再試 ${left} 次` : '錯誤次數過多，請重新發送驗證碼';
        throw fail(left > 0 ? 'CODE_INVALID' : 'CODE_TOO_MANY_ATTEMPTS', message, { code: message });
      }
      const token = crypto.randomBytes(32).toString('base64url');
      const tokenExpiresAt = new Date(Date.now() + TOKEN_TTL_MS);
      await prisma.emailVerification.update({
        where: { id },
        data: { verifiedAt: new Date(), tokenHash: sha256(token), tokenExpiresAt },
      });
      // 開通帳號 shows the password rules live, one of which names the account: tell it, now that the
      // owner of the address has proven it.
      const account =
        row.purpose === 'ACTIVATE'
          ? (
              await prisma.user.findFirst({
                where: { backupEmail: row.email, status: 'PENDING_ACTIVATION' },
                select: { account: true },
              })
            )?.account
          : undefined;
      return { token, expiresAt: tokenExpiresAt.toISOString(), ...(account ? { account } : {}) };
    },

    /**
     * The verified address behind a token, for one of the given purposes, asked from the browser the
     * token was issued to; else VERIFICATION_REQUIRED. Reading does not spend the token.
     */
    require: async (token: string | undefined, purposes: readonly VerificationPurpose[], client: string | undefined) =>
      verified(token, purposes, client).then(({ email, purpose }) => ({ email, purpose })),

    /**
     * The one use of a token that changes something: marked spent (atomically, so two racing
     * requests cannot both pass), then `write` runs. When `write` refuses (bad input, a conflict:
     * nothing was changed) the token is given back so the person can correct and send again.
     */
    async spend<T>(
      token: string | undefined,
      purposes: readonly VerificationPurpose[],
      client: string | undefined,
      write: (verified: { email: string; purpose: VerificationPurpose }) => Promise<T>,
    ): Promise<T> {
      const row = await verified(token, purposes, client);
      const spentAt = new Date();
      const spent = await prisma.emailVerification.updateMany({ where: { id: row.id, spentAt: null }, data: { spentAt } });
      if (spent.count === 0) throw fail('VERIFICATION_REQUIRED', '此次身分驗證已使用過，請重新驗證備用信箱');
      try {
        return await write({ email: row.email, purpose: row.purpose });
      } catch (error) {
        if (isRefusal(error))
          await prisma.emailVerification.updateMany({ where: { id: row.id, spentAt }, data: { spentAt: null } });
        throw error;
      }
    },
  };
}

export type EmailVerification = ReturnType<typeof createEmailVerification>;
