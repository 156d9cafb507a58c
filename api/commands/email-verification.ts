import crypto from 'node:crypto';
import type { PrismaClient, VerificationPurpose } from '@prisma/client';
import { backupEmailError, isOfficialMail, normalizeEmail } from '../../domain/email';
import { resolveSystemParameters } from '../../prisma/system-parameters';
import { fail } from '../errors';
import type { Temporal } from '../temporal';
import { queueMail } from './queue-mail';

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
 */
export function createEmailVerification(deps: { prisma: PrismaClient; temporal: Temporal; baseUrl: string; hashKey: Buffer }) {
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

  return {
    /**
     * `use` lets a page that shares a stored purpose say what the code is for and who may get one
     * (機關管理員查詢 stores STATUS — the schema has no purpose of its own — but names itself in the mail).
     */
    async start(
      purpose: VerificationPurpose,
      rawEmail: string,
      ip: string | undefined,
      use?: { label: string; eligible: (email: string) => Promise<boolean> },
    ) {
      const email = normalizeEmail(rawEmail);
      const emailError = backupEmailError(email);
      if (emailError)
        throw fail(isOfficialMail(email) ? 'EMAIL_OFFICIAL' : 'VALIDATION_FAILED', emailError, { email: emailError });

      const last = await prisma.emailVerification.findFirst({ where: { email, purpose }, orderBy: { createdAt: 'desc' } });
      if (last && Date.now() - last.createdAt.getTime() < RESEND_AFTER_MS) {
        const resendAfter = new Date(last.createdAt.getTime() + RESEND_AFTER_MS).toISOString();
        throw fail('RESEND_TOO_SOON', undefined, undefined, { resendAfter });
      }

      const delivered = use ? await use.eligible(email) : await eligible(purpose, email);
      const { 'verification.codeTtl': ttlSeconds } = await parameters();
      const id = crypto.randomUUID();
      const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      await prisma.emailVerification.create({
        data: { id, purpose, email, codeHash: codeHash(id, code), expiresAt, delivered, ip: ip ?? null },
      });
      if (delivered) {
        await queueMail(deps, {
          key: `verification:${id}`,
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

    async confirm(id: string, code: string) {
      const { 'verification.codeMaxAttempts': maxAttempts } = await parameters();
      const row = await prisma.emailVerification.findUnique({ where: { id } });
      if (!row || row.verifiedAt) throw fail('CODE_INVALID', '驗證碼錯誤，請重新發送', { code: '驗證碼錯誤，請重新發送' });
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

    /** The verified address behind a token, for one of the given purposes; else VERIFICATION_REQUIRED. */
    async require(token: string | undefined, purposes: readonly VerificationPurpose[]) {
      const row = token ? await prisma.emailVerification.findUnique({ where: { tokenHash: sha256(token) } }) : null;
      if (!row || !row.tokenExpiresAt || row.tokenExpiresAt <= new Date() || !purposes.includes(row.purpose)) {
        throw fail('VERIFICATION_REQUIRED', '身分驗證已逾時或無效，請重新驗證備用信箱');
      }
      return { email: row.email, purpose: row.purpose };
    },
  };
}

export type EmailVerification = ReturnType<typeof createEmailVerification>;
