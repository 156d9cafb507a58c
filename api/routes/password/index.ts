import type { PrismaClient } from '@prisma/client';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { smsResetStartSchema } from '../../../domain/schemas/password-reset';
import { resolveSystemParameters } from '../../../domain/system-parameters';
import { verificationCodeSchema } from '../../../domain/schemas/account-application';
import type { Captchas } from '../../commands/captcha';
import type { EmailVerification } from '../../commands/email-verification';
import { setPassword, type PasswordChangeNote, type SetPasswordDeps } from '../../commands/set-password';
import type { SmsVerification } from '../../commands/sms-verification';
import { fail } from '../../errors';
import type { IdentityProofs } from '../../identity/proof';
import { body, noBody } from '../../request-body';
import { CONFIRM_PASSWORD_REQUIRED_MESSAGE, PASSWORD_REQUIRED_MESSAGE } from '../../../domain/password-policy';
import { limitedFirst } from '../../address-limit';
import { parameterRow } from '../../queries/system-parameters';
import { activeUserByBackupEmail, userAccountStatus, userById } from '../../queries/users';

export interface PasswordRouteDeps extends SetPasswordDeps {
  prisma: PrismaClient;
  captchas: Captchas;
  verification: EmailVerification;
  sms: SmsVerification;
  proofs: IdentityProofs;
  /** Per-address limit shared by the API replicas (LoginKit.limitAddress), when the SSO is wired. */
  limitAddress?: (req: Request) => Promise<void>;
}

const PROOF_HEADER = 'x-identity-proof';
const smsStartBody = body(smsResetStartSchema);
const codeBody = body(verificationCodeSchema);
// Optional: setPassword answers a missing password with its PASSWORD_POLICY field message.
const newPasswordBody = body(
  z.object({
    password: z.string({ error: PASSWORD_REQUIRED_MESSAGE }).optional(),
    confirmPassword: z.string({ error: CONFIRM_PASSWORD_REQUIRED_MESSAGE }).optional(),
  }),
);
const header = (req: Request, name: string) => req.get(name)?.trim() || undefined;

/**
 * 忘記密碼 (manual §3.1.8) and the forced change of an expired password, without a session:
 *   身分驗證 → an identity proof (X-Identity-Proof, purpose RESET_PASSWORD, single use) → 設定新密碼.
 * The certificate methods issue their proofs in their own routes; 備用信箱 and 手機簡訊 are here.
 */
export function passwordRoutes(deps: PasswordRouteDeps) {
  const { prisma, proofs } = deps;
  const router = Router();

  async function proofFor(req: Request, userId: string, method: 'BACKUP_EMAIL' | 'SMS') {
    const user = await userAccountStatus(prisma, userId);
    if (!user || user.status !== 'ACTIVE') throw fail('VERIFICATION_REQUIRED', '身分驗證已逾時或無效，請重新驗證');
    const proof = await proofs.issue({ userId, purpose: 'RESET_PASSWORD', method }, req.bindClient());
    return { ...proof, account: user.account };
  }

  /** The active user a RESET_PASSWORD proof names (without spending it). */
  async function proven(req: Request) {
    const proof = await proofs.peek(header(req, PROOF_HEADER), ['RESET_PASSWORD'], req.boundClient);
    const user = await userById(prisma, proof.userId);
    if (!user || user.status !== 'ACTIVE') throw fail('VERIFICATION_REQUIRED', '身分驗證已逾時或無效，請重新驗證');
    return { proof, user };
  }

  // 使用備用信箱: the code was confirmed at /api/verifications/email (purpose RESET_PASSWORD); its token
  // is spent here for an identity proof, so one mailed code yields one password change.
  router.post('/verify/email', limitedFirst(deps.limitAddress), noBody, async (req, res) => {
    const token = header(req, 'x-verification-token');
    const proof = await deps.verification.spend(token, ['RESET_PASSWORD'], req.boundClient, async ({ email }) => {
      const user = await activeUserByBackupEmail(prisma, email);
      if (!user) throw fail('VERIFICATION_REQUIRED', '身分驗證已逾時或無效，請重新驗證備用信箱');
      return proofFor(req, user.id, 'BACKUP_EMAIL');
    });
    res.status(201).json(proof);
  });

  // 使用手機簡訊: 手機號碼 + 圖形驗證碼 → SMS to the bound number (same answer whether bound or not).
  router.post('/verify/sms', limitedFirst(deps.limitAddress), smsStartBody, async (req, res) => {
    const input = smsStartBody.of(req);
    await deps.captchas.consume(input.captchaId, input.captchaAnswer, req.boundClient);
    res.status(201).json(await deps.sms.start('RESET_PASSWORD', input.mobile, { ip: req.ip, client: req.bindClient() }));
  });

  // 簡訊驗證碼 → identity proof.
  router.post('/verify/sms/:id/confirm', limitedFirst(deps.limitAddress), codeBody, async (req, res) => {
    const { id } = z.object({ id: z.uuid('驗證編號格式錯誤') }).parse(req.params);
    const { code } = codeBody.of(req);
    const { token } = await deps.sms.confirm(id, code, { client: req.boundClient });
    const { userId } = await deps.sms.require(token, ['RESET_PASSWORD'], { consume: true, client: req.boundClient });
    res.status(201).json(await proofFor(req, userId, 'SMS'));
  });

  // The account behind the proof, so the page can check 「不可與帳號名稱相同」 as the user types.
  router.get('/reset', async (req, res) => {
    const { user } = await proven(req);
    res.json({ account: user.account });
  });

  async function reset(req: Request, note: PasswordChangeNote) {
    const token = header(req, PROOF_HEADER);
    const { proof, user } = await proven(req);
    if (note === '密碼逾期變更' && !(await passwordExpired(user.passwordChangedAt))) {
      throw fail('VALIDATION_FAILED', '密碼尚未到期，請使用「密碼修改」或「忘記密碼」');
    }
    return setPassword(deps, {
      userId: user.id,
      password: newPasswordBody.of(req).password,
      confirmPassword: newPasswordBody.of(req).confirmPassword,
      note,
      method: proof.method,
      actor: user.account,
      request: { ip: req.ip, userAgent: req.get('user-agent') },
      // Spent only once the password passed every rule: a rejected password can be corrected.
      beforeWrite: () => proofs.consume(token, ['RESET_PASSWORD'], req.boundClient),
    });
  }

  async function passwordExpired(changedAt: Date | null) {
    if (!changedAt) return true;
    const row = await parameterRow(prisma, 'password.maxAge');
    const maxAge = resolveSystemParameters(row ? [row] : [], ['password.maxAge'])['password.maxAge'];
    return changedAt.getTime() + maxAge * 1000 <= Date.now();
  }

  // 忘記密碼 › 輸入新密碼.
  router.post('/reset', newPasswordBody, async (req, res) => {
    const { account } = await reset(req, '忘記密碼');
    res.json({ account });
  });

  // 密碼已逾期: the changeToken the login answered with (a RESET_PASSWORD proof) → forced change.
  router.post('/expired', newPasswordBody, async (req, res) => {
    const { account } = await reset(req, '密碼逾期變更');
    res.json({ account });
  });

  return router;
}
