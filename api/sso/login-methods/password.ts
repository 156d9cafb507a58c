import argon2 from 'argon2';
import { Router } from 'express';
import { loginSchema } from '../../../domain/schemas/session';
import type { LoginMethodModule } from './types';

// Verified against when the account does not exist, so both paths cost the same time.
const DUMMY_HASH = argon2.hash('no-such-account-placeholder', { type: argon2.argon2id });

/** 一般登入: 帳號 + 密碼 + 圖形驗證碼 (manual 第二章 壹 五). */
export const passwordLogin: LoginMethodModule = {
  slug: 'password',
  method: 'PASSWORD',
  routes: ({ prisma, captchas, kit }) => {
    const router = Router({ mergeParams: true });
    router.post('/', async (req, res) => {
      const input = loginSchema.parse(req.body);
      // One image, one guess: the captcha is spent before the credentials are looked at.
      await captchas.consume(input.captchaId, input.captchaAnswer);
      const account = input.account.trim().toLowerCase();
      await kit.assertNotLocked(account);
      const user = await prisma.user.findUnique({ where: { account } });
      const valid = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), input.password).catch(() => false);
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
