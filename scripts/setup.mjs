// Sets up everything a mode needs and starts the services it finds missing.
// Node built-ins only at the top level: this runs before `npm ci`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEnv, EMBEDDED_PG_PORT, MODES, modeConfig, TEMPORAL_PORT, TEMPORAL_UI_PORT } from './lib/env.mjs';
import { assertPortFree, isPortOpen, run, startProcess, tail, waitFor } from './lib/proc.mjs';
import { ensureChromium, ensureDebPackages, NGINX } from './lib/apt.mjs';
import { ensureTemporal } from './services/temporal.mjs';
import { ensureSamba } from './services/samba.mjs';

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npx = (bin) => path.join(rootDir, 'node_modules/.bin', bin);

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw new Error(`需要 Node.js 20.19 以上（目前 ${process.versions.node}）。Node.js >= 20.19 is required.`);
  }
}

/** Every non-optional package of the lock is installed at the locked version. */
function installedMatchesLock(lock) {
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (!where.startsWith('node_modules/') || entry.optional || entry.link) continue;
    const manifest = path.join(rootDir, where, 'package.json');
    if (!fs.existsSync(manifest)) return false;
    if (JSON.parse(fs.readFileSync(manifest, 'utf8')).version !== entry.version) return false;
  }
  return true;
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
async function ensureNpmDeps(log) {
  const lock = fs.readFileSync(path.join(rootDir, 'package-lock.json'));
  const digest = crypto.createHash('sha256').update(lock).digest('hex');
  const stamp = path.join(rootDir, 'node_modules/.portal-lock-sha256');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) return;
  // After an `npm install <pkg>` node_modules already matches the new lock: no need to wipe it.
  if (installedMatchesLock(JSON.parse(lock.toString('utf8')))) {
    // `npm install <pkg>` re-extracts packages without our postinstall patches: apply them again.
    await run('npx', ['patch-package'], { cwd: rootDir });
    fs.writeFileSync(stamp, digest);
    return;
  }
  log('安裝 npm 套件（npm ci）…');
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: rootDir });
  fs.writeFileSync(stamp, digest);
}

/**
 * Starts a Node service script unless its port already answers; returns its handle or null.
 * `secrets` go in its environment, never in `args`: a command line is readable by every user (ps).
 */
export async function ensureNodeService({ name, script, args, secrets = {}, port, stateDir, log }) {
  if (await isPortOpen(port)) return null;
  const handle = startProcess(name, process.execPath, [path.join(rootDir, script), ...args], {
    cwd: rootDir,
    env: { ...process.env, ...secrets },
    logFile: path.join(rootDir, stateDir, 'logs', `${name}.log`),
  });
  await waitFor(async () => !handle.exited && (await isPortOpen(port)), { timeoutMs: 20_000, what: name }).catch((error) => {
    throw new Error(`${error.message}\n${tail(handle.logFile)}`);
  });
  log(`  ${name} 已啟動 (pid ${handle.pid})`);
  return handle;
}

/** The Prisma client is generated from the schema (no database needed), before anything type-checks or imports it. */
async function generatePrismaClient(log) {
  const { prismaEnv } = await import('../prisma/offline-env.mjs');
  log('產生 Prisma client（prisma generate）…');
  await run(npx('prisma'), ['generate'], { cwd: rootDir, env: { ...process.env, ...prismaEnv(rootDir) }, quiet: true });
}

async function prepareDatabase(env, mode, log) {
  const { prismaEnv } = await import('../prisma/offline-env.mjs');
  const childEnv = { ...process.env, ...env, ...prismaEnv(rootDir) };
  log('資料庫：prisma migrate deploy / seed …');
  await run(npx('prisma'), ['migrate', 'deploy'], { cwd: rootDir, env: childEnv, quiet: true });
  await run(npx('tsx'), ['scripts/seed.ts', ...(mode === 'test' ? ['--reset-ad'] : [])], { cwd: rootDir, env: childEnv });
}

