import { Prisma, type PrismaClient, type RepairStatus } from '@prisma/client';
import { REPAIR_STATUS_LABELS } from '../../domain/repairs/labels';
import {
  bucketLabel,
  bucketsOf,
  granularityOf,
  rangeInstants,
  STATS_GRANULARITY_LABELS,
  type RepairStats,
  type StatusCounts,
} from '../../domain/repairs/stats';

// 報修類型管理 › 處理狀況: every figure is an aggregate computed by PostgreSQL over the type's tickets
// reported in the range (index repair_tickets (repair_type_id, created_at)), and the replies joined by
// (ticket_id, seq); Node only fills the empty buckets and names the statuses. Nothing here loads the
// tickets one by one, so a year of a busy type is a few index range scans (docs/api/repair-stats.md).

export interface StatsType {
  id: string;
  name: string;
  agencyId: string;
  custodian1Id: string;
  custodian2Id: string | null;
}

/** The type of the path (a deleted one is not found), with what `repairStats.read` needs. */
export const loadStatsType = (prisma: PrismaClient, id: string): Promise<StatsType | null> =>
  prisma.repairType.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, name: true, agencyId: true, custodian1Id: true, custodian2Id: true },
  });

export interface StatsRange {
  from: string;
  to: string;
}

/** The type's tickets reported in the range (報修日期 in Taiwan, both days included). */
const ticketsOf = (typeId: string, range: StatsRange) => {
  const { start, end } = rangeInstants(range.from, range.to);
  return Prisma.sql`SELECT id, unit_id, status, return_count, rating, first_replied_at, closed_at, auto_closed, created_at
    FROM repair_tickets WHERE repair_type_id = ${typeId} AND created_at >= ${start} AND created_at < ${end}`;
};

const STATUS_COUNTS = Prisma.sql`
  count(*)::int AS total,
  (count(*) FILTER (WHERE t.status = 'PENDING'))::int AS pending,
  (count(*) FILTER (WHERE t.status = 'HANDLED'))::int AS handled,
  (count(*) FILTER (WHERE t.status = 'CLOSED'))::int AS closed`;

const counts = (r: StatusCounts): StatusCounts => ({ total: r.total, pending: r.pending, handled: r.handled, closed: r.closed });
const seconds = (v: number | null) => (v == null ? null : Math.round(Number(v)));
const share = (part: number, whole: number) => (whole ? part / whole : null);

/** The four aggregate queries of one type and range (also run under EXPLAIN by bench/repair-stats). */
export function statsSql(typeId: string, range: StatsRange) {
  const granularity = granularityOf(range.from, range.to);
  const tickets = ticketsOf(typeId, range);
  return {
    summary: Prisma.sql`
    SELECT ${STATUS_COUNTS},
      (count(*) FILTER (WHERE t.return_count > 0))::int AS returned,
      count(t.first_replied_at)::int AS replied,
      count(t.closed_at)::int AS closed_count,
      (count(*) FILTER (WHERE t.auto_closed))::int AS auto_closed,
      count(t.rating)::int AS rated,
      avg(t.rating)::float8 AS average_rating,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_replied_at - t.created_at)) AS median_first_reply,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.closed_at - t.created_at)) AS median_close
    FROM (${tickets}) t`,
    // date_trunc in Taiwan's wall clock: week = the Monday, month = the first day.
    volume: Prisma.sql`
    SELECT to_char(date_trunc(${granularity}, t.created_at AT TIME ZONE 'Asia/Taipei'), 'YYYY-MM-DD') AS bucket, ${STATUS_COUNTS}
    FROM (${tickets}) t GROUP BY 1 ORDER BY 1`,
    units: Prisma.sql`
    SELECT t.unit_id, o.name AS unit, ${STATUS_COUNTS}, (count(*) FILTER (WHERE t.return_count > 0))::int AS returned
    FROM (${tickets}) t JOIN organizations o ON o.id = t.unit_id
    GROUP BY t.unit_id, o.name, o.code ORDER BY total DESC, o.code`,
    // A vendor is the author of 處理狀況回報 (REPLY) rows. Time to first reply counts for whoever wrote the
    // ticket's first reply; time to close for whoever wrote its last one (the answer that was accepted).
    vendors: Prisma.sql`
    WITH r AS (
      SELECT r.ticket_id, r.author_user_id, r.author_name, t.created_at, t.first_replied_at, t.closed_at, t.return_count,
        row_number() OVER (PARTITION BY r.ticket_id ORDER BY r.seq) AS nth,
        count(*) OVER (PARTITION BY r.ticket_id) AS replies_of_ticket
      FROM repair_replies r JOIN (${tickets}) t ON t.id = r.ticket_id
      WHERE r.kind = 'REPLY'
    ),
    per_ticket AS (
      SELECT ticket_id, author_user_id, max(author_name) AS author_name, count(*) AS replies,
        bool_or(nth = 1) AS wrote_first, bool_or(nth = replies_of_ticket) AS wrote_last,
        min(first_replied_at - created_at) AS first_wait, min(closed_at - created_at) AS close_wait, min(return_count) AS return_count
      FROM r GROUP BY ticket_id, author_user_id
    )
    SELECT p.author_user_id AS user_id, coalesce(u.name, max(p.author_name)) AS name, u.account,
      sum(p.replies)::int AS replies,
      count(*)::int AS tickets,
      (count(*) FILTER (WHERE p.wrote_first))::int AS first_replies,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.first_wait)) FILTER (WHERE p.wrote_first) AS median_first_reply,
      (count(*) FILTER (WHERE p.wrote_last AND p.close_wait IS NOT NULL))::int AS closed_tickets,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.close_wait)) FILTER (WHERE p.wrote_last) AS median_close,
      (count(*) FILTER (WHERE p.return_count > 0))::int AS returned_tickets
    FROM per_ticket p LEFT JOIN users u ON u.id = p.author_user_id
    GROUP BY p.author_user_id, u.name, u.account
    ORDER BY tickets DESC, name`,
  };
}

