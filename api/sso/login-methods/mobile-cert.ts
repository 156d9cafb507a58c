import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors';
import { consumeApproved } from '../../identity/mobile-cert';
import type { LoginMethodModule } from './types';
import { body } from '../../request-body';

const transactionBody = body(z.object({ transactionId: z.uuid('驗證編號格式錯誤') }));

/**
 * 行動自然人憑證 login: the tab verified the person through /api/identity/mobile-cert (push or QR
 * code, polled until approved); here the approval is spent once and the user with that ID number
 * logs in. Nothing guessable is checked, so failures do not count towards the lockout; the record's
 * account is a prefix of the ID number's HMAC, never the number.
 */
export const mobileCertLogin: LoginMethodModule = {
  slug: 'mobile-cert',
  method: 'MOBILE_CERT',
  routes: ({ prisma, kit }) => {
    const router = Router({ mergeParams: true });
    router.post('/', transactionBody, async (req, res) => {
      const { transactionId } = transactionBody.of(req);
      let nationalIdHash: string;
      try {
        ({ nationalIdHash } = await consumeApproved(prisma, transactionId, ['LOGIN'], req.boundClient));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return kit.failure(req, {
          account: 'mobile-cert',
          user: null,
          method: 'MOBILE_CERT',
          reason: 'MOBILE_CERT_NOT_APPROVED',
          code: 'MOBILE_CERT_NOT_APPROVED',
          message: error.message,
          countsTowardLockout: false,
        });
      }
      const account = `id:${nationalIdHash.slice(0, 12)}`;
      const user = await prisma.user.findUnique({
        where: { nationalIdHash },
        select: { id: true, account: true, status: true, passwordChangedAt: true },
      });
      if (!user) {
        return kit.failure(req, {
          account,
          user: null,
          method: 'MOBILE_CERT',
          reason: 'UNKNOWN_NATIONAL_ID',
          code: 'MOBILE_CERT_NO_ACCOUNT',
          message: '查無此身分證字號對應的公務帳號。如尚未申請，請先申請個人帳號；帳號待開通者，請先開通帳號。',
          countsTowardLockout: false,
        });
      }
      if (user.status === 'PENDING_ACTIVATION') {
        return kit.failure(req, {
          account: user.account,
          user,
          method: 'MOBILE_CERT',
          reason: 'STATUS_PENDING_ACTIVATION',
          code: 'LOGIN_FAILED',
          message: '您的帳號尚未開通，請先使用「開通帳號」設定密碼。',
          countsTowardLockout: false,
        });
      }
      if (user.status === 'DISABLED') {
        return kit.failure(req, {
          account: user.account,
          user,
          method: 'MOBILE_CERT',
          reason: 'STATUS_DISABLED',
          code: 'LOGIN_FAILED',
          message: '您的帳號已停用，如需使用請申請「個人帳號復用」。',
          countsTowardLockout: false,
        });
      }
      await kit.success(req, res, { user, method: 'MOBILE_CERT' });
    });
    return router;
  },
};
