#!/usr/bin/env node
// Local Samba 4 AD domain controller for development and tests (see docs/dev-contract.md).
//
// Node built-ins only: this runs before `npm install` may have finished and from plain `node`.
// The DC is a real Samba AD DC (not OpenLDAP) because the portal relies on AD's password
// policy, unicodePwd and userAccountControl semantics.
//
//   import { ensureSamba } from './scripts/services/samba.mjs';
//   const dc = await ensureSamba({ rootDir });   // provisions once, starts or reuses
//   ...; await dc.stop();                          // only stops a DC this call started
//
// Standalone: `node scripts/services/samba.mjs` starts it, prints the connection info as JSON and
// stays in the foreground until Ctrl-C.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import tls from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';
const LDAPS_PORT = 636;
// Samba's ldap service also binds 389 and the global catalog ports; any of them taken makes it fail.
const LDAP_PORTS = [389, 636, 3268, 3269];
const REALM = 'TAINAN.LOCAL';
const DOMAIN = 'TAINAN';
const BASE_DN = 'DC=tainan,DC=local';
const UPN_SUFFIX = 'tainan.local';
const BIND_DN = `CN=Administrator,CN=Users,${BASE_DN}`;
const HOST_NAME = 'dc1'; // fixed: the machine's hostname may not be a valid NetBIOS name
const PACKAGES = ['samba', 'samba-dsdb-modules', 'samba-ad-provision', 'samba-vfs-modules', 'ldap-utils'];
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
const LOCK_TIMEOUT_MS = 240_000;
// Bumped when the provisioning recipe changes in a way that needs a fresh provision.
const LAYOUT_VERSION = 1;
// smb.conf settings (re)applied on every run, so an existing provision picks them up too.
const CONF_SETTINGS = {
  // Samba, like Windows (OldPasswordAllowedPeriod), keeps accepting the previous password for 60
  // minutes after a change or reset, and simple binds go through that NTLM path. The portal expects
  // a password change to take effect at once (old password rejected), so the dev DC uses 0.
  'old password allowed period': '0',
};
// Non-interactive shells often lack the sbin directories, where Debian puts `samba`.
const SEARCH_PATH = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/local/sbin', '/usr/sbin', '/sbin'];
const CHILD_ENV = { ...process.env, PATH: [...new Set(SEARCH_PATH)].join(':') };

/** Directory layout under <rootDir>/.data/samba (all Samba state stays inside it). */
function layout(rootDir) {
  const dir = path.resolve(rootDir, '.data', 'samba');
  return {
    dir,
    smbConf: path.join(dir, 'etc', 'smb.conf'),
    privateDir: path.join(dir, 'private'),
    runDir: path.join(dir, 'run'),
    logDir: path.join(dir, 'log'),
    logFile: path.join(dir, 'log', 'samba.log'),
    stdoutLog: path.join(dir, 'log', 'samba.stdout.log'),
    tlsDir: path.join(dir, 'tls'),
    caFile: path.join(dir, 'tls', 'ca.pem'),
    caKey: path.join(dir, 'tls', 'ca.key'),
    certFile: path.join(dir, 'tls', 'cert.pem'),
    keyFile: path.join(dir, 'tls', 'key.pem'),
    passwordFile: path.join(dir, 'admin-password'),
    pidFile: path.join(dir, 'samba.pid'),
    marker: path.join(dir, 'provisioned.json'),
    lockFile: path.join(dir, '.ensure.lock'),
  };
}

/**
 * Makes the Samba AD DC available on ldaps://127.0.0.1:636 and returns how to reach it.
 * @param {{ rootDir: string, log?: (msg: string) => void }} options
 */
export async function ensureSamba({ rootDir, log = console.log }) {
  // Calls within one process run one after the other (the lock file only separates processes).
  const next = inProcess.then(() => ensureSambaLocked({ rootDir, log }));
  inProcess = next.catch(() => undefined);
  return next;
}
let inProcess = Promise.resolve();