type SummaryRows = (StatusCounts & {
  returned: number;
  replied: number;
  closed_count: number;
  auto_closed: number;
  rated: number;
  average_rating: number | null;
  median_first_reply: number | null;
  median_close: number | null;
})[];
type VolumeRows = (StatusCounts & { bucket: string })[];
type UnitsRows = (StatusCounts & { unit_id: string; unit: string; returned: number })[];
type VendorsRows = {
  user_id: string | null;
  name: string | null;
  account: string | null;
  replies: number;
  tickets: number;
  first_replies: number;
  median_first_reply: number | null;
  closed_tickets: number;
  median_close: number | null;
  returned_tickets: number;
}[];

export async function repairStats(
  prisma: PrismaClient,
  type: Pick<StatsType, 'id' | 'name'>,
  range: StatsRange,
): Promise<RepairStats> {
  const granularity = granularityOf(range.from, range.to);
  const sql = statsSql(type.id, range);
  const [[summary], volumeRows, unitRows, vendorRows] = await Promise.all([
    prisma.$queryRaw<SummaryRows>(sql.summary),
    prisma.$queryRaw<VolumeRows>(sql.volume),
    prisma.$queryRaw<UnitsRows>(sql.units),
    prisma.$queryRaw<VendorsRows>(sql.vendors),
  ]);
  const s = summary!;
  const byBucket = new Map(volumeRows.map((r) => [r.bucket, r]));
  const zero = { total: 0, pending: 0, handled: 0, closed: 0 };
  const statusCount: Record<RepairStatus, number> = { PENDING: s.pending, HANDLED: s.handled, CLOSED: s.closed };

  return {
    type: { id: type.id, name: type.name },
    range: { from: range.from, to: range.to, granularity, granularityLabel: STATS_GRANULARITY_LABELS[granularity] },
    summary: {
      ...counts(s),
      returned: s.returned,
      returnedShare: share(s.returned, s.total),
      replied: s.replied,
      medianFirstReplySeconds: seconds(s.median_first_reply),
      closedCount: s.closed_count,
      medianCloseSeconds: seconds(s.median_close),
      autoClosed: s.auto_closed,
      rated: s.rated,
      averageRating: s.average_rating == null ? null : Math.round(s.average_rating * 100) / 100,
    },
    statuses: (Object.keys(statusCount) as RepairStatus[]).map((status) => ({
      status,
      label: REPAIR_STATUS_LABELS[status],
      count: statusCount[status],
    })),
    volume: bucketsOf(range.from, range.to, granularity).map((bucket) => ({
      bucket,
      label: bucketLabel(bucket, granularity),
      ...counts(byBucket.get(bucket) ?? zero),
    })),
    units: unitRows.map((r) => ({ unitId: r.unit_id, unit: r.unit, ...counts(r), returned: r.returned })),
    vendors: vendorRows.map((r) => ({
      userId: r.user_id,
      name: r.name ?? '',
      account: r.account,
      replies: r.replies,
      tickets: r.tickets,
      firstReplies: r.first_replies,
      medianFirstReplySeconds: seconds(r.median_first_reply),
      closedTickets: r.closed_tickets,
      medianCloseSeconds: seconds(r.median_close),
      returnedTickets: r.returned_tickets,
      returnedShare: share(r.returned_tickets, r.tickets),
    })),
  };
}

/** One row of 匯出: a ticket with its 處理狀況回報 rows in order. */
export interface ExportTicket {
  id: string;
  createdAt: Date;
  unit: string;
  reporterName: string;
  officePhone: string | null;
  location: string;
  floor: string;
  fault: string;
  status: RepairStatus;
  returnCount: number;
  replies: { handlerName: string | null; handledAt: Date | null; result: string | null; categoryName: string | null }[];
}

/**
 * The range's tickets for 匯出, oldest first, in pages of `pageSize` (keyset on created_at, id), each
 * page with its replies in one query: memory stays one page whatever the range holds.
 */
export async function* exportTickets(
  prisma: PrismaClient,
  typeId: string,
  range: StatsRange,
  pageSize = 500,
): AsyncGenerator<ExportTicket[]> {
  const { start, end } = rangeInstants(range.from, range.to);
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const page = await prisma.repairTicket.findMany({
      where: {
        repairTypeId: typeId,
        createdAt: { gte: start, lt: end },
        ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: pageSize,
      select: {
        id: true,
        createdAt: true,
        reporterName: true,
        officePhone: true,
        floor: true,
        fault: true,
        status: true,
        returnCount: true,
        unit: { select: { name: true } },
        location: { select: { name: true } },
        replies: {
          where: { kind: 'REPLY' },
          orderBy: { seq: 'asc' },
          select: { handlerName: true, handledAt: true, result: true, categoryName: true },
        },
      },
    });
    if (page.length === 0) return;
    yield page.map(({ unit, location, ...t }) => ({ ...t, unit: unit.name, location: location.name }));
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
