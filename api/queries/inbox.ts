import type { Prisma, PrismaClient, RequestType } from '@prisma/client';
import { z } from 'zod';
import type { Actor } from '../policies';
import { reviewScope } from '../policies';

/** Counts stop here: past it the list says 「1,000+」 (an exact count of a city's history is a full scan). */
export const COUNT_CAP = 1000;

/** A position in the newest-first order: the (createdAt, id) of a row the next page starts beside. */
export interface InboxCursor {
  at: Date;
  id: string;
}

export const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(value: string): InboxCursor | null {
  const [iso, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  return rest.length === 0 && id && /^[\w-]{1,64}$/.test(id) && !Number.isNaN(at.getTime()) ? { at, id } : null;
}

/** The `after` / `before` query parameters: an opaque cursor from a previous page's answer. */
export const inboxCursor = z
  .string()
  .max(200, '分頁位置格式錯誤')
  .transform((value, ctx) => {
    const cursor = decodeCursor(value);
    if (!cursor) ctx.addIssue({ code: 'custom', message: '分頁位置格式錯誤' });
    return cursor ?? z.NEVER;
  });

export interface InboxQuery {
  status: 'PENDING' | 'DECIDED' | 'ALL';
  /** One status exactly (審核狀態 of the booking inboxes: 未審核, 通過, 駁回 …), within `status`. */
  state?: string;
  /** The request's day (its summary's `date`, YYYY-MM-DD in Taipei): 借用日期 of the booking inboxes. */
  date?: string;
  q?: string;
  agencyCode?: string;
  /** Offset paging, kept for an address typed or reloaded; the pages move with `after` / `before`. */
  page: number;
  pageSize: number;
  /** The page after this row (the next page's cursor from the last answer). */
  after?: InboxCursor;
  /** The page before this row (the previous page's cursor). */
  before?: InboxCursor;
}

/**
 * The rows an actor may see of one inbox, or null when the chosen agency leaves none (unknown code, or
 * outside the actor's agencies). The agency code is resolved to its id first, so the request query
 * filters on requests.agency_id alone and walks one of the inbox indexes (migration
 * 20261207150000_inbox_list_indexes). The keyword is a prefix of the applicant's account or name: a
 * B-tree range in the database's C collation, where a contains-match (or pg_trgm, which finds no
 * trigram in 陳志明) reads every row of the type; see docs/decisions/0006.
 */
export async function inboxWhere(
  prisma: PrismaClient,
  actor: Actor,
  type: RequestType,
  query: Pick<InboxQuery, 'status' | 'q' | 'agencyCode' | 'state' | 'date'>,
  scope: InboxScope = 'agency',
): Promise<Prisma.RequestWhereInput | null> {
  let agencyIds = reviewScope(actor);
  // A custodian decides the requests of what they hold, whichever agency manages it.
  const held: Prisma.RequestWhereInput | null =
    scope === 'custody' && agencyIds !== null
      ? { resource: { OR: [{ custodian1Id: actor.id }, { custodian2Id: actor.id }] } }
      : null;
  if (held && !query.agencyCode) {
    return {
      AND: [
        { OR: [held, ...(agencyIds!.length ? [{ agencyId: { in: agencyIds! } }] : [])] },
        (await inboxWhere(prisma, actor, type, query, 'all'))!,
      ],
    };
  }
  if (scope === 'all') agencyIds = null;
  if (query.agencyCode) {
    const agency = await prisma.organization.findUnique({ where: { code: query.agencyCode }, select: { id: true } });
    if (!agency || (agencyIds && !agencyIds.includes(agency.id))) return null;
    agencyIds = [agency.id];
  }
  if (agencyIds?.length === 0) return null;
  const q = query.q?.trim();
  return {
    type,
    ...(agencyIds ? { agencyId: agencyIds.length === 1 ? agencyIds[0] : { in: agencyIds } } : {}),
    ...(query.status === 'PENDING' ? { status: 'PENDING' } : query.status === 'DECIDED' ? { status: { not: 'PENDING' } } : {}),
    ...(query.state ? { AND: [{ status: query.state }] } : {}),
    ...(query.date ? { summary: { path: ['date'], equals: query.date } } : {}),
    ...(q
      ? nameOnly(q)
        ? { applicantName: { startsWith: q } }
        : { OR: [{ applicantAccount: { startsWith: q.toLowerCase() } }, { applicantName: { startsWith: q } }] }
      : {}),
  };
}

/**
 * Whose requests an inbox lists: those of the agencies the actor administers (the account inboxes), or
 * also those of the resources the actor holds as 保管人 (the booking inboxes); 'all' is the filter alone.
 */
export type InboxScope = 'agency' | 'custody' | 'all';

/** A keyword no account can start with (accounts are ASCII, domain/account-name.ts): a name prefix alone. */
const nameOnly = (q: string) => /[^\x20-\x7e]/.test(q);

/** Rows strictly older (`lt`) or newer (`gt`) than the cursor; the first clause is the index range. */
const beyond = (cursor: InboxCursor, dir: 'lt' | 'gt'): Prisma.RequestWhereInput => ({
  AND: [
    { createdAt: dir === 'lt' ? { lte: cursor.at } : { gte: cursor.at } },
    { OR: [{ createdAt: { [dir]: cursor.at } }, { id: { [dir]: cursor.id } }] },
  ],
});

const withAgency = { agency: { select: { code: true, name: true } } } satisfies Prisma.RequestInclude;

const NEWEST_FIRST: Prisma.RequestOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'desc' }];
const BY_NAME: Prisma.RequestOrderByWithRelationInput[] = [{ applicantName: 'asc' }, { id: 'asc' }];

