import { Router } from 'express';
import { hashPassword, verifyPassword } from '../../../infra/password-hash';
import { loginSchema } from '../../../domain/schemas/session';
import type { LoginMethodModule } from './types';
import { body } from '../../request-body';

const loginBody = body(loginSchema);

// Verified against when the account does not exist, so both paths cost the same time (same parameters).
const DUMMY_HASH = hashPassword('no-such-account-placeholder');

/** 一般登入: 帳號 + 密碼 + 圖形驗證碼 (manual 第二章 壹 五). */
export const passwordLogin: LoginMethodModule = {
  slug: 'password',
  method: 'PASSWORD',
  routes: ({ prisma, captchas, kit }) => {
    const router = Router({ mergeParams: true });
    router.post('/', loginBody, async (req, res) => {
      const input = loginBody.of(req);
      // One image, one guess: the captcha is spent before the credentials are looked at.
      await captchas.consume(input.captchaId, input.captchaAnswer, req.boundClient);
      const account = input.account.trim().toLowerCase();
      await kit.assertNotLocked(account, req);
      const user = await prisma.user.findUnique({ where: { account } });
      const valid = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), input.password);
      if (!user || !user.passwordHash || !valid) {
        return kit.failure(req, {
          account,
          user,
          method: 'PASSWORD',
          reason: !user ? 'UNKNOWN_ACCOUNT' : !user.passwordHash ? 'NO_PASSWORD' : 'BAD_PASSWORD',
        });
      }
      await kit.success(req, res, { user, method: 'PASSWORD' });
    });
    return router;
  },
};
