// bench/login: full OpenID Connect code-flow password logins per second through the running API, and
// argon2id hashes per second with the stored-password parameters, in one run on this machine.
// Target (issue 4): logins/s ≥ 0.8 × hashes/s — the login path should cost little beyond its one hash.
// Run with `npm run bench -- login` (scripts/bench.mjs starts everything on its own test slot).
import os from 'node:os';
import { hashPassword, verifyPassword, ARGON2_OPTIONS } from '../../infra/password-hash';
import http from 'node:http';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ACCOUNTS = ['sysadmin', 'sdcadmin', 'sdcuser1', 'sdcuser2', 'cabadmin', 'cabuser1', 'cabuser2', 'secadmin', 'secuser1'];
const password = process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026';

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Runs `task` from `concurrency` loops for `seconds`; returns per-task latencies (ms) and the rate. */
async function measure(seconds: number, concurrency: number, task: (worker: number) => Promise<void>) {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let failures = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_unused, worker) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await task(worker);
          latencies.push(performance.now() - t0);
        } catch (error) {
          failures++;
          if (failures <= 3) console.error(`  失敗：${(error as Error).message}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    failures,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

// The load generator shares the machine's cores with what it measures, so it is a lean node:http
// client over keep-alive connections (fetch costs it several times more CPU per request). It makes
// the same requests a browser makes, as tests/support/http.ts `login` does: portal → /oidc/auth →
// the SSO's login step → captcha → password → resume → portal callback (code exchange) → session.
const base = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000');
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Answer {
  status: number;
  location?: string;
  body: string;
}

function request(jar: Map<string, string>, method: string, url: string, body?: unknown): Promise<Answer> {
  const target = new URL(url, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = {};
  if (jar.size) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = http.request(target, { method, agent, headers }, (res) => {
      for (const line of res.headers['set-cookie'] ?? []) {
        const [pair = '', ...attributes] = line.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) <= new Date());
        if (!value || expired || attributes.some((a) => /^\s*max-age=0/i.test(a))) jar.delete(name);
        else jar.set(name, value);
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Follows redirects (keeping cookies) until an answer that is not one, or `stop` matches. */
async function follow(jar: Map<string, string>, url: string, stop?: (url: URL) => boolean) {
  let next = new URL(url, base);
  for (let hop = 0; hop < 10; hop++) {
    if (stop?.(next)) return next;
    const answer = await request(jar, 'GET', next.href);
    if (answer.status < 300 || answer.status >= 400 || !answer.location) return next;
    next = new URL(answer.location, next);
  }
  throw new Error(`too many redirects from ${url}`);
}

async function oneLogin(worker: number) {
  const account = ACCOUNTS[worker % ACCOUNTS.length]!;
  const jar = new Map<string, string>();
  const landed = await follow(jar, '/api/auth/login?returnTo=%2Fhome', (url) => url.pathname.startsWith('/login/sso/'));
  const uid = landed.pathname.split('/').pop();
  if (!landed.pathname.startsWith('/login/sso/') || !uid) throw new Error(`no SSO login step (landed on ${landed.href})`);
  const { id } = JSON.parse((await request(jar, 'POST', '/api/captcha', {})).body) as { id: string };
  const { answer } = JSON.parse((await request(jar, 'GET', `/dev/captcha/${id}`)).body) as { answer: string };
  const step = await request(jar, 'POST', `/api/sso/interaction/${uid}/password`, {
    account,
    password,
    captchaId: id,
    captchaAnswer: answer,
  });
  const redirectTo = step.status === 200 ? (JSON.parse(step.body) as { redirectTo?: string }).redirectTo : undefined;
  if (!redirectTo) throw new Error(`login ${account}: ${step.status} ${step.body.slice(0, 200)}`);
  await follow(jar, redirectTo);
  const session = await request(jar, 'GET', '/api/session');
  const user = session.status === 200 ? (JSON.parse(session.body) as { user?: { account?: string } }).user : undefined;
  if (user?.account !== account) throw new Error(`login ${account}: session ${session.status} ${session.body.slice(0, 200)}`);
}

const fmt = (n: number) => n.toFixed(1);
console.log(`bench/login — ${os.cpus().length} CPU, ${SECONDS} s per phase, concurrency ${CONCURRENCY}`);
console.log(`argon2id m=${ARGON2_OPTIONS.memoryCost} KiB t=${ARGON2_OPTIONS.timeCost} p=${ARGON2_OPTIONS.parallelism}`);

// Warm-up: JIT, connection pools, the provider's first keys and the web of redirects.
await measure(3, 2, oneLogin);

const stored = await hashPassword(password);
const hashes = await measure(SECONDS, CONCURRENCY, async () => {
  if (!(await verifyPassword(stored, password))) throw new Error('verify failed');
});
console.log(
  `argon2id verify alone:        ${fmt(hashes.perSecond)} /s  p50 ${fmt(hashes.p50)} ms  p95 ${fmt(hashes.p95)} ms  (${hashes.count})`,
);

const clientCpu = process.cpuUsage();
const logins = await measure(SECONDS, CONCURRENCY, oneLogin);
const { user, system } = process.cpuUsage(clientCpu);
console.log(
  `OIDC code-flow password login: ${fmt(logins.perSecond)} /s  p50 ${fmt(logins.p50)} ms  p95 ${fmt(logins.p95)} ms  (${logins.count}, ${logins.failures} failed)`,
);
console.log(`  (this load generator's own CPU: ${fmt((user + system) / 1000 / Math.max(1, logins.count))} ms per login)`);
const ratio = logins.perSecond / hashes.perSecond;
console.log(`ratio logins/hashes = ${ratio.toFixed(2)} (target ≥ 0.80): ${ratio >= 0.8 ? 'MET' : 'NOT MET'}`);
