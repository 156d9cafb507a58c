import crypto from 'node:crypto';
import fs from 'node:fs';
import type { PrismaClient } from '@prisma/client';
import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { UsageAction } from '../../domain/usage-actions';
import { AppError, fail } from '../errors';
import { body } from '../request-body';
import type { SigningKeys } from '../sso/signing-keys';
import { addressAllowed, authenticateClient } from './client-auth';
import { autoPostPage, issueAssertion, problemPage, redeemAssertion, redirectTarget } from './redirect-login';
import { verificationSchema, verifyAccount, type VerifyKit } from './verify-account';
import { recordUsage } from '../commands/usage';

export const INTEGRATIONS_MOUNT = '/api/integrations/v1';
export const OPENAPI_FILE = new URL('../../docs/api/integrations.openapi.yaml', import.meta.url);

/** Calls per minute to the 帳號驗證 API: per registered system, and per source address. */
export const DEFAULT_VERIFY_LIMITS = { perClientPerMinute: 120, perAddressPerMinute: 60 };

export interface IntegrationDeps {
  prisma: PrismaClient;
  /** The pg pool the shared rate limits live in (table rate_limits, as the LoginKit's). */
  pool: Pool;
  kit: VerifyKit;
  signingKeys: Pick<SigningKeys, 'current' | 'jwks'>;
  dataKey: Buffer;
  issuer: string;
  limits?: typeof DEFAULT_VERIFY_LIMITS;
}

const redeemBody = body(
  z.object({
    assertion: z
      .string({ error: '請提供 assertion（轉登憑證）' })
      .min(1, '請提供 assertion（轉登憑證）')
      .max(4096, 'assertion 過長'),
  }),
);
const verificationBody = body(verificationSchema);
const SYSTEM = 'integrationSystem';

/**
 * The API registered systems call (docs/api/integrations.openapi.yaml): 帳號驗證 API and 轉登, plus
 * the 轉登 page a logged-in portal user's browser opens. Every system call authenticates with HTTP
 * Basic client credentials.
 */
export function integrationRoutes(deps: IntegrationDeps) {
  const { prisma } = deps;
  const router = Router();
  const limits = deps.limits ?? DEFAULT_VERIFY_LIMITS;
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterPostgres({
      storeClient: deps.pool,
      storeType: 'pg',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix,
      points,
      duration: 60,
    });
  const perClient = limiter('verify-client', limits.perClientPerMinute);
  const perAddress = limiter('verify-ip', limits.perAddressPerMinute);

  async function consume(rateLimiter: RateLimiterPostgres, key: string) {
    try {
      await rateLimiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw fail('RATE_LIMITED', '呼叫次數過多，請稍後再試', undefined, {
          retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000),
        });
      }
      throw error;
    }
  }

  const client = (req: Request) => authenticateClient(prisma, deps.dataKey, req);
  const systemOf = (res: Response) => res.locals[SYSTEM] as Awaited<ReturnType<typeof client>>;

  // The calling system is known (and limited) before its body is read: a stranger gets 401, not 400.
  const systemCall: RequestHandler = async (req, res, next) => {
    // Per address first: guessing client secrets is limited too.
    await consume(perAddress, req.ip ?? 'unknown');
    res.locals[SYSTEM] = await client(req);
    next();
  };
  const verifyApiCall: RequestHandler = async (req, res, next) => {
    const system = systemOf(res);
    if (!system.verifyApiEnabled) throw fail('VERIFY_API_DISABLED');
    if (!addressAllowed(req.ip, system.allowedCidrs)) throw fail('CLIENT_ADDRESS_NOT_ALLOWED');
    await consume(perClient, system.clientId);
    next();
  };

  router.get('/openapi.yaml', (_req, res) => {
    res
      .type('application/yaml; charset=utf-8')
      .set('cache-control', 'public, max-age=300')
      .send(fs.readFileSync(OPENAPI_FILE, 'utf8'));
  });

  // 帳號驗證 API
  router.post('/account-verifications', systemCall, verifyApiCall, verificationBody, async (req, res) => {
    const input = verificationBody.of(req);
    res.set('cache-control', 'no-store').json(await verifyAccount({ prisma, kit: deps.kit }, req, systemOf(res), input));
  });

  // 轉登 step 1: the portal user's browser gets a page that posts a one-time assertion to the system.
  router.get('/redirect-login/:systemId', async (req, res) => {
    res.set('cache-control', 'no-store');
    if (!req.actor) {
      return void res.redirect(303, '/login');
    }
    let system;
    try {
      system = await redirectTarget(prisma, String(req.params.systemId));
    } catch {
      return void res
        .status(404)
        .type('html')
        .send(problemPage('無法轉登', '此應用系統不存在、已停用或未提供轉登，請聯絡系統管理者。'));
    }
    const { assertion } = await issueAssertion(deps, system, req.actor.id);
    await recordUsage(prisma, {
      userId: req.actor.id,
      action: 'integration.redirectLogin' satisfies UsageAction,
      target: system.name,
      detail: { clientId: system.clientId },
      ip: req.ip ?? null,
    });
    const nonce = crypto.randomBytes(16).toString('base64');
    const page = autoPostPage({
      systemName: system.name,
      url: system.redirectLoginUrl,
      param: system.redirectLoginParam,
      assertion,
      nonce,
    });
    res.set('content-security-policy', page.csp).set('referrer-policy', 'no-referrer').type('html').send(page.html);
  });

  // 轉登 step 2: the system redeems the assertion it received, once.
  router.post('/redirect-login/verify', systemCall, redeemBody, async (req, res) => {
    const { assertion } = redeemBody.of(req);
    res.set('cache-control', 'no-store').json(await redeemAssertion(deps, systemOf(res), assertion));
  });

  // Standard headers on the errors systems act on (their bodies come from the app's error handler).
  router.use(((error, _req, res, next) => {
    if (error instanceof AppError && error.code === 'CLIENT_AUTH_FAILED')
      res.set('www-authenticate', 'Basic realm="integrations", charset="UTF-8"');
    if (error instanceof AppError && error.code === 'RATE_LIMITED')
      res.set('retry-after', String(error.details?.retryAfterSeconds ?? 60));
    next(error);
  }) satisfies ErrorRequestHandler);

  return router;
}