/**
 * Brings up every service of `mode` ('development' | 'test'), prepares the database and AD, and
 * returns { env, handles, stop } — stop() ends exactly the processes this call started.
 */
/**
 * Registers this process as a user of the shared services; the returned release removes the lease
 * and tells whether another live process still holds one (leases of dead processes are swept).
 */
function takeLease(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const own = path.join(dir, String(process.pid));
  fs.writeFileSync(own, '');
  return () => {
    fs.rmSync(own, { force: true });
    let others = false;
    for (const name of fs.readdirSync(dir)) {
      const pid = Number(name);
      try {
        process.kill(pid, 0);
        others = true;
      } catch {
        fs.rmSync(path.join(dir, name), { force: true });
      }
    }
    return others;
  };
}

export async function setup(mode, { log = console.log, browser = false, onPackages } = {}) {
  checkNode();
  const m = modeConfig(mode);
  const stateDir = path.join(rootDir, m.stateDir);
  fs.mkdirSync(stateDir, { recursive: true });
  await ensureNpmDeps(log);
  await generatePrismaClient(log);
  onPackages?.();

  const handles = [];
  // Temporal, PostgreSQL and Samba are shared by every run on the machine (each slot has its own
  // namespace, database and AD subtree in them); the run that started them leaves them up while
  // another run still holds a lease, rather than pull them from under its tests.
  const shared = new Set();
  const releaseLease = takeLease(path.join(rootDir, '.data', 'leases'));
  const stop = async () => {
    const othersRunning = releaseLease();
    for (const handle of handles.reverse()) {
      if (shared.has(handle) && othersRunning) continue;
      await handle.stop().catch(() => undefined);
    }
    if (othersRunning && [...shared].some((h) => handles.includes(h))) {
      log('其他執行中的測試仍在使用 Temporal／PostgreSQL／Samba，保留這些服務。');
    }
    handles.length = 0;
  };

  try {
    log('啟動服務：Temporal、PostgreSQL、Samba AD …');
    const { ensurePostgres } = await import('./services/postgres.mjs');
    const [temporal, postgres, ad] = await Promise.all([
      ensureTemporal({
        rootDir,
        namespaces: [...new Set([MODES.development.namespace, MODES.test.namespace, m.namespace])],
        port: TEMPORAL_PORT,
        uiPort: TEMPORAL_UI_PORT,
        log,
      }),
      ensurePostgres({
        rootDir,
        databaseUrl: process.env.DATABASE_URL || undefined,
        databases: [m.database],
        port: EMBEDDED_PG_PORT,
        reset: mode === 'test',
        log,
      }),
      ensureSamba({ rootDir, log }),
    ]);
    for (const service of [temporal.handle, postgres, ad]) {
      if (!service?.pid) continue;
      const handle = service.handle ?? service;
      handles.push(handle);
      shared.add(handle);
    }

    const env = buildEnv(rootDir, mode, {
      postgresUrl: postgres.url,
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.uiUrl,
      ad,
    });

    const sink = await ensureNodeService({
      name: 'smtp-sink',
      script: 'scripts/services/smtp-sink.mjs',
      args: ['--smtp', String(m.smtpPort), '--http', String(m.mailboxPort), '--store', path.join(stateDir, 'mail')],
      port: m.mailboxPort,
      stateDir: m.stateDir,
      log,
    });
    if (sink) handles.push(sink);
    const sms = await ensureNodeService({
      name: 'mitake-sim',
      script: 'scripts/services/mitake-sim.mjs',
      args: ['--port', String(m.smsPort), '--store', path.join(stateDir, 'sms'), '--username', env.MITAKE_USERNAME],
      secrets: { MITAKE_PASSWORD: env.MITAKE_PASSWORD },
      port: m.smsPort,
      stateDir: m.stateDir,
      log,
    });
    if (sms) handles.push(sms);
    const moi = await ensureNodeService({
      name: 'moi-fido-sim',
      script: 'scripts/services/moi-fido-sim.mjs',
      args: ['--port', String(m.moiPort), '--sp-service-id', env.MOI_FIDO_SP_SERVICE_ID],
      secrets: { MOI_FIDO_SP_KEY: env.MOI_FIDO_SP_KEY },
      port: m.moiPort,
      stateDir: m.stateDir,
      log,
    });
    if (moi) handles.push(moi);
    // 自然人憑證: the card reader + signing component simulator; it creates the test PKI on first start.
    const cardSigner = await ensureNodeService({
      name: 'card-signer-sim',
      script: 'scripts/services/card-signer-sim.mjs',
      args: [
        '--port',
        String(m.cardSignerPort),
        '--pki',
        path.join(stateDir, 'pki'),
        '--origins',
        [...new Set([env.WEB_URL, env.PUBLIC_URL])].join(','),
      ],
      port: m.cardSignerPort,
      stateDir: m.stateDir,
      log,
    });
    if (cardSigner) handles.push(cardSigner);

    if (browser) await ensureChromium(log);
    if (mode === 'test') {
      // Validates docker-compose.yml (`docker-compose config` needs no engine).
      await ensureDebPackages({
        packages: ['docker-compose'],
        present: () => fs.existsSync('/usr/bin/docker-compose'),
        what: 'docker-compose 驗證',
        log,
      });
      // Runs deploy/nginx.conf in front of an API replica (tests/integration/proxy.test.ts).
      await ensureDebPackages({
        packages: ['nginx'],
        present: () => fs.existsSync(NGINX),
        what: '反向代理測試 (nginx)',
        log,
      });
    }
    await prepareDatabase(env, mode, log);
    return { env, handles, stop, stateDir };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Starts the API (and in development the worker and Vite) as children; returns their handles. */
export async function startApp(env, { mode, stateDir, withWeb, log = console.log, echo = false }) {
  const handles = [];
  const childEnv = { ...process.env, ...env };
  const logs = path.join(stateDir, 'logs');
  const tsx = (name, entry) =>
    // NODE_PROCESS_FLAGS: extra node flags for the app processes, e.g. --cpu-prof for a benchmark.
    startProcess(
      name,
      process.execPath,
      [...(childEnv.NODE_PROCESS_FLAGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', entry],
      {
        cwd: rootDir,
        env: childEnv,
        logFile: path.join(logs, `${name}.log`),
        echo,
      },
    );

  await assertPortFree(Number(env.PORT), 'API');
  handles.push(tsx('worker', 'worker/main.ts'));
  const api = tsx('api', 'api/main.ts');
  handles.push(api);
  if (withWeb) {
    await assertPortFree(Number(env.WEB_PORT), 'web (Vite)');
    handles.push(
      startProcess(
        'web',
        npx('vite'),
        ['--config', 'web/vite.config.ts', '--host', '127.0.0.1', '--port', env.WEB_PORT, '--strictPort'],
        {
          cwd: rootDir,
          env: childEnv,
          logFile: path.join(logs, 'web.log'),
          echo,
        },
      ),
    );
  }
  await waitFor(async () => !api.exited && (await isPortOpen(Number(env.PORT))), { timeoutMs: 60_000, what: 'API' }).catch(
    (error) => {
      throw new Error(`${error.message}\n${tail(api.logFile)}`);
    },
  );
  log(`  API 已啟動 (pid ${api.pid})，模式 ${mode}`);
  return handles;
}

export async function buildWeb(env) {
  const outDir = env.WEB_DIST ? ['--outDir', env.WEB_DIST, '--emptyOutDir'] : [];
  await run(npx('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', ...outDir], {
    cwd: rootDir,
    // The bundle the tests drive is the one that ships: React's production build, whatever the mode.
    env: { ...process.env, ...env, NODE_ENV: 'production' },
  });
}
