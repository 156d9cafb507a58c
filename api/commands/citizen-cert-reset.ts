import type { PrismaClient } from '@prisma/client';
import { AppError, fail } from '../errors';
import { certAttemptAccount, type CitizenCert, type SignedChallenge } from '../identity/citizen-cert';

/**
 * 忘記密碼 › 使用自然人憑證: the active account a verified card is bound to. Every refusal (a bad
 * signature, a card bound to nobody, an account that may not reset) is written to 帳號登入紀錄 first;
 * the success row is written when the new password is set (api/commands/set-password.ts).
 */
export async function citizenCertResetUser(
  deps: { prisma: PrismaClient; citizenCert: CitizenCert },
  input: SignedChallenge,
  attempt: { ip?: string; userAgent?: string },
) {
  const { prisma, citizenCert } = deps;
  const failed = (row: { userId: string | null; account: string; reason: string }) =>
    prisma.loginRecord.create({
      data: {
        userId: row.userId,
        account: row.account.slice(0, 64),
        method: 'CITIZEN_CERT',
        action: 'FORGOT_PASSWORD',
        result: 'FAILURE',
        reason: row.reason,
        ip: attempt.ip ?? null,
        userAgent: attempt.userAgent?.slice(0, 512) ?? null,
      },
    });
  let card;
  try {
    card = await citizenCert.verify(input, 'RESET_PASSWORD');
  } catch (error) {
    if (error instanceof AppError) await failed({ userId: null, account: certAttemptAccount(null), reason: error.code });
    throw error;
  }
  const user = await prisma.user.findUnique({
    where: { citizenCertSerial: card.serial },
    select: { id: true, account: true, status: true },
  });
  if (!user) {
    await failed({ userId: null, account: certAttemptAccount(card), reason: 'CITIZEN_CERT_NOT_BOUND' });
    throw fail('CITIZEN_CERT_NOT_BOUND', '此自然人憑證尚未綁定公務帳號，請改用其他驗證方式');
  }
  if (user.status !== 'ACTIVE') {
    await failed({ userId: user.id, account: user.account, reason: `STATUS_${user.status}` });
    throw fail('VERIFICATION_REQUIRED', '此帳號目前無法重設密碼，請洽機關管理者');
  }
  return user;
}
