import type { LoginAction, LoginMethod, PrismaClient, UserStatus } from '@prisma/client';
import type { Request, RequestHandler, Response } from 'express';
import type Provider from 'oidc-provider';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { METHOD_ASSURANCE, methodsMeeting, type LoginMethodName } from '../../domain/login-assurance';
import { resolveSystemParameters } from '../../domain/system-parameters';
import { createAddressLimit } from '../address-limit';
import { fail, type ErrorCode } from '../errors';
import type { IdentityProofs } from '../identity/proof';
import type { NetworkZone } from './network';

/** The part of a user a login method hands to the kit. */
export interface LoginUser {
  id: string;
  account: string;
  status: UserStatus;
  passwordChangedAt: Date | null;
}

export interface LoginFailure {
  /** What the person typed as the account (or the ID-number's hash prefix for certificate methods). */
  account: string;
  user: LoginUser | null;
  method: LoginMethod;
  /** Machine reason for the record (BAD_PASSWORD, BAD_OTP, OTP_REUSED, CERT_REVOKED …). */
  reason: string;
  /** The error the person sees; keep it the same for unknown and known accounts. Default LOGIN_FAILED. */
  code?: ErrorCode;
  message?: string;
  /** Guessable secrets (password, OTP, temporary password) count towards the lockout. */
  countsTowardLockout?: boolean;
  action?: LoginAction;
}

/** The interaction this request already read (interaction-routes stores it in res.locals under this name). */
export const INTERACTION_LOCAL = 'ssoInteraction';
export type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/** Said when a system's `acr_values` asks for more than the chosen method gives. */
export const STRONGER_METHOD_MESSAGE = '此應用系統要求以行動自然人憑證或自然人憑證登入';

export const acrValuesOf = (interaction: Pick<Interaction, 'params'> | undefined) =>
  typeof interaction?.params.acr_values === 'string' ? interaction.params.acr_values : undefined;

const LOCK_KEY = (account: string) => account.trim().toLowerCase().slice(0, 200);

/**
 * 登入失敗鎖定次數 / 鎖定時間 / 密碼有效期限 are read at most this often (every login needs them,
 * twice); a change in 系統參數管理 applies to logins within these seconds.
 */
export const PARAMETER_CACHE_MS = 5_000;
const LOCKOUT_KEYS = ['login.lockoutThreshold', 'login.lockoutDuration', 'password.maxAge'] as const;

/**
 * What every login method shares: the 府外 rule, per-address rate limits, the lockout, the 帳號登入紀錄
 * of every attempt, the expired-password rule, and finishing the OpenID Connect interaction.
 * Lockout counts per typed account name (known or not), so its message reveals nothing.
 */