async function ensureSambaLocked({ rootDir, log }) {
  if (!rootDir) throw new Error('ensureSamba: rootDir is required');
  const L = layout(rootDir);
  await fsp.mkdir(L.dir, { recursive: true });

  const release = await acquireLock(L.lockFile, log);
  let result;
  try {
    await ensurePackages(log);
    await ensureProvisioned(L, log);
    const bindPassword = (
      await fsp.readFile(L.passwordFile, 'utf8').catch((err) => {
        throw new Error(`cannot read ${L.passwordFile} (${err.code}); it is 0600 for the user that provisioned the DC (root)`);
      })
    ).trim();
    const ca = await fsp.readFile(L.caFile);
    const creds = { dn: BIND_DN, password: bindPassword, ca };
    const pid = await startOrReuse(L, creds, log);
    result = {
      url: `ldaps://${HOST}:${LDAPS_PORT}`,
      bindDN: BIND_DN,
      bindPassword,
      baseDN: BASE_DN,
      caFile: L.caFile,
      upnSuffix: UPN_SUFFIX,
      pid,
      passwordFile: L.passwordFile,
      stateDir: L.dir,
      stop: pid === null ? async () => {} : () => stopPid(pid, L, log),
    };
  } finally {
    await release();
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Packages

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function which(cmd) {
  for (const dir of SEARCH_PATH) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

function missingPackages() {
  if (!which('dpkg-query')) {
    // Not Debian: judge by the binaries we actually call.
    const bins = ['samba', 'samba-tool', 'ldapsearch'].filter((b) => !which(b));
    return bins.length ? PACKAGES : [];
  }
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...PACKAGES], { encoding: 'utf8', env: CHILD_ENV });
  const installed = new Set(
    (r.stdout ?? '')
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]?.split(':')[0]),
  );
  const missing = PACKAGES.filter((p) => !installed.has(p));
  if (!which('openssl')) missing.push('openssl');
  return missing;
}

