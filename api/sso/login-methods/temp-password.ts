import { Router } from 'express';
import { temporaryPasswordLoginSchema, temporaryPasswordRequestSchema } from '../../../domain/schemas/sso-login';
import { createTemporaryPasswords, type TemporaryPasswordCheck } from '../../commands/temporary-password';
import type { LoginUser } from '../login-kit';
import type { LoginMethodModule } from './types';
import { body } from '../../request-body';

const sendBody = body(temporaryPasswordRequestSchema);
const loginBody = body(temporaryPasswordLoginSchema);

export const TEMP_PASSWORD_LOGIN_FAILED = '備用信箱或臨時密碼錯誤，或臨時密碼已失效，請重新申請';

/**
 * 臨時密碼 (登入方式四):
 *   POST …/temp-password/send  備用信箱 + 圖形驗證碼 → 送出: a temporary password is mailed when the
 *                              address is bound to an active account; the answer is the same otherwise.
 *   POST …/temp-password       臨時密碼 + 圖形驗證碼 → 登入: single use, attempts limited, lockout.
 * The captcha is spent before anything else is looked at.
 */
export const temporaryPasswordLogin: LoginMethodModule = {
  slug: 'temp-password',
  method: 'TEMP_PASSWORD',
  routes: ({ prisma, temporal, webUrl, hashKey, kit, captchas }) => {
    const router = Router({ mergeParams: true });
    const passwords = createTemporaryPasswords({ prisma, temporal, webUrl, hashKey });

    router.post('/send', sendBody, async (req, res) => {
      const input = sendBody.of(req);
      await captchas.consume(input.captchaId, input.captchaAnswer, req.boundClient);
      const sent = await passwords.send(input.email, req.bindClient());
      res.status(202).json({
        ...sent,
        message: `若 ${sent.email} 已綁定臺南市政府公務帳號，系統已寄送臨時密碼至該信箱，請於 ${sent.minutes} 分鐘內輸入。`,
      });
    });

    router.post('/', loginBody, async (req, res) => {
      const input = loginBody.of(req);
      await captchas.consume(input.captchaId, input.captchaAnswer, req.boundClient);
      await kit.assertNotLocked(input.email);
      const owner = await passwords.userFor(input.email);
      // A lockout earned by another method on the same account applies here too, but is answered as
      // an unknown address is (LOGIN_FAILED, counted on the typed address): 423 would tell anyone that
      // the address is the backup e-mail of an account.
      const checked: TemporaryPasswordCheck | { ok: false; user: LoginUser; reason: 'ACCOUNT_LOCKED' } =
        owner && (await kit.isLocked(owner.account))
          ? { ok: false, user: owner, reason: 'ACCOUNT_LOCKED' }
          : await passwords.check(input.email, input.temporaryPassword, req.boundClient);
      if (!checked.ok) {
        return kit.failure(req, {
          account: input.email,
          user: checked.user,
          method: 'TEMP_PASSWORD',
          reason: checked.reason,
          message: TEMP_PASSWORD_LOGIN_FAILED,
          countsTowardLockout: true,
        });
      }
      await kit.success(req, res, { user: checked.user, method: 'TEMP_PASSWORD', account: input.email });
    });

    return router;
  },
};
