import type { PrismaClient } from '@prisma/client';
import pg from 'pg';
import type { Logger } from 'pino';
import { createIdentityProofs } from '../identity/proof';
import { ensurePortalClient, portalClientSecret, type PortalClientConfig } from '../auth/portal-client';
import { createAddressLimit, type AddressLimit } from '../address-limit';
import { createLoginKit } from './login-kit';
import { createNetworkZone } from './network';
import { createSsoProvider, OIDC_MOUNT } from './provider';
import { createSigningKeys } from './signing-keys';

export interface SsoEnv {
  PUBLIC_URL: string;
  WEB_URL: string;
  DATABASE_URL: string;
  INTERNAL_CIDRS: string;
  LOGIN_RATE_LIMIT_PER_MINUTE: number;
  CAPTCHA_RATE_LIMIT_PER_MINUTE: number;
  ACCOUNT_AVAILABILITY_RATE_LIMIT_PER_MINUTE: number;
  CALENDAR_FEED_RATE_LIMIT_PER_MINUTE: number;
}

/**
 * 單一帳號認證平台: the OpenID Connect provider (issuer <WEB_URL>/oidc), the login kit every method
 * uses, and the portal's own registration as a relying party.
 */
export async function createSso(deps: {
  prisma: PrismaClient;
  log: Logger;
  env: SsoEnv;
  dataKey: Buffer;
  sessionSecret: string;
}) {
  const { prisma, env } = deps;
  const signingKeys = createSigningKeys(prisma, deps.dataKey);
  // The shared rate-limit table (rate-limiter-flexible speaks pg, not Prisma) and oidc-provider's
  // storage statements (api/sso/adapter.ts).
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 6 });
  const provider = await createSsoProvider({
    prisma,
    pool,
    log: deps.log,
    issuer: `${env.WEB_URL}${OIDC_MOUNT}`,
    dataKey: deps.dataKey,
    cookieKeys: [deps.sessionSecret],
    signingKeys,
  });
  const proofs = createIdentityProofs(prisma);
  const kit = createLoginKit({
    prisma,
    pool,
    zone: createNetworkZone(env.INTERNAL_CIDRS),
    proofs,
    provider: provider.current,
    ipPointsPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
  });
  const portal: PortalClientConfig = {
    webUrl: env.WEB_URL,
    internalUrl: env.PUBLIC_URL,
    dataKey: deps.dataKey,
    secret: portalClientSecret(deps.sessionSecret),
    secureCookies: env.WEB_URL.startsWith('https://'),
  };
  await ensurePortalClient(prisma, portal);
  // The public pages' other per-address budgets, in the same shared table as the login's.
  const limits: PublicLimits = {
    captcha: createAddressLimit(pool, { keyPrefix: 'captcha', pointsPerMinute: env.CAPTCHA_RATE_LIMIT_PER_MINUTE }),
    accountAvailability: createAddressLimit(pool, {
      keyPrefix: 'availability',
      pointsPerMinute: env.ACCOUNT_AVAILABILITY_RATE_LIMIT_PER_MINUTE,
    }),
    calendarFeed: createAddressLimit(pool, {
      keyPrefix: 'calendar-feed',
      pointsPerMinute: env.CALENDAR_FEED_RATE_LIMIT_PER_MINUTE,
    }),
  };
  return { provider, kit, proofs, signingKeys, portal, pool, limits, close: () => pool.end() };
}

export type Sso = Awaited<ReturnType<typeof createSso>>;

/** 圖形驗證碼 (POST /api/captcha), 檢查帳號 (GET …/account-availability) and 行事曆訂閱 feeds, per source address. */
export interface PublicLimits {
  captcha: AddressLimit;
  accountAvailability: AddressLimit;
  calendarFeed: AddressLimit;
}
