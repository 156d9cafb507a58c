// bench/lists: the console inbox list (api/queries/inbox.ts) at 10 000 and at 1 000 000 requests.
// Two scratch databases beside the test database (bench_lists_<slot>_<size>, dropped at the end) get the
// project's migrations and requests seeded with generate_series (one agency holds 4.6 % of them, 2 % are
// 待審核); the module's own functions — the exact queries the inboxes run — are timed per filter an
// approver uses, alternating between the two sizes: p50/p95 at 10k and at 1M and the p95 ratio. Run with
// `TEST_SLOT=<slot> npm run bench -- lists`; BENCH_RUNS sets the timed runs per filter (default 200),
// BENCH_EXPLAIN=1 also prints each query's plan at 1M.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import type { Actor } from '../../api/policies';
import { countInbox, inboxWhere, listInbox, type InboxQuery } from '../../api/queries/inbox';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARM_UP = 20;
const SIZES = [10_000, 1_000_000] as const;
const TYPE = 'ACCOUNT_APPLICATION' as const;
const rootDir = path.resolve(import.meta.dirname, '../..');

const testUrl = new URL(process.env.DATABASE_URL ?? '');
const admin = new pg.Client({ connectionString: testUrl.toString() });

/** A fresh database on the test server with the project's migrations applied; its URL. */
async function createScratchDatabase(name: string) {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(testUrl);
  url.pathname = `/${name}`;
  const migrate = spawnSync(process.execPath, ['prisma/offline-env.mjs', 'migrate', 'deploy'], {
    cwd: rootDir,
    env: { ...process.env, DATABASE_URL: url.toString() },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy 失敗：${migrate.stderr}`);
  return url.toString();
}

const SURNAMES = '陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周';
const GIVEN = '志明雅婷家豪淑芬俊傑美玲建宏怡君宗翰佩珊文華秀英冠宇欣怡承恩';

/**
 * Requests first..last: 60 % account applications, the rest other inbox types; 4.6 % in agency BIG, the
 * rest spread over 59 agencies; 2 % 待審核; one every three minutes, so a larger city has a longer history.
 */
async function seedRequests(db: pg.Client, last: number) {
  // The same seed in both databases: the 1M database's first 10k rows are the 10k database's rows.
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `INSERT INTO requests (id, workflow_id, type, status, status_label, agency_id, applicant_account, applicant_name,
                           summary, created_at, updated_at)
     SELECT 'bench' || lpad(n::text, 8, '0'), 'bench-request-' || n,
            (CASE WHEN r.t < 0.6 THEN 'ACCOUNT_APPLICATION' WHEN r.t < 0.75 THEN 'ACCOUNT_REACTIVATION'
                  WHEN r.t < 0.85 THEN 'ADMIN_ROLE' WHEN r.t < 0.95 THEN 'AGENCY_CHANGE' ELSE 'ACCOUNT_DISABLE' END)::"RequestType",
            CASE WHEN r.p < 0.02 THEN 'PENDING' WHEN r.p < 0.9 THEN 'APPROVED' ELSE 'REJECTED' END,
            CASE WHEN r.p < 0.02 THEN '待機關管理者審核' WHEN r.p < 0.9 THEN '已核准' ELSE '已駁回' END,
            CASE WHEN r.a < 0.046 THEN 'bench-agency-BIG' ELSE 'bench-agency-' || (1 + floor(r.a * 1000)::int % 59) END,
            'u' || lpad(n::text, 7, '0'),
            substr($1, 1 + floor(r.s * 20)::int, 1) || substr($2, 1 + floor(r.g1 * 30)::int, 1) || substr($2, 1 + floor(r.g2 * 30)::int, 1),
            '{}', timestamptz '2016-01-01 00:00+08' + n * interval '3 minutes', now()
       FROM generate_series(1, $3::int) AS n,
            LATERAL (SELECT random() + n * 0 AS t, random() + n * 0 AS p, random() + n * 0 AS a,
                            random() + n * 0 AS s, random() + n * 0 AS g1, random() + n * 0 AS g2) AS r`,
    [SURNAMES, GIVEN, last],
  );
  await db.query('VACUUM ANALYZE requests');
}

async function seedAgencies(db: pg.Client) {
  await db.query(
    `INSERT INTO organizations (id, code, name, kind, ad_ou, updated_at)
     SELECT 'bench-agency-' || c, 'BENCH-' || c, '效能測試機關' || c, 'EXTERNAL_AGENCY', 'OU=BENCH-' || c, now()
       FROM (SELECT 'BIG' AS c UNION ALL SELECT g::text FROM generate_series(1, 59) g) AS codes`,
  );
}

const actor = (roles: Actor['roles'], adminOfAgencyIds: string[]): Actor => ({
  id: 'bench-actor',
  account: 'bench',
  name: '效能測試',
  organizationId: 'bench-agency-BIG',
  agencyId: 'bench-agency-BIG',
  roles,
  adminOfAgencyIds,
});
const agencyAdmin = actor(['AGENCY_ADMIN'], ['bench-agency-BIG']);
const systemAdmin = actor(['SYSTEM_ADMIN'], []);
const query = (q: Partial<InboxQuery>): InboxQuery => ({ status: 'PENDING', page: 0, pageSize: 20, ...q });

const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * p) - 1]!;

async function sample(fn: () => Promise<unknown>) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

type Filter = { label: string; run: () => Promise<unknown> };
type Scale = { size: number; url: string; db: pg.Client; prisma: PrismaClient; queries: string[]; filters: Filter[] };

/**
 * The filters, the keywords taken from the rows both databases share (the 10k database's newest
 * decided rows of agency BIG), the deep page's cursor from this database.
 */
async function filters(prisma: PrismaClient, shared: pg.Client): Promise<Filter[]> {
  const { rows: named } = await shared.query<{ applicant_name: string; applicant_account: string }>(
    `SELECT applicant_name, applicant_account FROM requests
      WHERE type = $1 AND agency_id = 'bench-agency-BIG' AND status <> 'PENDING' ORDER BY created_at DESC LIMIT 1 OFFSET 5`,
    [TYPE],
  );
  const { applicant_name: name, applicant_account: account } = named[0]!;
  // 第 501 頁 of the system admin's 已審核 (the last page where the list is shorter), reached by cursor.
  const decided = (await inboxWhere(prisma, systemAdmin, TYPE, { status: 'DECIDED' }))!;
  const depth = Math.min(500 * 20, (await prisma.request.count({ where: decided })) - 20);
  const [deep] = await prisma.request.findMany({
    where: decided,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: depth - 1,
    take: 1,
    select: { createdAt: true, id: true },
  });
  const after = { at: deep!.createdAt, id: deep!.id };
  const all = (await inboxWhere(prisma, systemAdmin, TYPE, { status: 'ALL' }))!;
  return [
    { label: '機關 待審核 第 1 頁', run: () => listInbox(prisma, agencyAdmin, TYPE, query({ status: 'PENDING' })) },
    { label: '機關 已審核 第 1 頁', run: () => listInbox(prisma, agencyAdmin, TYPE, query({ status: 'DECIDED' })) },
    { label: '機關 全部 第 1 頁', run: () => listInbox(prisma, agencyAdmin, TYPE, query({ status: 'ALL' })) },
    {
      label: '系統 已審核 第 501 頁（游標 after=）',
      run: () => listInbox(prisma, systemAdmin, TYPE, query({ status: 'DECIDED', page: 500, after })),
    },
    {
      label: '機關 已審核 關鍵字（姓名）',
      run: () => listInbox(prisma, agencyAdmin, TYPE, query({ status: 'DECIDED', q: name })),
    },
    {
      label: '機關 已審核 關鍵字（帳號）',
      run: () => listInbox(prisma, agencyAdmin, TYPE, query({ status: 'DECIDED', q: account })),
    },
    { label: '系統 全部 關鍵字（姓名）', run: () => listInbox(prisma, systemAdmin, TYPE, query({ status: 'ALL', q: name })) },
    { label: '系統 全部 關鍵字（姓）', run: () => listInbox(prisma, systemAdmin, TYPE, query({ status: 'ALL', q: name[0] })) },
    {
      label: '系統 機關篩選 待審核 第 1 頁',
      run: () => listInbox(prisma, systemAdmin, TYPE, query({ status: 'PENDING', agencyCode: 'BENCH-BIG' })),
    },
    { label: '系統 全部 筆數（上限 1,001）', run: () => countInbox(prisma, all) },
    {
      label: '（退路）系統 已審核 第 501 頁 page=',
      run: () => listInbox(prisma, systemAdmin, TYPE, query({ status: 'DECIDED', page: Math.floor(depth / 20) })),
    },
  ];
}

/** The SQL each filter sends, with EXPLAIN ANALYZE at 1M (BENCH_EXPLAIN=1), to check the plans' shape. */
async function explain(scale: Scale) {
  for (const filter of scale.filters) {
    scale.queries.length = 0;
    await filter.run();
    console.log(`\n— ${filter.label}`);
    for (const sql of scale.queries) {
      const [text, params] = JSON.parse(sql) as [string, unknown[]];
      const plan = await scale.db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, params);
      console.log(text.replace(/\s+/g, ' '), JSON.stringify(params));
      console.log(plan.rows.map((r: Record<string, string>) => `   ${r['QUERY PLAN']}`).join('\n'));
    }
  }
}

async function scale(size: number): Promise<Scale> {
  const url = await createScratchDatabase(`bench_lists_${process.env.TEST_SLOT ?? '8'}_${size}`);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const t0 = performance.now();
  await seedAgencies(db);
  await seedRequests(db, size);
  console.log(`已建立 ${size.toLocaleString()} 筆申請：${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
  const queries: string[] = [];
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 4 }),
    log: [{ emit: 'event', level: 'query' }],
  });
  prisma.$on('query', (e) => queries.length < 50 && queries.push(JSON.stringify([e.query, JSON.parse(e.params)])));
  return { size, url, db, prisma, queries, filters: [] };
}

