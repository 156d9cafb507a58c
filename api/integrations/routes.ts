import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IntegrationSystem, PrismaClient } from '@prisma/client';
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
import { can } from '../policies';
import type { Temporal } from '../temporal';
import { DEFAULT_SMS_PER_MINUTE } from '../../domain/integrations/sms';
import { findSmsMessage, idempotencyKey, smsMessageSchema, smsMessageView, smsUsage, submitSmsMessage } from './sms-api';

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
  /** Starts the SMS API's delivery workflows. */
  temporal: Temporal;
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
const smsBody = body(smsMessageSchema);
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

  // 簡訊發送: each system its own calls a minute (smsPerMinute); limiters of equal size are shared.
  const smsLimiters = new Map<number, RateLimiterPostgres>();
  const smsLimiter = (perMinute: number) => {
    if (!smsLimiters.has(perMinute)) smsLimiters.set(perMinute, limiter('sms-client', perMinute));
    return smsLimiters.get(perMinute)!;
  };

  async function consume(rateLimiter: RateLimiterPostgres, key: string, message = '呼叫次數過多，請稍後再試') {
    try {
      await rateLimiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.ceil(error.msBeforeNext / 1000);
        throw fail('RATE_LIMITED', message.replace('{s}', String(retryAfterSeconds)), undefined, { retryAfterSeconds });
      }
      throw error;
    }
  }

  /**
   * A call from outside the system's 正式 IP: refused, and written to the API's log as a security event
   * (which system, from where, to which API) — the system is known, no person is, so it is no 帳號使用紀錄.
   */
  function refuseAddress(req: Request, system: IntegrationSystem, api: string, message?: string): never {
    req.log?.warn(
      { event: 'integration.addressRefused', clientId: system.clientId, system: system.name, api, address: req.ip },
      `應用系統 ${system.clientId} 自未登錄的來源 IP ${req.ip} 呼叫${api}，已拒絕`,
    );
    throw fail('CLIENT_ADDRESS_NOT_ALLOWED', message);
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
    if (!addressAllowed(req.ip, system.allowedCidrs)) refuseAddress(req, system, '帳號驗證 API');
    await consume(perClient, system.clientId);
    next();
  };
  // 簡訊發送: approved (a monthly quota set) and called from one of the system's 正式 IP.
  const smsApiCall: RequestHandler = (req, res, next) => {
    const system = systemOf(res);
    if (system.smsMonthlyQuota == null) throw fail('SMS_API_DISABLED');
    if (!addressAllowed(req.ip, system.allowedCidrs))
      refuseAddress(req, system, '簡訊發送 API', '此來源 IP 位址不是應用系統登錄的正式 IP，無法呼叫簡訊發送 API');
    next();
  };
  const smsSendLimit: RequestHandler = async (_req, res, next) => {
    const system = systemOf(res);
    const perMinute = system.smsPerMinute ?? DEFAULT_SMS_PER_MINUTE;
    await consume(smsLimiter(perMinute), system.clientId, `簡訊發送 API 每分鐘最多呼叫 ${perMinute} 次，請於 {s} 秒後再試`);
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

  // 簡訊發送 API: accepted at once (202), delivered by the workflow smsApiDelivery; the same
  // Idempotency-Key answers the same message (200) and sends nothing again.
  router.post('/sms/messages', systemCall, smsApiCall, smsSendLimit, smsBody, async (req, res) => {
    const key = idempotencyKey(req.get('idempotency-key'));
    const { created, row } = await submitSmsMessage(deps, systemOf(res), key, smsBody.of(req));
    res
      .status(created ? 202 : 200)
      .set('cache-control', 'no-store')
      .location(`${INTEGRATIONS_MOUNT}/sms/messages/${row.id}`)
      .json(smsMessageView(row));
  });
  router.get('/sms/messages/:id', systemCall, smsApiCall, async (req, res) => {
    const row = await findSmsMessage(prisma, systemOf(res), String(req.params.id));
    res.set('cache-control', 'no-store').json(smsMessageView(row));
  });
  router.get('/sms/usage', systemCall, smsApiCall, async (_req, res) => {
    res.set('cache-control', 'no-store').json(await smsUsage(prisma, systemOf(res)));
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
    const shownTo = await prisma.integrationRedirectAgency.findMany({
      where: { integrationSystemId: system.id },
      select: { agencyId: true },
    });
    if (!can(req.actor, 'redirectLogin.launch', { agencyId: null, shownToAgencyIds: shownTo.map((row) => row.agencyId) })) {
      return void res
        .status(403)
        .type('html')
        .send(problemPage('無法轉登', '您所屬的機關未開放使用此應用系統，如需使用請聯絡該系統的管理機關。'));
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
    if (error instanceof AppError && (error.code === 'RATE_LIMITED' || error.code === 'SMS_QUOTA_EXCEEDED'))
      res.set('retry-after', String(error.details?.retryAfterSeconds ?? 60));
    next(error);
  }) satisfies ErrorRequestHandler);

  return router;
}
