// Issue 10 item 4: behind the deployed reverse proxy a client cannot choose its own address. Debian's
// nginx runs deploy/nginx.conf — only its upstream and listen address changed for this machine — in
// front of an API replica that trusts X-Forwarded-For as docker-compose.yml says, translated to this
// machine's loopback network. Two clients on loopback addresses of their own, one inside 府內網路 and
// one outside, claim to be 10.9.9.9 (inside).
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createPrisma } from '../../infra/db/prisma';
import { NGINX } from '../../scripts/lib/apt.mjs';
import { modeConfig } from '../../scripts/lib/env.mjs';
import { isPortOpen, startProcess, tail, waitFor, type ProcessHandle } from '../../scripts/lib/proc.mjs';
import { e2e, testEnv } from '../support/env';
import { apiSession } from '../support/http';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stateDir = path.join(root, modeConfig('test').stateDir, 'proxy-test');
const prisma = createPrisma(testEnv().DATABASE_URL);

// Loopback addresses of this run's own (the per-address limit is kept in PostgreSQL for a minute).
const [a, b] = crypto.randomBytes(2).map((n) => 10 + (n % 240));
const OUTSIDE = `127.${a}.${b}.5`;
const INSIDE = `127.${a}.${b}.6`;
const CLAIMED = '10.9.9.9';
const LIMIT = 3;

/**
 * docker-compose.yml's TRUST_PROXY on this machine: the web proxy's fixed address is nginx's here
 * (127.0.0.1, where it connects from); any other entry — a range such as `uniquelocal` — covers the
 * clients' network too, which here is loopback.
 */
function trustProxyHere() {
  const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
  const proxy = compose.services.web.networks?.default?.ipv4_address;
  return String(compose['x-app-env'].TRUST_PROXY)
    .split(',')
    .map((entry) => (entry.trim() === proxy ? '127.0.0.1' : 'loopback'))
    .join(',');
}

/** deploy/nginx.conf with the replica as its upstream and a local listen address; nothing else changes. */
function renderNginx(listenPort: number, apiPort: number) {
  const deployed = fs.readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');
  const site = deployed
    .replace(/(upstream portal_api \{)[^}]*\}/, `$1\n  server 127.0.0.1:${apiPort};\n}`)
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${listenPort};`);
  if (!site.includes(`server 127.0.0.1:${apiPort};`) || !site.includes(`listen 127.0.0.1:${listenPort};`)) {
    throw new Error('deploy/nginx.conf no longer has the upstream block and `listen 80;` this test replaces');
  }
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(path.join(stateDir, 'portal.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${stateDir}/${kind}-temp;`);
  const main = `daemon off;
pid ${stateDir}/nginx.pid;
error_log ${stateDir}/error.log warn;
events { worker_connections 64; }
http {
  access_log ${stateDir}/access.log;
  ${temp.join('\n  ')}
  include ${stateDir}/portal.conf;
}
`;
  fs.writeFileSync(path.join(stateDir, 'nginx.conf'), main);
  return path.join(stateDir, 'nginx.conf');
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });

let proxyPort: number;
const processes: ProcessHandle[] = [];

/** A request through the proxy from a loopback address of the client's own, claiming CLAIMED unless told. */
function viaProxy(from: string, method: string, url: string, options: { headers?: Record<string, string>; body?: unknown } = {}) {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise<{ status: number; body: { error?: { code: string; message: string } } & Record<string, unknown> }>(
    (resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: proxyPort,
          localAddress: from,
          method,
          path: url,
          headers: { 'x-forwarded-for': CLAIMED, ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
        },
      );
      request.once('error', reject);
      request.end(body);
    },
  );
}

beforeAll(async () => {
  const apiPort = await freePort();
  proxyPort = await freePort();
  const logs = path.join(stateDir, 'logs');
  processes.push(
    startProcess('proxied-api', process.execPath, ['--import', 'tsx', 'api/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(apiPort),
        TRUST_PROXY: trustProxyHere(),
        INTERNAL_CIDRS: `10.0.0.0/8,${INSIDE}/32`,
        LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      },
      logFile: path.join(logs, 'proxied-api.log'),
    }),
    startProcess('nginx', NGINX, ['-p', stateDir, '-c', renderNginx(proxyPort, apiPort)], {
      logFile: path.join(logs, 'nginx.log'),
    }),
  );
  await waitFor(
    async () =>
      processes.every((p) => !p.exited) &&
      (await isPortOpen(apiPort)) &&
      (await isPortOpen(proxyPort)) &&
      (await viaProxy(INSIDE, 'GET', '/healthz')).status < 500,
    { timeoutMs: 60_000, what: 'nginx and the API replica' },
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${processes.map((p) => tail(p.logFile)).join('\n')}`);
  });
});

afterAll(async () => {
  for (const child of processes.reverse()) await child.stop();
  await prisma.$disconnect();
});

describe('the client address behind deploy/nginx.conf (issue 10 item 4)', () => {
  it('offers and accepts only the certificate methods to an outside client claiming an inside address', async () => {
    const browser = apiSession();
    const uid = await browser.startLogin();
    const cookie = browser.jar.header();
    const details = await viaProxy(OUTSIDE, 'GET', `/api/sso/interaction/${uid}/details`, { headers: { cookie } });
    expect(details.body).toMatchObject({ internal: false, methods: ['MOBILE_CERT', 'CITIZEN_CERT'] });
    const password = await viaProxy(OUTSIDE, 'POST', `/api/sso/interaction/${uid}/password`, {
      headers: { cookie },
      body: { account: e2e.user(), password: e2e.password(), ...(await browser.captcha()) },
    });
    expect(password.status).toBe(403);
    expect(password.body.error).toEqual({
      code: 'METHOD_NOT_AVAILABLE',
      message: '府外網路僅可使用行動自然人憑證或自然人憑證登入',
    });
  });

  it('writes the address the proxy saw in 帳號登入紀錄, not the claimed one', async () => {
    const browser = apiSession();
    const uid = await browser.startLogin();
    const account = `nobody_${crypto.randomBytes(4).toString('hex')}`;
    // The captcha is bound to the browser's client cookie, which taking it may set: take it first.
    const captcha = await browser.captcha();
    const attempt = await viaProxy(INSIDE, 'POST', `/api/sso/interaction/${uid}/password`, {
      headers: { cookie: browser.jar.header() },
      body: { account, password: 'Wrong@Pass1', ...captcha },
    });
    expect(attempt.body.error?.code).toBe('LOGIN_FAILED');
    const records = await prisma.loginRecord.findMany({ where: { account }, select: { ip: true, result: true } });
    expect(records).toEqual([{ ip: INSIDE, result: 'FAILURE' }]);
  });

  it('counts the per-address limit on the address the proxy saw, whatever each request claims', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= LIMIT + 1; i++) {
      const answer = await viaProxy(OUTSIDE, 'POST', '/api/identity/citizen-cert/challenges', {
        headers: { 'x-forwarded-for': `10.9.9.${i}` },
        body: {},
      });
      statuses.push(answer.status);
      if (answer.status === 429) expect(answer.body.error?.code).toBe('RATE_LIMITED');
    }
    // Within the limit the empty form is refused as such; past it the address is refused.
    expect(statuses).toEqual([...Array<number>(LIMIT).fill(400), 429]);
  });
});
