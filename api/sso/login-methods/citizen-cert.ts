import { Router } from 'express';
import { AppError } from '../../errors';
import type { VerifiedCard } from '../../identity/citizen-cert';
import { certAttemptAccount } from '../../identity/citizen-cert';
import { signedChallengeSchema } from '../../routes/identity/citizen-cert';
import type { LoginMethodModule } from './types';
import { body } from '../../request-body';

const signedBody = body(signedChallengeSchema);

/**
 * 自然人憑證登入 (manual §3.1.3): PIN CODE on the user's PC → the card signs a LOGIN challenge
 * (POST /api/identity/citizen-cert/challenges) → here: the signature, chain, validity, revocation,
 * and the card's binding (User.citizenCertSerial). Only bound cards log in. A certificate cannot be
 * guessed, so failures do not count towards the account lockout.
 */
export const citizenCertLogin: LoginMethodModule = {
  slug: 'citizen-cert',
  method: 'CITIZEN_CERT',
  routes: ({ prisma, kit, citizenCert }) => {
    const router = Router({ mergeParams: true });
    const method = 'CITIZEN_CERT' as const;

    router.post('/', signedBody, async (req, res) => {
      const input = signedBody.of(req);
      let card: VerifiedCard;
      try {
        card = await citizenCert.verify(input, 'LOGIN');
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return kit.failure(req, {
          account: certAttemptAccount(null),
          user: null,
          method,
          reason: error.code,
          code: error.code,
          message: error.message,
          countsTowardLockout: false,
        });
      }
      const user = await prisma.user.findUnique({
        where: { citizenCertSerial: card.serial },
        select: { id: true, account: true, status: true, passwordChangedAt: true },
      });
      if (!user) {
        return kit.failure(req, {
          account: certAttemptAccount(card),
          user: null,
          method,
          reason: 'CITIZEN_CERT_NOT_BOUND',
          code: 'CITIZEN_CERT_NOT_BOUND',
          message: '此自然人憑證尚未綁定公務帳號，請先登入後於個人帳號管理綁定',
          countsTowardLockout: false,
        });
      }
      await kit.success(req, res, { user, method });
    });

    return router;
  },
};
