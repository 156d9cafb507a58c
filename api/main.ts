import { parseEnv } from '../domain/env-schema';
import { API_ENV_KEYS, buildApi } from './build';

const env = parseEnv(process.env, API_ENV_KEYS);
const { app, log, close } = await buildApi(env);

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
    await close();
    clearTimeout(force);
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
