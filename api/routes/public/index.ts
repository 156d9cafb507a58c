import { Router, type Request } from 'express';
import { z } from 'zod';
import { normalizeAccountName, accountNameErrors } from '../../../domain/account-name';
import {
  accountAmendmentSchema,
  accountApplicationSchema,
  emailVerificationSchema,
  verificationCodeSchema,
} from '../../../domain/schemas/account-application';
import { PASSWORD_REQUIRED_MESSAGE, CONFIRM_PASSWORD_REQUIRED_MESSAGE } from '../../../domain/password-policy';
import { activatedSignal } from '../../../workflows/account-application.messages';
import { resetAwaitingActivation } from '../../commands/console-account';
import {
  accountAvailable,
  amendApplication,
  applicationFor,
  submitApplication,
  type ApplicationDeps,
} from '../../commands/account-application';
import { reactivationAwaitingActivation } from '../../commands/account-reactivation';
import type { Captchas } from '../../commands/captcha';
import type { EmailVerification } from '../../commands/email-verification';
import { setPassword } from '../../commands/set-password';
import type { IdentityProofs } from '../../identity/proof';
import { adminLookupUse } from '../../queries/agency-admins';
import { applicationsOf } from '../../queries/account-applications';
import { organizationPicker } from '../../queries/organizations';
import { userAwaitingActivation } from '../../queries/users';
import { fail } from '../../errors';
import { body, noBody } from '../../request-body';
import type { PublicLimits } from '../../sso';
import { presentApplication } from '../../presenters/account-application';
import { limitedFirst } from '../../address-limit';

const purposeSchema = z.enum(['APPLY', 'AMEND', 'STATUS', 'ACTIVATE', 'RESET_PASSWORD', 'ADMIN_LOOKUP', 'REACTIVATE'], {
  error: '驗證用途錯誤',
});
const kindSchema = z.enum(['ALL', 'CITY_HALL_UNIT', 'EXTERNAL_AGENCY', 'DISTRICT_OFFICE']).default('ALL');
const idParams = z.object({ id: z.uuid('申請編號格式錯誤') });
const emailVerificationBody = body(emailVerificationSchema.extend({ purpose: purposeSchema }));
const codeBody = body(verificationCodeSchema);
// The amendment is checked again against the stored ID number (amendApplication); here its shape.
const applicationBody = body(accountApplicationSchema);
const amendmentBody = body(accountAmendmentSchema({}));
// Optional: setPassword answers a missing password with its PASSWORD_POLICY field message.
const activationBody = body(
  z.object({
    newPassword: z.string({ error: PASSWORD_REQUIRED_MESSAGE }).optional(),
    confirmPassword: z.string({ error: CONFIRM_PASSWORD_REQUIRED_MESSAGE }).optional(),
  }),
);

