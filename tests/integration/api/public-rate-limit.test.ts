import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../../infra/db/prisma';
import { createAddressLimit } from '../../../api/address-limit';
import { clientBinding } from '../../../api/auth/client-binding';
import { createCaptchas } from '../../../api/commands/captcha';
import { createEmailVerification } from '../../../api/commands/email-verification';
import { errorHandler } from '../../../api/errors';
import { createIdentityProofs } from '../../../api/identity/proof';
import { publicRoutes } from '../../../api/routes/public';
import type { Temporal } from '../../../api/temporal';
import { testEnv } from '../../support/env';

// Two API replicas (two apps on two connection pools) with small budgets: the budget of an address is
// one, in PostgreSQL, whichever replica answers.
const env = testEnv();
const prisma = createPrisma(env.DATABASE_URL);
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const pools = [0, 1].map(() => new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 }));
const CAPTCHAS = 4;
const CHECKS = 3;
let servers: Server[] = [];
let bases: string[] = [];

beforeAll(async () => {
  const temporal = {} as Temporal; // neither route starts a workflow
  const deps = { prisma, temporal, webUrl: 'http://127.0.0.1', dataKey: hashKey, hashKey };
  servers = pools.map((pool) => {
    const app = express();
    app.set('trust proxy', 'loopback');
    app.use(express.json());
    app.use('/api', clientBinding({ hashKey, secure: false }));
    app.use(
      '/api',
      publicRoutes({
        ...deps,
        captchas: createCaptchas(prisma, 'x'.repeat(32), { exposeAnswers: false }),
        verification: createEmailVerification(deps),
        proofs: createIdentityProofs(prisma),
        limits: {
          captcha: createAddressLimit(pool, { keyPrefix: 'captcha', pointsPerMinute: CAPTCHAS }),
          accountAvailability: createAddressLimit(pool, { keyPrefix: 'availability', pointsPerMinute: CHECKS }),
          calendarFeed: createAddressLimit(pool, { keyPrefix: 'calendar-feed', pointsPerMinute: CHECKS }),
        },
      }),
    );
    app.use(errorHandler);
    return app.listen(0, '127.0.0.1');
  });
  await Promise.all(servers.map((s) => new Promise((r) => s.once('listening', r))));
  bases = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/api`);
});
afterAll(async () => {
  for (const server of servers) server.close();
  await Promise.all(pools.map((pool) => pool.end()));
  await prisma.$disconnect();
});

/** A documentation address (RFC 5737) of its own per test, as the proxy would report it. */
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

async function call(replica: number, method: string, path: string, ip: string) {
  const response = await fetch(`${bases[replica]}${path}`, { method, headers: { 'x-forwarded-for': ip } });
  return { status: response.status, body: await response.json() };
}

describe('per-address limits of 圖形驗證碼 and 檢查帳號, shared by the API replicas (issue 10 #7)', () => {
  it('POST /api/captcha: the budget is one across replicas; over it, 429 in zh-TW with the wait, and no row', async () => {
    const ip = address();
    for (let i = 0; i < CAPTCHAS; i++) expect((await call(i % 2, 'POST', '/captcha', ip)).status).toBe(201);
    const before = await prisma.captcha.count();
    const refused = await call(1, 'POST', '/captcha', ip);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.body.error.message).toMatch(/^操作過於頻繁，請於 \d+ 秒後再試$/);
    expect(refused.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.body.error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await prisma.captcha.count()).toBe(before);
    // Another address still gets its image.
    expect((await call(0, 'POST', '/captcha', address())).status).toBe(201);
  });

  it('GET …/account-availability: the same, and the answer says nothing about the account', async () => {
    const ip = address();
    const path = '/account-applications/account-availability?account=sdcuser1';
    for (let i = 0; i < CHECKS; i++) expect((await call(i % 2, 'GET', path, ip)).body.available).toBe(false);
    const refused = await call(0, 'GET', path, ip);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(/^操作過於頻繁，請於 \d+ 秒後再試$/),
        retryAfterSeconds: expect.any(Number),
      },
    });
    expect((await call(1, 'GET', path, address())).status).toBe(200);
  });
});
