// bench/ad-reconcile: accounts compared per second by the adReconcile workflow (database ↔ AD), through
// the running API and worker, after seeding N users straight into the database and AD (every 10th with a
// title changed in AD, so drift rows are written too). Run with `TEST_SLOT=<slot> npm run bench -- ad-reconcile`
// (scripts/bench.mjs starts everything on that slot). BENCH_USERS sets N (default 2 000).
import crypto from 'node:crypto';
import { createClients } from '../../infra/clients';
import { testEnv } from '../../tests/support/env';
import { apiSession } from '../../tests/support/http';

const USERS = Number(process.env.BENCH_USERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const clients = createClients(testEnv());
const { prisma, ad } = clients;

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** A throw-away agency with N active users, in the database and (enabled, in its OU) in AD. */
async function seed() {
  const code = `BN${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const org = await prisma.organization.create({
    data: { code, name: `效能測試機關${code}`, kind: 'EXTERNAL_AGENCY', adOu: `OU=${code}` },
  });
  const ouDn = await ad.ensureOuPath([{ code, name: org.name }]);
  const accounts = Array.from({ length: USERS }, (_u, i) => `${code.toLowerCase()}u${i}`);
  await prisma.user.createMany({
    data: accounts.map((account) => ({
      account,
      name: `效能${account}`,
      organizationId: org.id,
      status: 'ACTIVE' as const,
      nationalIdCipher: crypto.randomBytes(40),
      nationalIdHash: crypto.randomBytes(32).toString('hex'),
    })),
  });
  const started = performance.now();
  await pool(accounts, CONCURRENCY, async (account) => {
    await ad.createUser({ account, ouDn, displayName: `效能${account}` });
    await ad.setPassword(account, `Bench-${crypto.randomBytes(6).toString('hex')}!a`);
    await ad.enableUser(account);
  });
  await pool(
    accounts.filter((_a, i) => i % 10 === 0),
    CONCURRENCY,
    async (account) => void (await ad.updateUser(account, { title: '手改職稱' })),
  );
  console.log(`已建立 ${USERS} 個帳號（資料庫 + AD）：${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  return { org, ouDn };
}

const { org, ouDn } = await seed();
try {
  const admin = apiSession();
  const login = await admin.login('sysadmin');
  if (login.status !== 200) throw new Error(`sysadmin 登入失敗 (${login.status})`);
  const t0 = performance.now();
  const started = await admin.post('/api/console/ad-sync/reconciles');
  if (started.status !== 202) throw new Error(`無法開始比對：${JSON.stringify(started.body)}`);
  let run;
  for (;;) {
    run = (await admin.get(`/api/console/ad-sync/reconciles/${started.body.workflowId}`)).body;
    if (run.status !== 'CHECKING') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - t0) / 1000;
  const drifts = await prisma.adDrift.count({
    where: { workflowId: started.body.workflowId, account: { startsWith: org.code.toLowerCase() } },
  });
  console.log(
    `同步比對：${run.progress.checked} 個帳號 ${seconds.toFixed(1)} 秒 → ${(run.progress.checked / seconds).toFixed(0)} 帳號/秒` +
      `（差異 ${run.progress.drifts} 筆，其中效能測試帳號 ${drifts} 筆，預期 ${Math.ceil(USERS / 10)}）`,
  );
} finally {
  await ad.deleteSubtree(ouDn).catch(() => undefined);
  await prisma.$disconnect();
}