await admin.connect();
const scales: Scale[] = [];
try {
  for (const size of SIZES) scales.push(await scale(size));
  const [small, large] = scales as [Scale, Scale];
  for (const s of scales) s.filters = await filters(s.prisma, small.db);
  if (process.env.BENCH_EXPLAIN) await explain(large);
  // Runs alternate between the two databases, so the machine's other load weighs on both alike.
  console.log(`\n每種篩選 ${RUNS} 次（先暖身 ${WARM_UP} 次，10k 與 1M 交替），毫秒：`);
  console.log(['篩選', 'p50 @10k', 'p95 @10k', 'p50 @1M', 'p95 @1M', 'p95 倍數'].join('\t'));
  for (const [i, filter] of small.filters.entries()) {
    const times: [number[], number[]] = [[], []];
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const a = await sample(filter.run);
      const b = await sample(large.filters[i]!.run);
      if (run < WARM_UP) continue;
      times[0].push(a);
      times[1].push(b);
    }
    const [p50s, p95s, p50l, p95l] = [
      percentile(times[0], 0.5),
      percentile(times[0], 0.95),
      percentile(times[1], 0.5),
      percentile(times[1], 0.95),
    ];
    console.log(
      [filter.label, ...[p50s, p95s, p50l, p95l].map((ms) => ms.toFixed(2)), `${(p95l / p95s).toFixed(2)}×`].join('\t'),
    );
  }
} finally {
  for (const s of scales) {
    await s.prisma.$disconnect();
    await s.db.end();
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(s.url).pathname.slice(1)} WITH (FORCE)`).catch(() => undefined);
  }
  await admin.end();
}
