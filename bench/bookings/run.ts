// bench/bookings: 場地借用 end to end — BENCH_BOOKINGS bookings (default 1 000) over BENCH_VENUES venues
// (default 200) submitted by BENCH_APPLICANTS applicants through POST /api/bookings, batch-approved by
// BENCH_CUSTODIANS custodians through 場地借用審核's batch-decision (≤ 100 ids a call), until every booking
// is APPROVED and every applicant's 已核准 mail is SENT in the outbox — against a bare one-activity
// workflow (workflows/bench-baseline.ts) started as often by the Temporal client at the same concurrency
// on the same worker and server, in the same run. Target (issue 12): bookings/s ≥ 0.5 × baseline/s.
// Run with `TEST_SLOT=<slot> npm run bench -- bookings` (scripts/bench.mjs starts everything on that slot).
// What the server does per approved booking (workflows/booking.ts since patch 'booking-local-steps', its
// database steps local activities): 4 workflow tasks, 2 activity tasks (the 已送出 notices, the 已核准
// mail) and the decide update, against 2 workflow tasks and 1 activity task of the baseline — before the
// patch about 10 workflow tasks and 9 activity tasks. On a shared machine wall time follows the others' load:
// read the CPU per item beside the ratio, and the load printed at both ends.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import argon2 from 'argon2';
import { Client, Connection } from '@temporalio/client';
import { addDays, taipeiInstant, taipeiParts } from '../../domain/bookings/slots';
import { createClients } from '../../infra/clients';
import { ARGON2_OPTIONS } from '../../infra/password-hash';
import { testEnv } from '../../tests/support/env';
import { apiSession } from '../../tests/support/http';
import { createResource } from '../../tests/support/resources';
import { bookingWorkflowId } from '../../workflows/booking.messages';
import { benchBaseline } from '../../workflows/bench-baseline';

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 1000);
const VENUES = Number(process.env.BENCH_VENUES ?? 200);
const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 50);
const CUSTODIANS = Number(process.env.BENCH_CUSTODIANS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/** Ids per batch-decision call: at most the inbox's limit of 100 (api/routes/console/decision-routes.ts). */
const BATCH = Math.min(100, Number(process.env.BENCH_BATCH ?? 100));
const POLL_MS = 100;
/** Each waiting phase gives up after this (a stuck workflow must not hang the run). */
const PHASE_TIMEOUT_MS = Number(process.env.BENCH_PHASE_TIMEOUT_S ?? 900) * 1000;

const env = testEnv();
const clients = createClients(env);
const { prisma } = clients;
const tag = crypto.randomBytes(3).toString('hex');

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * CPU seconds used so far by the worker and the API (this run's siblings under scripts/bench.mjs) and the
 * Temporal server (shared with any other run on the machine): a measure of cost per booking that other
 * load on the machine disturbs less than wall time does.
 */
function cpuSeconds() {
  const out = { worker: 0, api: 0, temporal: 0 };
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const [ppid, utime, stime] = [Number(stat[1]), Number(stat[11]), Number(stat[12])];
      const used = (utime + stime) / 100;
      if (ppid === process.ppid && cmdline.includes('worker/main.ts')) out.worker += used;
      else if (ppid === process.ppid && cmdline.includes('api/main.ts')) out.api += used;
      else if (cmdline.includes('temporal\0server\0start-dev')) out.temporal += used;
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

const cpuSince = (from: ReturnType<typeof cpuSeconds>, count: number) => {
  const now = cpuSeconds();
  const per = (k: keyof typeof now) => (((now[k] - from[k]) * 1000) / count).toFixed(1);
  return `CPU per item: worker ${per('worker')} ms, API ${per('api')} ms, Temporal server ${per('temporal')} ms`;
};

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** Active accounts with the demo password (one hash for all: the hash is not what is measured). */
async function seedUsers(prefix: string, count: number, organizationId: string) {
  const passwordHash = await argon2.hash(process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026', ARGON2_OPTIONS);
  const accounts = Array.from({ length: count }, (_u, i) => `${prefix}${tag}${i}`);
  const now = new Date();
  await prisma.user.createMany({
    data: accounts.map((account) => ({
      account,
      name: `效能${account}`,
      organizationId,
      status: 'ACTIVE' as const,
      activatedAt: now,
      passwordHash,
      passwordChangedAt: now,
      backupEmail: `${account}@example.org`,
      nationalIdCipher: crypto.randomBytes(40),
      nationalIdHash: crypto.randomBytes(32).toString('hex'),
    })),
  });
  return prisma.user.findMany({ where: { account: { in: accounts } }, orderBy: { account: 'asc' } });
}

async function signedIn(accounts: string[]) {
  const sessions: ReturnType<typeof apiSession>[] = new Array(accounts.length);
  await pool(accounts, CONCURRENCY, async (account, i) => {
    const s = apiSession();
    const login = await s.login(account);
    if (login.status !== 200) throw new Error(`${account} 登入失敗 (${login.status})：${JSON.stringify(login.body)}`);
    sessions[i] = s;
  });
  return sessions;
}

async function seed() {
  const g01 = (await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } })).id;
  // Applicants in the demo user's unit (any agency of the city may book a public CITY venue).
  const unit = (await prisma.user.findUniqueOrThrow({ where: { account: 'sdcuser1' } })).organizationId;
  const custodians = await seedUsers('bc', CUSTODIANS, g01);
  const applicants = await seedUsers('ba', APPLICANTS, unit);
  const venues: { id: string; custodian: number }[] = [];
  await pool(
    Array.from({ length: VENUES }, (_v, i) => i),
    CONCURRENCY,
    async (i) => {
      const custodian = i % CUSTODIANS;
      const venue = await createResource(prisma, {
        kind: 'VENUE',
        agencyId: g01,
        custodian1Id: custodians[custodian]!.id,
        name: `效能會議室-${tag}-${i}`,
        capacity: 50,
      });
      venues[i] = { id: venue.id, custodian };
    },
  );
  return { custodians, applicants, venues };
}

/** Booking i: venue i mod V, the venue's (i div V)-th one-hour slot from 8:00 (ten a day), a fortnight on. */
function slotOf(i: number) {
  const j = Math.floor(i / VENUES);
  const day = addDays(taipeiParts(new Date()).date, 14 + Math.floor(j / 10));
  const hour = 8 + (j % 10);
  return { startsAt: taipeiInstant(day, hour * 60).toISOString(), endsAt: taipeiInstant(day, (hour + 1) * 60).toISOString() };
}

async function runBaseline(client: Client, count: number, label: string) {
  const started = performance.now();
  await pool(
    Array.from({ length: count }, (_b, i) => i),
    CONCURRENCY,
    async (n) => {
      const result = await client.workflow.execute(benchBaseline, {
        taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'portal',
        workflowId: `bench-baseline-${label}-${tag}-${n}`,
        args: [{ n }],
      });
      if (result.n !== n) throw new Error('baseline answered another input');
    },
  );
  return performance.now() - started;
}

console.log(
  `bench/bookings — ${os.cpus().length} CPU, load ${load()}; ${BOOKINGS} bookings over ${VENUES} venues, ` +
    `${APPLICANTS} applicants, ${CUSTODIANS} custodians, concurrency ${CONCURRENCY}`,
);
const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
const keys: string[] = [];
try {
  const t = performance.now();
  const { custodians, applicants, venues } = await seed();
  const [applicantSessions, custodianSessions] = [
    await signedIn(applicants.map((u) => u.account)),
    await signedIn(custodians.map((u) => u.account)),
  ];
  console.log(`準備：${VENUES} 場地、${APPLICANTS + CUSTODIANS} 個帳號登入 ${seconds(performance.now() - t)} 秒`);

  // Warm-up: the worker's first workflow tasks and the client's connection.
  await runBaseline(client, 20, 'warm');

  // ── Baseline: a bare one-activity workflow, started and awaited BOOKINGS times ──
  const baselineCpu = cpuSeconds();
  const baselineMs = await runBaseline(client, BOOKINGS, 'run');
  const baselineCost = cpuSince(baselineCpu, BOOKINGS);

  // ── Bookings: submit ──
  const bookingCpu = cpuSeconds();
  const t0 = performance.now();
  const submitLatency: number[] = [];
  await pool(
    Array.from({ length: BOOKINGS }, (_b, i) => i),
    CONCURRENCY,
    async (i) => {
      const s0 = performance.now();
      const answer = await applicantSessions[i % APPLICANTS]!.post('/api/bookings', {
        kind: 'VENUE',
        resourceId: venues[i % VENUES]!.id,
        ...slotOf(i),
        phone: '2991111',
        phoneExt: '8001',
        headcount: 12,
        host: '陳科長',
        reason: '效能測試會議',
      });
      if (answer.status !== 201) throw new Error(`送出申請失敗 (${answer.status})：${JSON.stringify(answer.body)}`);
      submitLatency.push(performance.now() - s0);
      keys.push(answer.body.key as string);
    },
  );
  const t1 = performance.now();
  const listedAtSubmitEnd = await prisma.request.count({
    where: { workflowId: { in: keys.map((k) => bookingWorkflowId('VENUE', k)) } },
  });

  // ── Approve: each custodian lists their 待審核 and batch-approves it, until all theirs are decided ──
  const expected = custodians.map((_c, c) => {
    const held = new Set(venues.filter((v) => v.custodian === c).map((v) => v.id));
    return Array.from({ length: BOOKINGS }, (_b, i) => i).filter((i) => held.has(venues[i % VENUES]!.id)).length;
  });
  const callMs: number[] = [];
  let calls = 0;
  let refused = 0;
  let lastSeenAll = 0;
  const approveDeadline = Date.now() + PHASE_TIMEOUT_MS;
  await pool(custodianSessions, CONCURRENCY, async (s, c) => {
    let decided = 0;
    let seen = 0;
    // A row decided a moment ago may still read 待審核 (the read model lags under load): not asked twice.
    const asked = new Set<string>();
    while (decided < expected[c]!) {
      if (Date.now() > approveDeadline) throw new Error(`逾時：保管人 ${c} 只核准了 ${decided}／${expected[c]} 筆`);
      const list = await s.get(`/api/console/venue-bookings?status=PENDING&pageSize=${BATCH}`);
      const ids = (list.body.items as { id: string }[]).map((item) => item.id).filter((id) => !asked.has(id));
      for (const id of ids) asked.add(id);
      if (!ids.length) {
        await sleep(POLL_MS);
        continue;
      }
      seen += ids.length;
      if (seen >= expected[c]!) lastSeenAll = Math.max(lastSeenAll, performance.now());
      const c0 = performance.now();
      const batch = await s.post('/api/console/venue-bookings/batch-decision', {
        ids,
        decision: 'APPROVE',
        comment: '請準時歸還',
      });
      callMs.push(performance.now() - c0);
      calls++;
      if (batch.status !== 200) throw new Error(`批次核准失敗 (${batch.status})：${JSON.stringify(batch.body)}`);
      const results = batch.body.results as { ok: boolean; error?: { message: string } }[];
      decided += results.filter((r) => r.ok).length;
      refused += results.filter((r) => !r.ok).length;
      const firstRefusal = results.find((r) => !r.ok);
      if (firstRefusal) console.error(`  核准失敗：${firstRefusal.error?.message}`);
    }
  });
  const t2 = performance.now();

  // ── Mails: every booking APPROVED and every applicant's 已核准 mail SENT from the outbox ──
  const mailKeys = keys.map((k) => `${bookingWorkflowId('VENUE', k)}:approved`);
  const resourceIds = venues.map((v) => v.id);
  let approved = 0;
  let sent = 0;
  const mailDeadline = Date.now() + PHASE_TIMEOUT_MS;
  while (Date.now() < mailDeadline) {
    [approved, sent] = await Promise.all([
      prisma.booking.count({ where: { resourceId: { in: resourceIds }, status: 'APPROVED' } }),
      prisma.outboxMessage.count({ where: { key: { in: mailKeys }, status: 'SENT' } }),
    ]);
    if (approved === BOOKINGS && sent === BOOKINGS) break;
    await sleep(POLL_MS);
  }
  const t3 = performance.now();
  const bookingCost = cpuSince(bookingCpu, BOOKINGS);
  if (approved !== BOOKINGS || sent !== BOOKINGS) throw new Error(`逾時：${approved} 筆已通過、${sent} 封核准信已寄出`);

  // Not timed: the SMTP sink holds each applicant's 已核准 mails (the outbox's SENT means the sink took them).
  let inSink = 0;
  await pool(applicants, CONCURRENCY, async (u) => {
    const response = await fetch(`${env.MAILBOX_URL}/messages?to=${encodeURIComponent(u.backupEmail!)}`);
    const messages = (await response.json()) as { subject: string }[];
    inSink += messages.filter((m) => m.subject.includes('已核准')).length;
  });

  const endToEndMs = t3 - t0;
  const bookingRate = BOOKINGS / (endToEndMs / 1000);
  const baselineRate = BOOKINGS / (baselineMs / 1000);
  const ratio = bookingRate / baselineRate;
  const row = (label: string, ms: number, note: string) =>
    console.log(`  ${label.padEnd(30)}${seconds(ms).padStart(7)} s  ${note}`);
  console.log('');
  console.log(`baseline: ${BOOKINGS} bare one-activity workflows (client start + result), concurrency ${CONCURRENCY}`);
  row('benchBaseline', baselineMs, `${rate(BOOKINGS, baselineMs)} workflows/s`);
  console.log(`  ${baselineCost}`);
  console.log(`bookings: ${BOOKINGS} submitted → approved → mailed`);
  row(
    '1 送出申請 (POST /api/bookings)',
    t1 - t0,
    `${rate(BOOKINGS, t1 - t0)} /s, p50 ${percentile(submitLatency, 50).toFixed(0)} ms, p95 ${percentile(submitLatency, 95).toFixed(0)} ms; ` +
      `${listedAtSubmitEnd} already in the inbox`,
  );
  row(
    '2 批次核准 (batch-decision)',
    t2 - t1,
    `${calls} calls, p50 ${seconds(percentile(callMs, 50))} s, max ${seconds(Math.max(...callMs))} s; ` +
      `all listed after ${seconds(lastSeenAll - t1)} s; ${refused} refused`,
  );
  row('3 核准通知信 (outbox SENT)', t3 - t2, `${sent} SENT, ${inSink} 已核准 mails in the SMTP sink`);
  row('end to end', endToEndMs, `${bookingRate.toFixed(1)} bookings/s`);
  console.log(`  ${bookingCost}`);
  console.log('');
  console.log(
    `ratio bookings/baseline = ${ratio.toFixed(2)} (target ≥ 0.50): ${ratio >= 0.5 ? 'MET' : 'NOT MET'}; load ${load()}`,
  );
} finally {
  // The approved bookings' workflows would wait until their slots start: end them with the run.
  if (process.env.BENCH_KEEP !== '1') {
    await pool(keys, CONCURRENCY * 4, async (key) => {
      await client.workflow
        .getHandle(bookingWorkflowId('VENUE', key))
        .terminate('bench/bookings finished')
        .catch(() => undefined);
    });
  }
  await connection.close();
  await prisma.$disconnect();
}
