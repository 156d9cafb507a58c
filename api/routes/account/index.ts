import { Router, type Request } from 'express';
import { z } from 'zod';
import { backupEmailSchema } from '../../../domain/email';
import { mobileSchema } from '../../../domain/phone';
import { verificationCodeSchema } from '../../../domain/schemas/account-application';
import { otpCodeSchema } from '../../../domain/schemas/sso-login';
import { createAccountBindings, type BindingDeps } from '../../commands/account-bindings';
import { authorize, type Action } from '../../policies';
import { presentAccount } from '../../presenters/account';
import { ownAccount } from '../../queries/users';
import { authorized, body, noBody } from '../../request-body';

const idParams = z.object({ id: z.uuid('驗證編號格式錯誤') });
const tokenBody = body(z.object({ token: z.string({ error: '請先完成驗證' }).trim().min(1, '請先完成驗證').max(200) }));
const otpCodeBody = body(z.object({ code: otpCodeSchema }));
const mobileBody = body(z.object({ mobile: mobileSchema }));
const emailBody = body(z.object({ email: backupEmailSchema }));
const codeBody = body(verificationCodeSchema);
const otp = authorized('binding.otp.manage');
const mobile = authorized('binding.mobile.manage');
const email = authorized('binding.email.manage');

/**
 * 個人帳號管理 (/api/account): the page's data and the bindings of the logged-in user.
 *   GET    /                                     the page
 *   POST   /otp/setup | /otp/enable  DELETE /otp OTP 驗證 (setup → confirm with a code → on; off)
 *   POST   /mobile/verifications, /:id/confirm   發送驗證簡訊, 進行驗證
 *   PUT    /mobile  DELETE /mobile               確定 (bind with the token), 解除綁定
 *   POST   /backup-email/verifications, /:id/confirm, PUT /backup-email   備用電子郵件 重新綁定
 * Each route: authorize → validate → command. Changes are written to 帳號使用紀錄 and mailed.
 */
export function accountRoutes(deps: BindingDeps) {
  const { prisma } = deps;
  const router = Router();
  const bindings = createAccountBindings(deps);
  const ctx = (req: Request, action: Action) => {
    authorize(req.actor, action);
    return { actor: req.actor, ip: req.ip, client: req.boundClient };
  };
  // Sending a code binds it (and the token it leads to) to this browser.
  const issuing = (req: Request, action: Action) => ({ ...ctx(req, action), client: req.bindClient() });

  router.get('/', async (req, res) => {
    authorize(req.actor, 'account.read');
    const row = await ownAccount(prisma, req.actor.id);
    res.set('cache-control', 'no-store').json(presentAccount(row, req.actor));
  });

  // OTP 驗證
  router.post('/otp/setup', otp, noBody, async (req, res) => {
    const c = ctx(req, 'binding.otp.manage');
    res
      .set('cache-control', 'no-store')
      .status(201)
      .json(await bindings.otpSetup(c));
  });
  router.post('/otp/enable', otp, otpCodeBody, async (req, res) => {
    const c = ctx(req, 'binding.otp.manage');
    const { code } = otpCodeBody.of(req);
    await bindings.otpEnable(c, code);
    res.status(204).end();
  });
  router.delete('/otp', otp, noBody, async (req, res) => {
    await bindings.otpDisable(ctx(req, 'binding.otp.manage'));
    res.status(204).end();
  });

  // 手機號碼
  router.post('/mobile/verifications', mobile, mobileBody, async (req, res) => {
    const c = issuing(req, 'binding.mobile.manage');
    res.status(201).json(await bindings.mobileStart(c, mobileBody.of(req).mobile));
  });
  router.post('/mobile/verifications/:id/confirm', mobile, codeBody, async (req, res) => {
    const c = ctx(req, 'binding.mobile.manage');
    const { id } = idParams.parse(req.params);
    const { code } = codeBody.of(req);
    res.json(await bindings.mobileConfirm(c, id, code));
  });
  router.put('/mobile', mobile, tokenBody, async (req, res) => {
    const c = ctx(req, 'binding.mobile.manage');
    const { token } = tokenBody.of(req);
    res.json(await bindings.mobileBind(c, token));
  });
  router.delete('/mobile', mobile, noBody, async (req, res) => {
    await bindings.mobileUnbind(ctx(req, 'binding.mobile.manage'));
    res.status(204).end();
  });

  // 備用電子郵件
  router.post('/backup-email/verifications', email, emailBody, async (req, res) => {
    const c = issuing(req, 'binding.email.manage');
    res.status(201).json(await bindings.emailStart(c, emailBody.of(req).email));
  });
  router.post('/backup-email/verifications/:id/confirm', email, codeBody, async (req, res) => {
    const c = ctx(req, 'binding.email.manage');
    const { id } = idParams.parse(req.params);
    const { code } = codeBody.of(req);
    res.json(await bindings.emailConfirm(c, id, code));
  });
  router.put('/backup-email', email, tokenBody, async (req, res) => {
    const c = ctx(req, 'binding.email.manage');
    const { token } = tokenBody.of(req);
    res.json(await bindings.emailRebind(c, token));
  });

  return router;
}
