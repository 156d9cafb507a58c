import type { Request, RequestHandler } from 'express';
import type { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { fail } from './errors';

/**
 * A per-source-address budget kept in PostgreSQL (table rate_limits), so every API replica draws
 * from the same one. Over budget: 429 RATE_LIMITED with retryAfterSeconds.
 */
export function createAddressLimit(pool: Pool, options: { keyPrefix: string; pointsPerMinute: number }) {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pg',
    tableName: 'rate_limits',
    tableCreated: true,
    keyPrefix: options.keyPrefix,
    points: options.pointsPerMinute,
    duration: 60,
  });
  return async (req: Pick<Request, 'ip'>) => {
    try {
      await limiter.consume(req.ip ?? 'unknown');
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw fail('RATE_LIMITED', `操作過於頻繁，請於 ${seconds} 秒後再試`, undefined, { retryAfterSeconds: seconds });
    }
  };
}

export type AddressLimit = ReturnType<typeof createAddressLimit>;

/**
 * A per-address limit as the middleware placed before a route's body declaration: malformed requests
 * spend the budget too, so a flood of them is refused as a flood rather than answered one by one.
 */
export const limitedFirst =
  (limit: ((req: Request) => Promise<void>) | undefined): RequestHandler =>
  async (req, _res, next) => {
    await limit?.(req);
    next();
  };