/**
 * How many rows match, counted up to COUNT_CAP + 1 (more than COUNT_CAP reads as 「1,000+」). In the
 * list's order: without one, Prisma orders the capped subquery by id and the count walks the primary
 * key past every other agency's rows.
 */
export async function countInbox(
  prisma: PrismaClient,
  where: Prisma.RequestWhereInput,
  orderBy: Prisma.RequestOrderByWithRelationInput[] = NEWEST_FIRST,
) {
  const total = await prisma.request.count({ where, orderBy, take: COUNT_CAP + 1 });
  return { total: Math.min(total, COUNT_CAP), totalCapped: total > COUNT_CAP };
}

/**
 * One page newest first, by keyset when a cursor is given (constant cost however deep), by offset
 * otherwise. One row more than the page tells whether another page follows.
 */
export async function pageInbox(prisma: PrismaClient, where: Prisma.RequestWhereInput, query: InboxQuery) {
  const backwards = !query.after && !!query.before;
  const cursor = query.after ?? query.before;
  const rows = await prisma.request.findMany({
    where: cursor ? { AND: [where, beyond(cursor, backwards ? 'gt' : 'lt')] } : where,
    orderBy: backwards ? [{ createdAt: 'asc' }, { id: 'asc' }] : NEWEST_FIRST,
    skip: cursor ? 0 : query.page * query.pageSize,
    take: query.pageSize + 1,
    include: withAgency,
  });
  const more = rows.length > query.pageSize;
  const page = rows.slice(0, query.pageSize);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    rows: page,
    // Going back, "more" means more newer rows; going forward, more older ones.
    nextCursor: last && (backwards || more) ? encodeCursor(last) : null,
    prevCursor: first && (backwards ? more : !!query.after || query.page > 0) ? encodeCursor(first) : null,
  };
}

/**
 * One page of a console inbox (帳號申請審核, 機關管理者申請審核, 復用申請審核, 機關異動審核): requests of
 * one type, limited to the agencies the actor administers, by 待審核/已審核, applicant account or name,
 * newest first, with a capped count and the cursors of the neighbouring pages.
 */
export async function listInbox(prisma: PrismaClient, actor: Actor, type: RequestType, query: InboxQuery, scope?: InboxScope) {
  const where = await inboxWhere(prisma, actor, type, query, scope);
  if (!where) return { total: 0, totalCapped: false, rows: [], nextCursor: null, prevCursor: null };
  // A name prefix (a surname matches thousands of a city's rows) is counted along the name index,
  // which stops at the cap, instead of gathering every match to order it by time.
  const countOrder = query.q && nameOnly(query.q.trim()) ? BY_NAME : NEWEST_FIRST;
  const [count, page] = await Promise.all([countInbox(prisma, where, countOrder), pageInbox(prisma, where, query)]);
  return { ...count, ...page };
}