/** Pages reachable without logging in: 個人帳號申請/修改, 申請進度, 開通帳號, and what they need. */
export function publicRoutes(
  deps: ApplicationDeps & {
    captchas: Captchas;
    verification: EmailVerification;
    proofs: IdentityProofs;
    /** Shared per-address budgets (api/sso PublicLimits); absent only when the SSO is not wired (tests). */
    limits?: PublicLimits;
  },
) {
  const { prisma, captchas, verification } = deps;
  const router = Router();
  const token = (header: string | undefined) => header?.trim() || undefined;
  const issuedTo = (req: Request) => ({ ip: req.ip, client: req.bindClient() });

  router.post('/captcha', limitedFirst(deps.limits?.captcha), noBody, async (req, res) => {
    res.status(201).json(await captchas.create(req.bindClient()));
  });

  router.post('/verifications/email', emailVerificationBody, async (req, res) => {
    const { purpose, ...input } = emailVerificationBody.of(req);
    await captchas.consume(input.captchaId, input.captchaAnswer, req.boundClient);
    if (purpose === 'ADMIN_LOOKUP') {
      // 機關管理員查詢 (api/routes/public/agency-admins.ts): stored as STATUS, mailed as itself.
      return void res.status(201).json(await verification.start('STATUS', input.email, issuedTo(req), adminLookupUse(prisma)));
    }
    res.status(201).json(await verification.start(purpose, input.email, issuedTo(req)));
  });

  router.post('/verifications/email/:id/confirm', codeBody, async (req, res) => {
    const { id } = z.object({ id: z.uuid('驗證編號格式錯誤') }).parse(req.params);
    const { code } = codeBody.of(req);
    res.json(await verification.confirm(id, code, req.boundClient));
  });

  router.get('/organizations', async (req, res) => {
    const kind = kindSchema.parse(req.query.kind);
    const items = await organizationPicker(prisma, kind);
    res.set('cache-control', 'public, max-age=300').json({ items });
  });

  router.get('/account-applications/account-availability', async (req, res) => {
    await deps.limits?.accountAvailability(req);
    const account = normalizeAccountName(String(req.query.account ?? ''));
    const errors = accountNameErrors(account, {});
    if (errors.length) return void res.json({ available: false, message: errors[0] });
    const available = await accountAvailable(prisma, account);
    res.json({ available, message: available ? '此帳號可以使用' : '此帳號已被使用' });
  });

  router.post('/account-applications', applicationBody, async (req, res) => {
    const { created, email } = await verification.spend(
      token(req.get('x-verification-token')),
      ['APPLY'],
      req.boundClient,
      async ({ email }) => ({ created: await submitApplication(deps, email, req.body), email }),
    );
    const row = await applicationFor(prisma, created.id, { email });
    res.status(201).json({ ...(await presentApplication(prisma, row, deps.dataKey)), statusUrl: created.statusUrl });
  });

  router.get('/account-applications/mine', async (req, res) => {
    const { email } = await verification.require(token(req.get('x-verification-token')), ['AMEND', 'STATUS'], req.boundClient);
    const rows = await applicationsOf(prisma, email);
    res.json({ items: await Promise.all(rows.map((row) => presentApplication(prisma, row, deps.dataKey))) });
  });

  router.get('/account-applications/:id/status', async (req, res) => {
    const { id } = idParams.parse(req.params);
    const key = typeof req.query.key === 'string' ? req.query.key : undefined;
    const email = key
      ? undefined
      : (await verification.require(token(req.get('x-verification-token')), ['AMEND', 'STATUS'], req.boundClient)).email;
    const row = await applicationFor(prisma, id, { key, email });
    res.json(await presentApplication(prisma, row, deps.dataKey));
  });

  router.put('/account-applications/:id', amendmentBody, async (req, res) => {
    const { id } = idParams.parse(req.params);
    const email = await verification.spend(
      token(req.get('x-verification-token')),
      ['AMEND'],
      req.boundClient,
      async ({ email }) => {
        await amendApplication(deps, email, id, req.body);
        return email;
      },
    );
    const row = await applicationFor(prisma, id, { email });
    res.json(await presentApplication(prisma, row, deps.dataKey));
  });

  // 開通帳號: after 備用信箱 (X-Verification-Token, purpose ACTIVATE) or 行動自然人憑證 (X-Identity-Proof,
  // purpose ACTIVATE). set-password checks and stores the password; the application's workflow gets the
  // sealed password's id, activates the user and writes the password to AD as it enables the account.
  router.post('/activation', activationBody, async (req, res) => {
    const proofToken = token(req.get('x-identity-proof'));
    type Method = 'BACKUP_EMAIL' | 'MOBILE_CERT' | 'CITIZEN_CERT';
    const pendingUser = (where: { id: string } | { backupEmail: string }) => userAwaitingActivation(prisma, where);

    async function activate(user: Awaited<ReturnType<typeof pendingUser>>, method: Method, beforeWrite?: () => Promise<unknown>) {
      if (!user) throw fail('VERIFICATION_REQUIRED', '找不到待開通的帳號，請重新驗證');
      // A reactivated account (個人帳號復用) hands the password to its reactivation, not to its old application.
      // So does one an admin reset to 待開通 (帳號管理 › 重設為待開通).
      const reactivation =
        (await reactivationAwaitingActivation(prisma, user.id)) ?? (await resetAwaitingActivation(prisma, user.id));
      const application = reactivation ?? user.accountApplication;
      if (!application) throw fail('NOT_FOUND', '找不到此帳號的申請紀錄');
      const { account } = await setPassword(deps, {
        userId: user.id,
        password: activationBody.of(req).newPassword,
        confirmPassword: activationBody.of(req).confirmPassword,
        fields: { password: 'newPassword', confirm: 'confirmPassword' },
        note: '開通帳號',
        method,
        actor: user.account,
        request: { ip: req.ip, userAgent: req.get('user-agent') },
        beforeWrite,
        handToAd: async (passwordRef) => {
          await deps.temporal.client.workflow
            .getHandle(application.workflowId)
            .signal(activatedSignal, { userId: user.id, passwordRef });
        },
      });
      return account;
    }

    let account: string;
    if (proofToken) {
      const proof = await deps.proofs.peek(proofToken, ['ACTIVATE'], req.boundClient);
      if (proof.method !== 'MOBILE_CERT' && proof.method !== 'CITIZEN_CERT' && proof.method !== 'BACKUP_EMAIL')
        throw fail('VERIFICATION_REQUIRED', '身分驗證方式不適用於開通帳號，請重新驗證');
      account = await activate(await pendingUser({ id: proof.userId }), proof.method, () =>
        deps.proofs.consume(proofToken, ['ACTIVATE'], req.boundClient),
      );
    } else {
      // The mailed code's token is spent by the activation; a password refused by the rules gives it back.
      account = await verification.spend(
        token(req.get('x-verification-token')),
        ['ACTIVATE'],
        req.boundClient,
        async ({ email }) => activate(await pendingUser({ backupEmail: email }), 'BACKUP_EMAIL'),
      );
    }
    res.json({ account });
  });

  return router;
}