async function ensurePackages(log) {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const pkgs = [...new Set([...PACKAGES, ...missing])];
  const cmd = `apt-get install -y ${pkgs.join(' ')}`;
  if (!isRoot()) {
    throw new Error(`Samba AD DC packages missing (${missing.join(', ')}). Install them as root, then retry:\n  sudo ${cmd}`);
  }
  log(`[samba] installing ${missing.join(', ')} (${cmd})`);
  const env = { ...CHILD_ENV, DEBIAN_FRONTEND: 'noninteractive' };
  let r = await run('apt-get', ['install', '-y', ...pkgs], { env });
  if (r.code !== 0) {
    // A fresh container usually has no package lists yet.
    log('[samba] apt-get install failed; running apt-get update and retrying');
    const u = await run('apt-get', ['update'], { env });
    if (u.code !== 0) throw new Error(`apt-get update failed (exit ${u.code}):\n${tail(u.output, 30)}`);
    r = await run('apt-get', ['install', '-y', ...pkgs], { env });
  }
  if (r.code !== 0) throw new Error(`${cmd} failed (exit ${r.code}):\n${tail(r.output, 30)}`);
  const still = missingPackages();
  if (still.length) throw new Error(`packages still missing after ${cmd}: ${still.join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
// Provisioning (once)

async function ensureProvisioned(L, log) {
  const marker = await readJson(L.marker);
  if (marker?.version === LAYOUT_VERSION && fs.existsSync(L.smbConf) && fs.existsSync(L.passwordFile)) {
    // Certificates are cheap to recreate and smb.conf only points at their paths.
    if (![L.caFile, L.certFile, L.keyFile].every((f) => fs.existsSync(f))) {
      log('[samba] TLS files missing, regenerating CA and server certificate');
      await makeCertificates(L);
    }
    if (await applyConfSettings(L)) {
      const pid = await readLivePid(L.pidFile);
      if (pid) log(`[samba] updated ${L.smbConf}; restart the running DC (pid ${pid}) to apply it`);
    }
    return;
  }

  if (!isRoot()) {
    // samba-tool chowns sysvol and sets NT ACLs; measured: as non-root it fails half-way.
    throw new Error(
      `Samba AD DC in ${L.dir} is not provisioned and provisioning needs root. Run once as root:\n  sudo node scripts/services/samba.mjs`,
    );
  }
  const runningPid = await readLivePid(L.pidFile);
  if (runningPid) {
    throw new Error(
      `${L.dir} is not (completely) provisioned but samba pid ${runningPid} from ${L.pidFile} is running; stop it first`,
    );
  }

  const t0 = Date.now();
  log(`[samba] provisioning AD DC ${REALM} in ${L.dir}`);
  // A half-finished earlier attempt would make samba-tool refuse; start from a clean directory
  // (keeping only our lock file).
  for (const entry of await fsp.readdir(L.dir)) {
    if (path.join(L.dir, entry) !== L.lockFile) await fsp.rm(path.join(L.dir, entry), { recursive: true, force: true });
  }
  for (const d of [L.runDir, L.logDir, L.tlsDir, path.join(L.dir, 'lock')]) await fsp.mkdir(d, { recursive: true });

  const password = generatePassword();
  await fsp.writeFile(L.passwordFile, password, { mode: 0o600 }); // no newline: usable with `ldapsearch -y`
  await fsp.chmod(L.passwordFile, 0o600);
  await makeCertificates(L);

  // An empty base config: otherwise samba-tool merges /etc/samba/smb.conf (Debian's default has
  // [homes], [printers], `unix password sync`, `passwd program`, ...) into the generated file.
  const emptyConf = path.join(L.dir, 'provision-base.conf');
  await fsp.writeFile(emptyConf, '');
  const options = {
    'netbios name': HOST_NAME.toUpperCase(),
    interfaces: 'lo',
    'bind interfaces only': 'yes',
    // Only the LDAP server: LDAP password resets/changes (unicodePwd) and simple binds are handled
    // inside it by the DSDB password_hash module, so no kdc/kpasswd/rpc/smb is needed (measured:
    // reset, self-change, policy rejection and binds all work with `ldap` alone).
    'server services': 'ldap',
    'pid directory': L.runDir,
    'ncalrpc dir': path.join(L.runDir, 'ncalrpc'),
    'winbindd socket directory': path.join(L.runDir, 'winbindd'),
    'state directory': path.join(L.dir, 'state'),
    'cache directory': path.join(L.dir, 'cache'),
    'log file': L.logFile,
    'max log size': '10000',
    'tls enabled': 'yes',
    'tls keyfile': L.keyFile,
    'tls certfile': L.certFile,
    'tls cafile': L.caFile,
    // `ldap server require strong auth` deliberately left at its default (yes): like real AD,
    // simple binds and unicodePwd then need LDAPS (or StartTLS).
  };
  const p = await run('samba-tool', provisionArgs({ baseConf: emptyConf, targetDir: L.dir, options }));
  // Its output names the random password samba-tool chose: never shown, and replaced at once.
  if (p.code !== 0)
    throw new Error(`samba-tool domain provision failed (exit ${p.code}):\n${withoutAdminPassword(tail(p.output, 40))}`);
  await fsp.rm(emptyConf, { force: true });
  // --targetdir wins over our `lock directory` option (it writes the target dir itself); move the
  // lock/messaging files into lock/ so the top of the state directory stays readable.
  const conf = await fsp.readFile(L.smbConf, 'utf8');
  await fsp.writeFile(L.smbConf, conf.replace(/^(\s*lock directory\s*=).*$/m, `$1 ${path.join(L.dir, 'lock')}`));
  await applyConfSettings(L);
  const a = await run(samdbPython(), ['-c', SET_ADMIN_PASSWORD_PY, L.smbConf], {
    env: { ...CHILD_ENV, [ADMIN_PASSWORD_ENV]: password },
  });
  if (a.code !== 0) throw new Error(`setting the Administrator password failed (exit ${a.code}):\n${tail(a.output, 20)}`);

  // Domain password policy. The portal enforces its own, stricter policy (length, classes,
  // dictionary, history) before it ever calls AD; AD must accept everything the portal accepts
  // and must not add rules of its own that the portal cannot explain to users:
  //  - min length 8 / complexity on: the floor the portal's policy is always above;
  //  - history 5: AD-side safety net, the portal keeps a longer history itself;
  //  - min age 0: the default of 1 day would reject a change right after an admin reset (first
  //    login) and any second change the same day, which the portal allows;
  //  - max age 90 days: matches the portal's expiry, so AD never expires a password first.
  const s = await run('samba-tool', [
    'domain',
    'passwordsettings',
    'set',
    '-s',
    L.smbConf,
    '--min-pwd-length=8',
    '--complexity=on',
    '--history-length=5',
    '--min-pwd-age=0',
    '--max-pwd-age=90',
  ]);
  if (s.code !== 0) throw new Error(`samba-tool domain passwordsettings set failed (exit ${s.code}):\n${tail(s.output, 20)}`);
  // The bind account must not fall under the 90-day expiry, or every environment breaks after 90 days.
  const x = await run('samba-tool', ['user', 'setexpiry', 'Administrator', '--noexpiry', '-s', L.smbConf]);
  if (x.code !== 0) throw new Error(`samba-tool user setexpiry Administrator failed (exit ${x.code}):\n${tail(x.output, 20)}`);

  await fsp.writeFile(
    L.marker,
    JSON.stringify(
      { version: LAYOUT_VERSION, realm: REALM, provisionedAt: new Date().toISOString(), seconds: (Date.now() - t0) / 1000 },
      null,
      2,
    ) + '\n',
  );
  log(`[samba] provisioned in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Adds missing CONF_SETTINGS to [global]; returns whether smb.conf changed. */
async function applyConfSettings(L) {
  let conf = await fsp.readFile(L.smbConf, 'utf8');
  let changed = false;
  for (const [key, value] of Object.entries(CONF_SETTINGS)) {
    // smb.conf keys ignore case and spaces.
    const pattern = new RegExp(`^[ \\t]*${key.replace(/ /g, '[ \\t]*')}[ \\t]*=.*$`, 'im');
    const line = `\t${key} = ${value}`;
    const current = pattern.exec(conf)?.[0];
    if (current?.trim() === line.trim()) continue;
    conf = current ? conf.replace(pattern, line) : conf.replace(/^\[global\][^\n]*\n/im, (g) => `${g}${line}\n`);
    changed = true;
  }
  if (changed) await fsp.writeFile(L.smbConf, conf);
  return changed;
}

/** Strong random password that always satisfies AD complexity (3 of 4 character classes). */
function generatePassword() {
  const body = randomBytes(24).toString('base64').replace(/[+/=]/g, '');
  return `${body.slice(0, 28)}aA9-`;
}

/** Own CA + server certificate: Samba's self-signed one has no SAN for 127.0.0.1. */
async function makeCertificates(L) {
  await fsp.mkdir(L.tlsDir, { recursive: true });
  const caExt = path.join(L.tlsDir, 'ca.ext');
  const srvExt = path.join(L.tlsDir, 'server.ext');
  const csr = path.join(L.tlsDir, 'server.csr');
  await fsp.writeFile(
    caExt,
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n',
  );
  await fsp.writeFile(
    srvExt,
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost,DNS:${HOST_NAME}.${UPN_SUFFIX}`,
      'authorityKeyIdentifier=keyid',
      '',
    ].join('\n'),
  );
  const steps = [
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      L.caKey,
      '-out',
      L.caFile,
      '-days',
      '3650',
      '-subj',
      '/O=Tainan Portal Dev/CN=Tainan Portal Dev Samba CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      L.keyFile,
      '-out',
      csr,
      '-subj',
      `/O=Tainan Portal Dev/CN=${HOST_NAME}.${UPN_SUFFIX}`,
    ],
    // 825 days: the longest validity common TLS clients accept for a server certificate.
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      L.caFile,
      '-CAkey',
      L.caKey,
      '-CAcreateserial',
      '-out',
      L.certFile,
      '-days',
      '825',
      '-sha256',
      '-extfile',
      srvExt,
    ],
  ];
  for (const args of steps) {
    const r = await run('openssl', args);
    if (r.code !== 0) throw new Error(`openssl ${args[0]} failed (exit ${r.code}):\n${tail(r.output, 20)}`);
  }
  // Samba refuses a private key that is not 0600 and owned by the user running it.
  await fsp.chmod(L.keyFile, 0o600);
  await fsp.chmod(L.caKey, 0o600);
  for (const f of [caExt, srvExt, csr, path.join(L.tlsDir, 'ca.srl')]) await fsp.rm(f, { force: true });
}

// ---------------------------------------------------------------------------------------------
// Start / reuse / stop

async function startOrReuse(L, creds, log) {
  // 1. Our own DC from an earlier run (pid file alive).
  const known = await readLivePid(L.pidFile);
  if (known) {
    await waitReady(creds, { L, timeoutMs: READY_TIMEOUT_MS });
    log(`[samba] reusing running DC (pid ${known})`);
    return null;
  }
  await fsp.rm(L.pidFile, { force: true });

  // 2. Something listens on 636 already: reuse it only if it is our DC (our CA + our credentials).
  const listeners = listeningOn(LDAPS_PORT);
  if (listeners.length > 0) {
    const probe = await ldapsBind(creds, 5000).catch((err) => ({ code: -1, message: String(err.message ?? err) }));
    if (probe.code === 0) {
      log(`[samba] reusing DC already listening on ${HOST}:${LDAPS_PORT} (${describe(listeners)})`);
      return null;
    }
    throw new Error(
      `port ${LDAPS_PORT} is already in use by ${describe(listeners)}, which is not this project's Samba DC ` +
        `(LDAPS bind with ${L.passwordFile} failed: ${probe.message}). Stop that process or free port ${LDAPS_PORT}.`,
    );
  }
  for (const port of LDAP_PORTS) {
    const other = listeningOn(port);
    if (other.length) throw new Error(`port ${port} (needed by Samba's LDAP server) is already in use by ${describe(other)}`);
  }

  // 3. Start our own.
  if (!isRoot()) {
    throw new Error(
      `Samba AD DC is not running and starting it needs root (ports 389/636). Start it as root:\n  sudo node scripts/services/samba.mjs`,
    );
  }
  const t0 = Date.now();
  await fsp.mkdir(L.logDir, { recursive: true });
  await fsp.mkdir(L.runDir, { recursive: true });
  const out = fs.openSync(L.stdoutLog, 'a');
  const child = spawn(which('samba') ?? 'samba', ['-s', L.smbConf, '--foreground', '--no-process-group'], {
    detached: true, // own session: survives Ctrl-C of a parent `npm start` until stop() is called
    stdio: ['ignore', out, out],
    env: CHILD_ENV,
  });
  fs.closeSync(out);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (err) => resolve({ code: null, signal: null, error: err }));
  });
  if (!child.pid) {
    const e = await exited;
    throw new Error(`could not start samba: ${e.error?.message ?? 'unknown error'}`);
  }
  child.unref();
  childExit.set(child.pid, exited);
  await fsp.writeFile(L.pidFile, `${child.pid}\n`);
  log(`[samba] started pid ${child.pid}, waiting for LDAPS on ${HOST}:${LDAPS_PORT}`);

  try {
    await waitReady(creds, { L, timeoutMs: READY_TIMEOUT_MS, exited });
  } catch (err) {
    await stopPid(child.pid, L, () => {}).catch(() => {});
    throw err;
  }
  log(`[samba] LDAPS ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return child.pid;
}

/** Exit promises of children we spawned in this process (a dead child stays a zombie until reaped). */
const childExit = new Map();

async function stopPid(pid, L, log) {
  if (!isAlive(pid)) {
    await removePidFileIf(L.pidFile, pid);
    return;
  }
  log(`[samba] stopping pid ${pid}`);
  try {
    process.kill(pid, 'SIGTERM');
  } catch (err) {
    if (err.code !== 'ESRCH') throw err;
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  const exit = childExit.get(pid);
  while (Date.now() < deadline) {
    if (exit) {
      const done = await Promise.race([exit.then(() => true), sleep(100).then(() => false)]);
      if (done) break;
    } else {
      if (!isAlive(pid)) break;
      await sleep(100);
    }
  }
  if (isAlive(pid)) throw new Error(`samba pid ${pid} did not exit within ${STOP_TIMEOUT_MS / 1000} s after SIGTERM`);
  childExit.delete(pid);
  await removePidFileIf(L.pidFile, pid);
}

async function removePidFileIf(pidFile, pid) {
  const text = await fsp.readFile(pidFile, 'utf8').catch(() => '');
  if (Number.parseInt(text, 10) === pid) await fsp.rm(pidFile, { force: true });
}

async function waitReady(creds, { L, timeoutMs, exited }) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no attempt yet';
  let gone = null;
  exited?.then((e) => (gone = e));
  while (Date.now() < deadline) {
    if (gone) {
      throw new Error(
        `samba exited before LDAPS was ready (exit code ${gone.code}, signal ${gone.signal})\n` + (await logTail(L)),
      );
    }
    try {
      const r = await ldapsBind(creds, 3000);
      if (r.code === 0) return;
      last = `bind result ${r.code}: ${r.message}`;
    } catch (err) {
      last = String(err?.message ?? err);
    }
    await sleep(250);
  }
  throw new Error(
    `Samba LDAPS on ${HOST}:${LDAPS_PORT} not ready after ${timeoutMs / 1000} s (last attempt: ${last})\n` + (await logTail(L)),
  );
}

async function logTail(L) {
  const parts = [];
  for (const f of [L.logFile, L.stdoutLog]) {
    const text = await fsp.readFile(f, 'utf8').catch(() => null);
    if (text) parts.push(`--- tail of ${f} ---\n${tail(text, 40)}`);
  }
  return parts.join('\n') || `(no samba log found in ${L.logDir})`;
}

function readLivePidSync(pidFile) {
  let pid;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8'), 10);
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  // Guard against PID reuse after a reboot: the process must be samba.
  let exe = '';
  let cmd = '';
  try {
    exe = fs.readlinkSync(`/proc/${pid}/exe`);
  } catch {
    /* not permitted or gone */
  }
  try {
    cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    /* gone */
  }
  return path.basename(exe.replace(/ \(deleted\)$/, '')) === 'samba' || /^samba\b/.test(cmd) ? pid : null;
}

async function readLivePid(pidFile) {
  return readLivePidSync(pidFile);
}

/** True when the process exists and is not a zombie. */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Who listens on a port (/proc, so it works without iproute2)

function listeningOn(port) {
  const inodes = new Set();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = Number.parseInt(cols[1].split(':').pop(), 16);
      if (localPort === port && cols[3] === '0A') inodes.add(cols[9]); // 0A = LISTEN
    }
  }
  if (inodes.size === 0) return [];
  const owners = [];
  for (const pidDir of safeReaddir('/proc')) {
    if (!/^\d+$/.test(pidDir)) continue;
    for (const fd of safeReaddir(`/proc/${pidDir}/fd`)) {
      let target = '';
      try {
        target = fs.readlinkSync(`/proc/${pidDir}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1])) {
        let cmd = '';
        try {
          cmd = fs.readFileSync(`/proc/${pidDir}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
        } catch {
          /* gone */
        }
        owners.push({ pid: Number(pidDir), cmd: cmd || '?' });
        break;
      }
    }
  }
  // Listening but owner not visible (other user's process, no root): still report it.
  return owners.length ? owners : [{ pid: null, cmd: 'an unknown process (not visible to this user)' }];
}

function describe(listeners) {
  return (
    listeners
      .slice(0, 3)
      .map((l) => (l.pid ? `pid ${l.pid} (${l.cmd})` : l.cmd))
      .join(', ') + (listeners.length > 3 ? ` and ${listeners.length - 3} more` : '')
  );
}

function safeReaddir(dir) {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Minimal LDAP simple bind over TLS (BER by hand: no npm packages allowed here)

function berLength(n) {
  if (n < 0x80) return Buffer.from([n]);
  if (n < 0x100) return Buffer.from([0x81, n]);
  return Buffer.from([0x82, n >> 8, n & 0xff]);
}

function tlv(tag, content) {
  return Buffer.concat([Buffer.from([tag]), berLength(content.length), content]);
}

/** Reads one TLV at `off`; returns null when the buffer does not hold all of it yet. */
function readTlv(buf, off) {
  if (off + 2 > buf.length) return null;
  const tag = buf[off];
  let len = buf[off + 1];
  let start = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (start + n > buf.length) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i];
    start += n;
  }
  if (start + len > buf.length) return null;
  return { tag, start, end: start + len };
}

/**
 * Simple bind over LDAPS with certificate verification against our CA.
 * Resolves { code, message } with the LDAP result code; rejects on connection/TLS failures.
 */
function ldapsBind({ dn, password, ca }, timeoutMs) {
  const request = tlv(
    0x30,
    Buffer.concat([
      tlv(0x02, Buffer.from([1])), // messageID
      tlv(0x60, Buffer.concat([tlv(0x02, Buffer.from([3])), tlv(0x04, Buffer.from(dn)), tlv(0x80, Buffer.from(password))])),
    ]),
  );
  const unbind = Buffer.from([0x30, 0x05, 0x02, 0x01, 0x02, 0x42, 0x00]);
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    let settled = false;
    const socket = tls.connect({ host: HOST, port: LDAPS_PORT, ca });
    const finish = (fn, value) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      fn(value);
    };
    socket.setTimeout(timeoutMs, () => finish(reject, new Error(`LDAPS timeout after ${timeoutMs} ms`)));
    socket.once('error', (err) => finish(reject, err));
    socket.once('secureConnect', () => socket.write(request));
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const msg = readTlv(buf, 0);
      if (!msg) return;
      const id = readTlv(buf, msg.start);
      const op = id && readTlv(buf, id.end);
      const rc = op && readTlv(buf, op.start);
      const matched = rc && readTlv(buf, rc.end);
      const diag = matched && readTlv(buf, matched.end);
      if (!op || op.tag !== 0x61 || !rc) return finish(reject, new Error('unexpected LDAP response to bind'));
      const code = buf[rc.start];
      const message = diag ? buf.subarray(diag.start, diag.end).toString('utf8') : '';
      if (!socket.destroyed) socket.write(unbind);
      finish(resolve, { code, message });
    });
    socket.once('end', () => finish(reject, new Error('connection closed before bind response')));
  });
}

// ---------------------------------------------------------------------------------------------
// Lock: several processes (npm start, npm test) may call ensureSamba at the same time.

async function acquireLock(lockFile, log) {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  let told = false;
  for (;;) {
    try {
      const fh = await fsp.open(lockFile, 'wx');
      await fh.writeFile(`${process.pid}\n`);
      await fh.close();
      return async () => {
        const text = await fsp.readFile(lockFile, 'utf8').catch(() => '');
        if (Number.parseInt(text, 10) === process.pid) await fsp.rm(lockFile, { force: true });
      };
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const holder = Number.parseInt(await fsp.readFile(lockFile, 'utf8').catch(() => ''), 10);
    if (!Number.isInteger(holder) || holder === process.pid || !isAlive(holder)) {
      // Stale (holder died) or empty (holder between open and write: give it a moment).
      if (!Number.isInteger(holder)) await sleep(200);
      const again = Number.parseInt(await fsp.readFile(lockFile, 'utf8').catch(() => ''), 10);
      if (again === holder || !Number.isInteger(again)) await fsp.rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockFile} (held by pid ${holder})`);
    if (!told) {
      log(`[samba] waiting for pid ${holder} to finish setting up Samba`);
      told = true;
    }
    await sleep(250);
  }
}

