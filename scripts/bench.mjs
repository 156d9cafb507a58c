// npm run bench -- login: the same set-up as npm test (its own test slot, state and ports), then the
// named benchmark under bench/<name>/run.ts, which prints its figures. Benchmarks are never timed tests.
import path from 'node:path';
import { rootDir, setup, startApp } from './setup.mjs';
import { run } from './lib/proc.mjs';

const name = process.argv[2] ?? 'login';
process.env.TEST_SLOT ??= '8';
// The per-address limit would stop a load generator on one address after a minute; everything else
// (captcha included, read through the development route) is the production path.
process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '100000000';

// Benchmarks of the database alone (their own scratch database) need no API, worker or web.
const DATABASE_ONLY = new Set(['lists']);

const log = (line) => console.log(line);
let session;
let apps = [];
let code = 1;
const stop = async () => {
  for (const handle of apps.reverse()) await handle.stop().catch(() => undefined);
  await session?.stop();
};
process.once('SIGINT', async () => {
  await stop();
  process.exit(130);
});
try {
  session = await setup('test', { log });
  const env = { ...session.env, LOGIN_RATE_LIMIT_PER_MINUTE: process.env.LOGIN_RATE_LIMIT_PER_MINUTE, LOG_LEVEL: 'error' };
  if (!DATABASE_ONLY.has(name)) apps = await startApp(env, { mode: 'test', stateDir: session.stateDir, withWeb: false, log });
  await run(process.execPath, ['--import', 'tsx', path.join(rootDir, 'bench', name, 'run.ts')], {
    cwd: rootDir,
    env: {
      ...process.env,
      ...env,
      E2E_BASE_URL: env.PUBLIC_URL,
      E2E_DEMO_PASSWORD: process.env.SEED_DEMO_PASSWORD || 'Tainan@2026',
    },
  });
  code = 0;
} catch (error) {
  console.error(error.stack ?? error.message);
} finally {
  await stop();
  process.exit(code);
}
