import type { PrismaClient, UserStatus } from '@prisma/client';
import { Router, type Request } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import { fail } from '../../errors';
import { consumeApproved, type MobileCert } from '../../identity/mobile-cert';
import type { IdentityProofs } from '../../identity/proof';
import { body } from '../../request-body';
import { limitedFirst } from '../../address-limit';
import { userByNationalIdHash } from '../../queries/users';

const startBody = body(
  z.object({
    purpose: z.enum(['LOGIN', 'ACTIVATE', 'RESET_PASSWORD', 'VERIFY'], { error: '驗證用途錯誤' }),
    nationalId: z.string({ error: '請輸入身分證字號' }),
  }),
);
// The number is checked (and compared with the first one) by mobileCert itself, with its own messages.
const againBody = body(z.object({ nationalId: z.string({ error: '請輸入身分證字號' }).optional() }));
const idParams = z.object({ id: z.uuid('驗證編號格式錯誤') });
const proofBody = body(z.object({ purpose: z.enum(['ACTIVATE', 'RESET_PASSWORD', 'VERIFY'], { error: '驗證用途錯誤' }) }));

/** Who may get a proof after a 行動自然人憑證 approval, and what to say when nobody fits. */
const PROOF_TARGETS = {
  ACTIVATE: {
    status: 'PENDING_ACTIVATION',
    missing: '查無您的待開通帳號。帳號申請經機關管理者核准後才能開通；若已開通，請直接登入。',
  },
  RESET_PASSWORD: {
    status: 'ACTIVE',
    missing: '查無您的身分證字號對應的啟用中帳號，請確認帳號狀態或聯絡機關管理者。',
  },
  // 其他身分驗證 (機關管理員查詢 …): an account that exists and has been opened, active or disabled;
  // the page that takes the proof decides what it allows.
  VERIFY: {
    status: { in: ['ACTIVE', 'DISABLED'] as UserStatus[] },
    missing: '查無您的身分證字號對應的公務帳號，請確認輸入的身分證字號或改用備用信箱驗證。',
  },
} as const;

/**
 * /api/identity/mobile-cert — 行動自然人憑證 verification for the login tab, 開通帳號 and 忘記密碼:
 *   POST /start {purpose, nationalId}     push to the APP               → 201 view
 *   GET  /:id                             poll                          → view
 *   POST /:id/resend {nationalId}         重新發送推播                   → view
 *   POST /:id/qr {nationalId}             QRCode 模式                    → view + qrCode
 *   POST /:id/proof {purpose}             spend the approval for an identity proof (開通帳號 / 忘記密碼)
 * Public: the person proves who they are here. Each call that reaches MOI or spends an approval is
 * limited per source address (`limitAddress`, LoginKit's shared limiter).
 */
export function mobileCertRoutes(deps: {
  prisma: PrismaClient;
  mobileCert: MobileCert;
  proofs: IdentityProofs;
  limitAddress?: (req: Request) => Promise<void>;
}) {
  const { prisma, mobileCert } = deps;
  // Until the SSO's LoginKit is passed in, a per-replica limit of the same shape stands in for it.
  const fallback = new RateLimiterMemory({ keyPrefix: 'mobile-cert', points: 30, duration: 60 });
  const limit = async (req: Request) => {
    if (deps.limitAddress) return deps.limitAddress(req);
    try {
      await fallback.consume(req.ip ?? 'unknown');
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw fail('RATE_LIMITED', '操作過於頻繁，請稍後再試', undefined, {
        retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000),
      });
    }
  };
  const router = Router();

  router.post('/start', limitedFirst(limit), startBody, async (req, res) => {
    const input = startBody.of(req);
    res.status(201).json(await mobileCert.start(input.purpose, input.nationalId, req.ip, req.bindClient()));
  });

  router.get('/:id', async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.set('cache-control', 'no-store').json(await mobileCert.poll(id, req.boundClient));
  });

  router.post('/:id/resend', limitedFirst(limit), againBody, async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.json(await mobileCert.resend(id, againBody.of(req).nationalId, req.boundClient));
  });

  router.post('/:id/qr', limitedFirst(limit), againBody, async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.json(await mobileCert.qr(id, againBody.of(req).nationalId, req.boundClient));
  });

  router.post('/:id/proof', limitedFirst(limit), proofBody, async (req, res) => {
    const { id } = idParams.parse(req.params);
    const { purpose } = proofBody.of(req);
    const { nationalIdHash } = await consumeApproved(prisma, id, [purpose], req.boundClient);
    const target = PROOF_TARGETS[purpose];
    const user = await userByNationalIdHash(prisma, nationalIdHash, target.status);
    if (!user) throw fail('MOBILE_CERT_NO_ACCOUNT', target.missing);
    const proof = await deps.proofs.issue({ userId: user.id, purpose, method: 'MOBILE_CERT' }, req.bindClient());
    res.status(201).json({ token: proof.token, expiresAt: proof.expiresAt, account: user.account, purpose });
  });

  return router;
}
