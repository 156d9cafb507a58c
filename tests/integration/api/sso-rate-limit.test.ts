import type { Request } from 'express';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../../infra/db/prisma';
import { createIdentityProofs } from '../../../api/identity/proof';
import { createLoginKit } from '../../../api/sso/login-kit';
import { createNetworkZone } from '../../../api/sso/network';
import { testEnv } from '../../support/env';

const env = testEnv();
const prisma = createPrisma(env.DATABASE_URL);
const pools = [
  new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 }),
  new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 }),
];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await prisma.$disconnect();
});

/** Two kits on two pools stand for two API replicas: the limit is one budget in PostgreSQL. */
const replicas = pools.map((pool) =>
  createLoginKit({
    prisma,
    pool,
    zone: createNetworkZone('127.0.0.0/8'),
    proofs: createIdentityProofs(prisma),
    provider: () => {
      throw new Error('not used');
    },
    ipPointsPerMinute: 4,
  }),
);

describe('per-address limit of the SSO (LOGIN_RATE_LIMIT_PER_MINUTE)', () => {
  it('is shared by all replicas and answers RATE_LIMITED with the wait in seconds', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const req = { ip } as Request;
    for (let i = 0; i < 4; i++) await replicas[i % 2]!.limitAddress(req);
    const refused = await replicas[1]!.limitAddress(req).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect((refused as Error).message).toMatch(/^操作過於頻繁，請於 \d+ 秒後再試$/);
    expect((refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is unaffected.
    await expect(replicas[0]!.limitAddress({ ip: '198.51.100.254' } as Request)).resolves.toBeUndefined();
  });
});
