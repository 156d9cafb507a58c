import type { PrismaClient } from '@prisma/client';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { citizenCertResetUser } from '../../commands/citizen-cert-reset';
import type { CitizenCert } from '../../identity/citizen-cert';
import type { IdentityProofs } from '../../identity/proof';
import { authorize } from '../../policies';
import { body } from '../../request-body';
import { limitedFirst } from '../../address-limit';

export interface CitizenCertRouteDeps {
  prisma: PrismaClient;
  citizenCert: CitizenCert;
  proofs: IdentityProofs;
  /** Where the browser reaches the signing component (HiPKI) on the user's PC. */
  signerUrl: string;
  /** Per-address limit shared by the API replicas (LoginKit.limitAddress), when the SSO is wired. */
  limitAddress?: (req: Request) => Promise<void>;
}

const challengeSchema = z.object({
  purpose: z.enum(['LOGIN', 'RESET_PASSWORD', 'BIND'], { error: '驗證用途錯誤' }),
});

/** What the browser sends back after the card signed: the challenge, the signature and the certificate. */
export const signedChallengeSchema = z.object({
  challengeId: z.string({ error: '缺少驗證請求編號' }).min(1, '缺少驗證請求編號').max(64),
  signature: z.string({ error: '缺少簽章' }).min(1, '缺少簽章').max(8192),
  certificate: z.string({ error: '缺少憑證' }).min(1, '缺少憑證').max(16384),
});

const challengeBody = body(challengeSchema);
const proofBody = body(signedChallengeSchema.extend({ purpose: z.literal('RESET_PASSWORD', { error: '驗證用途錯誤' }) }));

/**
 * 自然人憑證 without a session: challenges for the card to sign (登入, 忘記密碼, and 綁定 for the
 * logged-in user), and 忘記密碼 › 使用自然人憑證 → an identity proof for 設定新密碼.
 */
export function citizenCertRoutes(deps: CitizenCertRouteDeps) {
  const { prisma, citizenCert, proofs } = deps;
  const router = Router();

  // Where the SPA finds the signing component (run-time configuration, not baked into the build).
  router.get('/config', (_req, res) => {
    res.set('cache-control', 'public, max-age=300').json({ signerUrl: deps.signerUrl });
  });

  router.post('/challenges', limitedFirst(deps.limitAddress), challengeBody, async (req, res) => {
    const { purpose } = challengeBody.of(req);
    let userId: string | null = null;
    if (purpose === 'BIND') {
      authorize(req.actor, 'citizenCert.bind');
      userId = req.actor.id;
    }
    res.status(201).json(await citizenCert.challenge(purpose, userId));
  });

  // 忘記密碼 › 使用自然人憑證: PIN CODE → 繼續 → 重設密碼 (only for a bound card).
  router.post('/proof', limitedFirst(deps.limitAddress), proofBody, async (req, res) => {
    const attempt = { ip: req.ip, userAgent: req.get('user-agent') };
    const user = await citizenCertResetUser({ prisma, citizenCert }, proofBody.of(req), attempt);
    // The success row of 帳號登入紀錄 is written when the new password is set (api/commands/set-password.ts).
    const proof = await proofs.issue({ userId: user.id, purpose: 'RESET_PASSWORD', method: 'CITIZEN_CERT' }, req.bindClient());
    res.status(201).json({ ...proof, account: user.account });
  });

  return router;
}