export function createLoginKit(deps: {
  prisma: PrismaClient;
  pool: Pool;
  zone: NetworkZone;
  proofs: IdentityProofs;
  provider: () => Provider;
  ipPointsPerMinute: number;
}) {
  const { prisma } = deps;
  const perIp = createAddressLimit(deps.pool, { keyPrefix: 'ip', pointsPerMinute: deps.ipPointsPerMinute });
  // Rebuilt when 登入失敗鎖定次數 / 鎖定時間 change in 系統參數管理.
  let lockLimiter: { threshold: number; seconds: number; limiter: RateLimiterPostgres } | undefined;

  let parameters: { at: number; values: Promise<Record<(typeof LOCKOUT_KEYS)[number], number>> } | undefined;
  function lockoutParameters() {
    if (parameters && Date.now() - parameters.at < PARAMETER_CACHE_MS) return parameters.values;
    const values = prisma.systemParameter
      .findMany({ where: { key: { in: [...LOCKOUT_KEYS] } } })
      .then((rows) => resolveSystemParameters(rows, [...LOCKOUT_KEYS]));
    parameters = { at: Date.now(), values };
    values.catch(() => (parameters = undefined));
    return values;
  }

  async function lockout() {
    const p = await lockoutParameters();
    const threshold = p['login.lockoutThreshold'];
    const seconds = p['login.lockoutDuration'];
    if (!lockLimiter || lockLimiter.threshold !== threshold || lockLimiter.seconds !== seconds) {
      lockLimiter = {
        threshold,
        seconds,
        limiter: new RateLimiterPostgres({
          storeClient: deps.pool,
          storeType: 'pg',
          tableName: 'rate_limits',
          tableCreated: true,
          keyPrefix: 'lock',
          points: threshold,
          duration: seconds,
          blockDuration: seconds,
        }),
      };
    }
    return { ...lockLimiter, passwordMaxAgeSeconds: p['password.maxAge'] };
  }

  // Lockout keys this request found with no failures counted (assertNotLocked with req).
  const uncounted = new WeakMap<Request, Set<string>>();

  const lockedError = (msBeforeNext: number) => {
    const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
    return fail('LOGIN_LOCKED', `登入失敗次數過多，帳號已暫時鎖定，請於 ${minutes} 分鐘後再試`, undefined, {
      retryAfterSeconds: Math.ceil(msBeforeNext / 1000),
    });
  };

  async function record(
    req: Request,
    row: { userId: string | null; account: string; method: LoginMethod; action: LoginAction; ok: boolean; reason?: string },
  ) {
    await prisma.loginRecord.create({
      data: {
        userId: row.userId,
        account: row.account.slice(0, 64),
        method: row.method,
        action: row.action,
        result: row.ok ? 'SUCCESS' : 'FAILURE',
        reason: row.reason ?? null,
        ip: req.ip ?? '',
        userAgent: req.get('user-agent')?.slice(0, 512) ?? '',
      },
    });
  }

  return {
    zone: deps.zone,

    /**
     * The methods this login may use: the network zone's (府外: certificates only), narrowed to those
     * meeting the relying party's `acr_values` (docs/decisions/0005).
     */
    methodsFor(req: Request, interaction: Pick<Interaction, 'params'> | undefined): LoginMethodName[] {
      return methodsMeeting(deps.zone.methodsFor(req.ip), acrValuesOf(interaction));
    },

    /**
     * Route guard for one method: refused outside 府內網路 unless it is a certificate method, refused
     * when the system asked for a stronger method, and limited per source address (shared across
     * replicas through PostgreSQL).
     */
    guard(method: LoginMethodName): RequestHandler {
      return async (req, res, next) => {
        if (!deps.zone.methodsFor(req.ip).includes(method)) {
          throw fail('METHOD_NOT_AVAILABLE', '府外網路僅可使用行動自然人憑證或自然人憑證登入');
        }
        if (!this.methodsFor(req, res.locals[INTERACTION_LOCAL] as Interaction | undefined).includes(method)) {
          throw fail('METHOD_NOT_AVAILABLE', STRONGER_METHOD_MESSAGE);
        }
        await this.limitAddress(req);
        next();
      };
    },

    /** Per-address limit for any public authentication endpoint (codes, captchas, verifications). */
    limitAddress: (req: Request) => perIp(req),

    /**
     * Throws LOGIN_LOCKED while the typed account is locked; call before checking a secret. With
     * `req`, a later success() in the same request skips clearing a counter that was not there.
     */
    async assertNotLocked(account: string, req?: Request) {
      const { limiter } = await lockout();
      const state = await limiter.get(LOCK_KEY(account));
      if (state && state.consumedPoints >= limiter.points) throw lockedError(state.msBeforeNext);
      if (!state && req) (uncounted.get(req) ?? uncounted.set(req, new Set()).get(req)!).add(LOCK_KEY(account));
    },

    /** Whether the account is locked now, for a method that must not say so (臨時密碼 by backup e-mail). */
    async isLocked(account: string) {
      const { limiter } = await lockout();
      const state = await limiter.get(LOCK_KEY(account));
      return Boolean(state && state.consumedPoints >= limiter.points);
    },

    /** Records a failed attempt, counts it towards the lockout, and throws the error to show. */
    async failure(req: Request, attempt: LoginFailure): Promise<never> {
      const action = attempt.action ?? 'LOGIN';
      await record(req, {
        userId: attempt.user?.id ?? null,
        account: attempt.account,
        method: attempt.method,
        action,
        ok: false,
        reason: attempt.reason,
      });
      if (attempt.countsTowardLockout ?? true) {
        const { limiter, seconds } = await lockout();
        let locked: RateLimiterRes | undefined;
        try {
          const state = await limiter.consume(LOCK_KEY(attempt.account));
          if (state.remainingPoints === 0) locked = state;
        } catch (error) {
          if (!(error instanceof RateLimiterRes)) throw error;
          locked = error;
        }
        if (attempt.user) {
          await prisma.user.update({
            where: { id: attempt.user.id },
            data: {
              failedLoginCount: { increment: 1 },
              ...(locked ? { lockedUntil: new Date(Date.now() + seconds * 1000) } : {}),
            },
          });
        }
        if (locked) throw lockedError(locked.msBeforeNext || seconds * 1000);
      }
      throw fail(attempt.code ?? 'LOGIN_FAILED', attempt.message);
    },

    /**
     * The person proved to be `user` by `method`: records it, clears the lockout, and finishes the
     * OpenID Connect interaction. Answers { redirectTo } (the browser goes there), or, when the
     * password has expired, { passwordExpired, changeToken } for the forced change first.
     */
    async success(req: Request, res: Response, attempt: { user: LoginUser; method: LoginMethodName; account?: string }) {
      const { user, method } = attempt;
      const account = attempt.account ?? user.account;
      if (user.status !== 'ACTIVE') {
        return this.failure(req, { account, user, method, reason: `STATUS_${user.status}`, countsTowardLockout: false });
      }
      const { limiter, passwordMaxAgeSeconds } = await lockout();
      // A success clears the failures counted so far (none to clear when this request saw none).
      for (const key of new Set([LOCK_KEY(account), LOCK_KEY(user.account)])) {
        if (!uncounted.get(req)?.has(key)) await limiter.delete(key);
      }

      const expired = !user.passwordChangedAt || user.passwordChangedAt.getTime() + passwordMaxAgeSeconds * 1000 <= Date.now();
      if (expired) {
        await record(req, { userId: user.id, account, method, action: 'LOGIN', ok: false, reason: 'PASSWORD_EXPIRED' });
        const proof = await deps.proofs.issue({ userId: user.id, purpose: 'RESET_PASSWORD', method }, req.bindClient());
        res.json({ passwordExpired: true, changeToken: proof.token, account: user.account });
        return;
      }

      await record(req, { userId: user.id, account, method, action: 'LOGIN', ok: true });
      await prisma.user.update({
        where: { id: user.id },
        data: { lastLoginAt: new Date(), loginCount: { increment: 1 }, failedLoginCount: 0, lockedUntil: null },
      });
      // acr / amr / auth_time go into the ID token (docs/decisions/0005).
      const { acr, amr } = METHOD_ASSURANCE[method];
      const result = { login: { accountId: user.id, acr, amr: [...amr], remember: false } };
      const interaction = res.locals[INTERACTION_LOCAL] as Interaction | undefined;
      let redirectTo: string;
      const ttl = interaction ? interaction.exp - Math.floor(Date.now() / 1000) : 0;
      if (interaction && ttl > 0) {
        // What provider.interactionResult does (mergeWithLastSubmission false), without reading it again.
        interaction.result = result;
        await interaction.save(ttl);
        redirectTo = interaction.returnTo;
      } else {
        redirectTo = await deps.provider().interactionResult(req, res, result, { mergeWithLastSubmission: false });
      }
      res.json({ redirectTo });
    },

    /** For non-login actions (開通帳號, 忘記密碼, 密碼修改) that also belong in 帳號登入紀錄. */
    record,
  };
}

export type LoginKit = ReturnType<typeof createLoginKit>;
