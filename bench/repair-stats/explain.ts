// A sanity check of how 處理狀況 scales, not a benchmark: inside one transaction that is rolled back at
// the end (nothing stays), 100,000 tickets of one 報修類型 over a year (and 100,000 of another type
// beside them) with ~110,000 replies; then EXPLAIN (ANALYZE, BUFFERS) of the four statistics queries
// for the whole year, the time of GET /api/repair-stats's work, and the 匯出 of the year streamed into
// a sink with the process's peak memory.
//
//   DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5433/portal_test_<slot> npx tsx bench/repair-stats/explain.ts
//
// The numbers of one run are in docs/api/repair-stats.md § Scale.
import { PassThrough } from 'node:stream';
import type { Response } from 'express';
import type { PrismaClient } from '@prisma/client';
import { createPrisma } from '../../infra/db/prisma';
import { sendRepairExport } from '../../api/presenters/repair-export';
import { exportTickets, repairStats, statsSql } from '../../api/queries/repair-stats';

const TICKETS = Number(process.env.EXPLAIN_TICKETS ?? 100_000);
const prisma = createPrisma(process.env.DATABASE_URL!);
class Rollback extends Error {}

const range = { from: '2025-01-01', to: '2025-12-31' };
const ms = (since: bigint) => `${(Number(process.hrtime.bigint() - since) / 1e6).toFixed(0)} ms`;

async function seed(tx: PrismaClient, typeName: string) {
  const agency = await tx.organization.findUniqueOrThrow({ where: { code: 'G01' } });
  const users = await tx.user.findMany({ take: 5, orderBy: { account: 'asc' }, select: { id: true, name: true } });
  const type = await tx.repairType.create({
    data: { name: typeName, agencyId: agency.id, audience: 'CITY', custodian1Id: users[0]!.id },
  });
  const userIds = users.map((u) => u.id);
  // One ticket every ~315 s over 2025 (Taipei), 50 reporting units, statuses in turn, one in seven returned.
  await tx.$executeRaw`
    INSERT INTO repair_tickets (id, key, repair_type_id, reporter_user_id, agency_id, unit_id, reporter_name, office_phone,
      location_id, floor, fault, status, return_count, rating, first_replied_at, closed_at, auto_closed, created_at, updated_at)
    SELECT ${type.id} || '-' || g, ${type.id} || '-' || g, ${type.id}, ${userIds[0]}, ${agency.id}, u.ids[1 + g % 50],
      '測試人員', '2991111', 'loc-minzhi', '1', '公文系統無法開啟',
      (ARRAY['PENDING','HANDLED','CLOSED'])[1 + g % 3]::"RepairStatus", (g % 7 = 0)::int,
      CASE WHEN g % 3 = 2 THEN 1 + g % 5 END,
      CASE WHEN g % 3 > 0 OR g % 5 = 0 THEN x.at + (g % 48) * interval '1 hour' END,
      CASE WHEN g % 3 = 2 THEN x.at + (24 + g % 200) * interval '1 hour' END,
      g % 30 = 2, x.at, x.at
    FROM generate_series(1, ${TICKETS}::int) g
    CROSS JOIN (SELECT array_agg(id ORDER BY code) AS ids FROM (SELECT id, code FROM organizations ORDER BY code LIMIT 50) o) u
    CROSS JOIN LATERAL (SELECT timestamptz '2024-12-31 16:00:00+00' + g * (interval '365 days' / ${TICKETS}::int) AS at) x`;
  // One 處理狀況回報 per replied ticket, a second on one in ten.
  await tx.$executeRaw`
    INSERT INTO repair_replies (id, ticket_id, seq, kind, author_user_id, author_name, handler_name, handled_at, result, category_name, created_at)
    SELECT gen_random_uuid(), t.id, n, 'REPLY', (${userIds}::text[])[1 + (hashtext(t.id) & 3) + n - 1], '維修人員', '維修人員',
      t.first_replied_at + (n - 1) * interval '1 day', '已處理完成', ${typeName} || '-一般操作問題', t.first_replied_at + (n - 1) * interval '1 day'
    FROM repair_tickets t CROSS JOIN generate_series(1, 2) n
    WHERE t.repair_type_id = ${type.id} AND t.first_replied_at IS NOT NULL AND (n = 1 OR hashtext(t.id) % 10 = 0)`;
  return type;
}

try {
  await prisma.$transaction(
    async (txClient) => {
      const tx = txClient as unknown as PrismaClient;
      let at = process.hrtime.bigint();
      const type = await seed(tx, '效能檢查報修類型');
      await seed(tx, '另一個報修類型');
      await tx.$executeRawUnsafe('ANALYZE repair_tickets');
      await tx.$executeRawUnsafe('ANALYZE repair_replies');
      console.log(`seeded ${TICKETS} tickets of the type (+ ${TICKETS} of another) with replies in ${ms(at)}`);

      for (const [name, sql] of Object.entries(statsSql(type.id, range))) {
        const plan = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.text}`,
          ...sql.values,
        );
        console.log(`\n── ${name}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
      }

      at = process.hrtime.bigint();
      const stats = await repairStats(tx, type, range);
      console.log(
        `\nrepairStats (the four queries in parallel): ${ms(at)}; total ${stats.summary.total}, ` +
          `${stats.volume.length} buckets, ${stats.units.length} units, ${stats.vendors.length} vendors`,
      );

      const sink = new PassThrough();
      let bytes = 0;
      sink.on('data', (chunk: Buffer) => (bytes += chunk.length));
      const res = Object.assign(sink, { status: () => res, set: () => res }) as unknown as Response;
      let peak = process.memoryUsage().rss;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const before = process.memoryUsage().rss;
      at = process.hrtime.bigint();
      await sendRepairExport(res, { typeName: type.name, ...range }, exportTickets(tx, type.id, range));
      clearInterval(timer);
      console.log(
        `export of the year: ${ms(at)}, ${(bytes / 1e6).toFixed(1)} MB of xlsx; RSS ${(before / 1e6).toFixed(0)} MB before, ` +
          `peak ${(peak / 1e6).toFixed(0)} MB`,
      );
      throw new Rollback();
    },
    { timeout: 900_000, maxWait: 10_000 },
  );
} catch (error) {
  if (!(error instanceof Rollback)) throw error;
  console.log('\nrolled back: nothing stays in the database');
} finally {
  await prisma.$disconnect();
}
