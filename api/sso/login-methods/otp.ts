import { Router } from 'express';
import { decryptField } from '../../../infra/db/pii';
import { otpLoginSchema } from '../../../domain/schemas/sso-login';
import { checkTotp, newOtpSecret } from '../totp';
import type { LoginMethodModule } from './types';
import { body } from '../../request-body';

const otpBody = body(otpLoginSchema);

export const OTP_LOGIN_FAILED = '帳號或動態驗證碼錯誤';
// Checked when the account has no OTP, so both paths do the same work.
const DUMMY_SECRET = newOtpSecret();

/**
 * 動態驗證碼 (登入方式三): 帳號 + 動態驗證碼(OTP) from Google / Microsoft Authenticator.
 * A code is accepted once: the step of the accepted code is stored in users.otp_last_step with a
 * conditional update, so two requests racing with the same code cannot both log in.
 */
export const otpLogin: LoginMethodModule = {
  slug: 'otp',
  method: 'OTP',
  routes: ({ prisma, kit, dataKey }) => {
    const router = Router({ mergeParams: true });

    router.post('/', otpBody, async (req, res) => {
      const { account, code } = otpBody.of(req);
      await kit.assertNotLocked(account);
      const user = await prisma.user.findUnique({
        where: { account: account.toLowerCase() },
        select: {
          id: true,
          account: true,
          status: true,
          passwordChangedAt: true,
          otpSecretCipher: true,
          otpEnabledAt: true,
          otpLastStep: true,
        },
      });
      const enabled = user?.otpEnabledAt && user.otpSecretCipher ? user : null;
      const secret = enabled ? decryptField(enabled.otpSecretCipher!, dataKey, 'otp-secret') : DUMMY_SECRET;
      const checked = await checkTotp(secret, code, { lastStep: enabled?.otpLastStep });
      const failure = (reason: string) =>
        kit.failure(req, { account, user, method: 'OTP', reason, message: OTP_LOGIN_FAILED, countsTowardLockout: true });

      if (!user) return failure('UNKNOWN_ACCOUNT');
      if (!enabled) return failure('OTP_NOT_ENABLED');
      if (!checked.ok) return failure(checked.reason);
      const accepted = await prisma.user.updateMany({
        where: { id: user.id, otpEnabledAt: { not: null }, OR: [{ otpLastStep: null }, { otpLastStep: { lt: checked.step } }] },
        data: { otpLastStep: checked.step },
      });
      if (accepted.count === 0) return failure('OTP_REUSED');
      await kit.success(req, res, { user, method: 'OTP', account });
    });

    return router;
  },
};
