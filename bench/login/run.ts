// bench/login: full OpenID Connect code-flow password logins per second through the running API, and
// argon2id hashes per second with the stored-password parameters, in one run on this machine.
// Target (issue 4): logins/s ≥ 0.8 × hashes/s — the login path should cost little beyond its one hash.
// Run with `npm run bench -- login` (scripts/bench.mjs starts everything on its own test slot).
import os from 'node:os';
import { hashPassword, verifyPassword, ARGON2_OPTIONS } from '../../api/auth/password-hash';
import { apiSession } from '../../tests/support/http';

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
  return { count: latencies.length, failures, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

async function oneLogin(worker: number) {
  const account = ACCOUNTS[worker % ACCOUNTS.length]!;
  const outcome = await apiSession().login(account, password);
  if (outcome.status !== 200 || outcome.body?.user?.account !== account) {
    throw new Error(`login ${account}: ${outcome.status} ${JSON.stringify(outcome.body).slice(0, 200)}`);
  }
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
console.log(`argon2id verify alone:        ${fmt(hashes.perSecond)} /s  p50 ${fmt(hashes.p50)} ms  p95 ${fmt(hashes.p95)} ms  (${hashes.count})`);

const logins = await measure(SECONDS, CONCURRENCY, oneLogin);
console.log(
  `OIDC code-flow password login: ${fmt(logins.perSecond)} /s  p50 ${fmt(logins.p50)} ms  p95 ${fmt(logins.p95)} ms  (${logins.count}, ${logins.failures} failed)`,
);
const ratio = logins.perSecond / hashes.perSecond;
console.log(`ratio logins/hashes = ${ratio.toFixed(2)} (target ≥ 0.80): ${ratio >= 0.8 ? 'MET' : 'NOT MET'}`);
