import { fileURLToPath } from 'node:url';
import type { PrismaClient } from '@prisma/client';
import type { ClientInterceptors } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Env } from '../domain/env-schema';
import { CLIENT_ENV_KEYS, createClients } from '../infra/clients';
import { createMoiFidoClient } from '../infra/moi/client';
import { resolveSystemParameters } from '../domain/system-parameters';
import { createApp } from './app';
import { dependencyPings } from './dependency-pings';
import { createLogger } from '../infra/logger';
import { createTemporal } from './temporal';
import { createSso, type Sso } from './sso';

/** The configuration the API reads (api/main.ts parses exactly these). */
export const API_ENV_KEYS = [
  ...CLIENT_ENV_KEYS,
  'NODE_ENV',
  'LOG_LEVEL',
  'HOST',
  'PORT',
  'PUBLIC_URL',
  'TRUST_PROXY',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'TEMPORAL_UI_URL',
  'MAILBOX_URL',
  'SMS_SIMULATOR_URL',
  'CITIZEN_CERT_ROOT_CA_FILE',
  'CITIZEN_CERT_CRL_URL',
  'CITIZEN_CERT_SIGNER_URL',
  'MOI_FIDO_URL',
  'MOI_FIDO_SP_SERVICE_ID',
  'MOI_FIDO_SP_KEY',
  'DATA_KEY',
  'HASH_KEY',
  'SESSION_SECRET',
  'WEB_URL',
  'INTERNAL_CIDRS',
  'LOGIN_RATE_LIMIT_PER_MINUTE',
  'CAPTCHA_RATE_LIMIT_PER_MINUTE',
  'ACCOUNT_AVAILABILITY_RATE_LIMIT_PER_MINUTE',
  'CALENDAR_FEED_RATE_LIMIT_PER_MINUTE',
  'WEB_DIST',
] as const;

export type ApiEnv = Pick<Env, (typeof API_ENV_KEYS)[number]>;

/** What a test may put in place of the real thing (tests/integration/api/hostile-input.test.ts counts writes). */
export interface ApiOverrides {
  log?: Logger;
  /** Wraps the Prisma client every route gets (e.g. with `$extends`). */
  prisma?: (prisma: PrismaClient) => PrismaClient;
  /** Interceptors of the Temporal client the routes start and signal workflows with. */
  temporalInterceptors?: ClientInterceptors;
  /** Called with the SSO once it is built, before the app is (its pg pool can be wrapped here). */
  sso?: (sso: Sso) => void;
}

function cachedFor<T>(ms: number, read: () => Promise<T>) {
  let cached: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (cached && Date.now() - cached.at < ms) return cached.value;
    const value = read();
    cached = { at: Date.now(), value };
    value.catch(() => (cached = undefined));
    return value;
  };
}

/** The API's clients, Temporal client, SSO and Express app, as api/main.ts serves them. */
export async function buildApi(env: ApiEnv, overrides: ApiOverrides = {}) {
  const log = overrides.log ?? createLogger(env.LOG_LEVEL, 'api');
  const clients = createClients(env);
  const prisma = overrides.prisma ? overrides.prisma(clients.prisma) : clients.prisma;
  const temporal = createTemporal(
    {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      uiUrl: env.TEMPORAL_UI_URL,
    },
    overrides.temporalInterceptors,
  );

  const sso = await createSso({
    prisma,
    log,
    env,
    dataKey: Buffer.from(env.DATA_KEY, 'base64'),
    sessionSecret: env.SESSION_SECRET,
  });
  overrides.sso?.(sso);

  const app = createApp({
    sso,
    env,
    log,
    prisma,
    temporal,
    pings: dependencyPings(clients, temporal),
    // 密碼有效期限 is a DURATION parameter (seconds); the countdown under the user's name is in days.
    // Read at most every 5 s (every portal page load asks, GET /api/session).
    passwordMaxAgeDays: cachedFor(5_000, async () => {
      const rows = await prisma.systemParameter.findMany({ where: { key: 'password.maxAge' } });
      return resolveSystemParameters(rows, ['password.maxAge'])['password.maxAge'] / 86_400;
    }),
    keys: {
      dataKey: Buffer.from(env.DATA_KEY, 'base64'),
      hashKey: Buffer.from(env.HASH_KEY, 'base64'),
      sessionSecret: env.SESSION_SECRET,
    },
    moi: createMoiFidoClient({
      url: env.MOI_FIDO_URL,
      spServiceId: env.MOI_FIDO_SP_SERVICE_ID,
      spKey: env.MOI_FIDO_SP_KEY,
      timeoutMs: 10_000,
    }),
    webDist:
      env.NODE_ENV === 'development' ? undefined : (env.WEB_DIST ?? fileURLToPath(new URL('../web/dist', import.meta.url))),
  });

  async function close() {
    await sso.close().catch(() => undefined);
    await clients.prisma.$disconnect().catch(() => undefined);
    await temporal.connection.close().catch(() => undefined);
  }
  return { app, log, clients, prisma, temporal, sso, close };
}
