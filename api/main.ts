import { fileURLToPath } from 'node:url';
import { parseEnv } from '../domain/env-schema';
import { CLIENT_ENV_KEYS, createClients } from '../activities/clients';
import { createMoiFidoClient } from '../activities/moi/client';
import { resolveSystemParameters } from '../prisma/system-parameters';
import { createApp } from './app';
import { dependencyPings } from './dependency-pings';
import { createLogger } from './logger';
import { createTemporal } from './temporal';
import { createSso } from './sso';

const env = parseEnv(process.env, [
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
  'WEB_DIST',
] as const);
const log = createLogger(env.LOG_LEVEL, 'api');
const clients = createClients(env);
const temporal = createTemporal({
  address: env.TEMPORAL_ADDRESS,
  namespace: env.TEMPORAL_NAMESPACE,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  uiUrl: env.TEMPORAL_UI_URL,
});

const sso = await createSso({
  prisma: clients.prisma,
  log,
  env,
  dataKey: Buffer.from(env.DATA_KEY, 'base64'),
  sessionSecret: env.SESSION_SECRET,
});

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

const app = createApp({
  sso,
  env,
  log,
  prisma: clients.prisma,
  temporal,
  pings: dependencyPings(clients, temporal),
  // 密碼有效期限 is a DURATION parameter (seconds); the countdown under the user's name is in days.
  // Read at most every 5 s (every portal page load asks, GET /api/session).
  passwordMaxAgeDays: cachedFor(5_000, async () => {
    const rows = await clients.prisma.systemParameter.findMany({ where: { key: 'password.maxAge' } });
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
  webDist: env.NODE_ENV === 'development' ? undefined : (env.WEB_DIST ?? fileURLToPath(new URL('../web/dist', import.meta.url))),
});

const server = app.listen(env.PORT, env.HOST, () => log.info({ port: env.PORT }, 'api listening'));
server.on('error', (error: NodeJS.ErrnoException) => {
  log.fatal({ err: error }, error.code === 'EADDRINUSE' ? `連接埠 ${env.PORT} 已被占用 (port in use)` : 'server error');
  process.exit(1);
});

// Graceful shutdown: stop accepting, let in-flight requests finish, then close clients.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'api stopping');
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  server.close(async () => {
    await sso.close().catch(() => undefined);
    await clients.prisma.$disconnect().catch(() => undefined);
    await temporal.connection.close().catch(() => undefined);
    clearTimeout(force);
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