/**
 * `samba-tool domain provision`'s arguments. No password among them: a command line is readable by
 * every user of the machine (ps, /proc/<pid>/cmdline), and samba-tool has no file or environment
 * option for it. Without --adminpass it picks a random one, which SET_ADMIN_PASSWORD_PY replaces
 * with ours, read from the environment.
 */
export function provisionArgs({ baseConf, targetDir, options }) {
  return [
    'domain',
    'provision',
    '-s',
    baseConf,
    `--realm=${REALM}`,
    `--domain=${DOMAIN}`,
    '--server-role=dc',
    '--dns-backend=NONE',
    `--host-name=${HOST_NAME}`,
    `--targetdir=${targetDir}`,
    ...Object.entries(options).map(([k, v]) => `--option=${k}=${v}`),
  ];
}

export const ADMIN_PASSWORD_ENV = 'SAMBA_ADMIN_PASSWORD';
/** What `samba-tool user setpassword` does, with the password from the environment (argv: smb.conf). */
export const SET_ADMIN_PASSWORD_PY = `
import os, sys
from samba.auth import system_session
from samba.param import LoadParm
from samba.samdb import SamDB
lp = LoadParm()
lp.load(sys.argv[1])
samdb = SamDB(url=lp.samdb_url(), session_info=system_session(), lp=lp)
samdb.setpassword("(sAMAccountName=Administrator)", os.environ["${ADMIN_PASSWORD_ENV}"], force_change_at_next_login=False, username="Administrator")
`;

/** The Python that has Samba's modules: the interpreter samba-tool itself runs with. */
function samdbPython() {
  const tool = which('samba-tool');
  const shebang = tool ? /^#!\s*(\S+)/.exec(fs.readFileSync(tool, 'utf8').split('\n', 1)[0])?.[1] : undefined;
  return shebang ?? '/usr/bin/python3';
}

function withoutAdminPassword(output) {
  return output.replace(/^(\s*Admin password:).*$/gim, '$1 [hidden]');
}

// ---------------------------------------------------------------------------------------------
// Helpers

function run(cmd, args, { env = CHILD_ENV } = {}) {
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(which(cmd) ?? cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.once('error', (err) => resolve({ code: -1, output: `${cmd}: ${err.message}` }));
    child.once('close', (code) => resolve({ code: code ?? -1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n');
}

async function readJson(file) {
  try {
    return JSON.parse(await fsp.readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------------------------------------
// Standalone

async function main() {
  const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dc = await ensureSamba({ rootDir, log: (m) => console.error(m) });
  const { stop, bindPassword, ...info } = dc;
  void bindPassword; // not printed: read it from passwordFile
  console.log(JSON.stringify(info, null, 2));
  console.error(dc.pid ? '[samba] running; Ctrl-C stops it' : '[samba] reused a running DC; Ctrl-C leaves it running');
  const keepAlive = setInterval(() => {}, 1 << 30);
  let stopping = false;
  const onSignal = async (sig) => {
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    try {
      await stop();
      process.exit(0);
    } catch (err) {
      console.error(`[samba] ${err.message}`);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err?.stack ?? String(err));
    process.exit(1);
  });
}
