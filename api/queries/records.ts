import type { LoginRecord, Prisma, PrismaClient, UsageRecord } from '@prisma/client';
import type {
  ConsoleLoginRecordQuery,
  ConsoleUsageRecordQuery,
  LoginRecordQuery,
  UsageRecordQuery,
} from '../../domain/login-records';
import { usageActionLabel } from '../../domain/usage-actions';
import { parseUserAgent } from '../../domain/user-agent';

// 帳號登入紀錄 / 帳號使用紀錄 queries, shared by the user's own pages (個人帳號登入紀錄/使用紀錄) and
// 管理主控台 › 日誌紀錄管理: the period and filters of the page, newest first, and the rows as shown.

/** Newest first (uuid v7 ids break ties in insertion order), one page. */
export const newestFirst = (query: { page: number; pageSize: number }) => ({
  orderBy: [{ at: 'desc' as const }, { id: 'desc' as const }],
  skip: query.page * query.pageSize,
  take: query.pageSize,
});

/** 起日/迄日 and 進階查詢 (登入方式, 動作, 操作結果) of a login-record query. */
export function loginRecordFilter(
  query: Pick<LoginRecordQuery, 'since' | 'until' | 'method' | 'action' | 'result'>,
): Prisma.LoginRecordWhereInput {
  return {
    at: { gte: query.since, lt: query.until },
    ...(query.method ? { method: query.method } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.result ? { result: query.result } : {}),
  };
}

/** 起日/迄日 of a usage-record query. */
export function usageRecordFilter(query: Pick<UsageRecordQuery, 'since' | 'until'>): Prisma.UsageRecordWhereInput {
  return { at: { gte: query.since, lt: query.until } };
}

export function presentLoginRecord(row: LoginRecord) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    method: row.method,
    ip: row.ip ?? '',
    browser: parseUserAgent(row.userAgent).label,
    action: row.action,
    result: row.result,
  };
}

export function presentUsageRecord(row: UsageRecord) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actionLabel: usageActionLabel(row.action),
    target: row.target,
    ip: row.ip ?? '',
  };
}

type Paged = { page: number; pageSize: number };

/** 個人帳號登入紀錄: one page of the user's own rows and how many match. */
export async function ownLoginRecordPage(prisma: PrismaClient, userId: string, query: LoginRecordQuery) {
  const where: Prisma.LoginRecordWhereInput = { userId, ...loginRecordFilter(query) };
  const [total, rows] = await Promise.all([
    prisma.loginRecord.count({ where }),
    prisma.loginRecord.findMany({ where, ...newestFirst(query) }),
  ]);
  return { total, rows };
}

/** One of the user's own login records (null for another user's, as if it did not exist). */
export const ownLoginRecord = (prisma: PrismaClient, userId: string, id: string) =>
  prisma.loginRecord.findFirst({ where: { id, userId } });

/** The registered system a 帳號驗證 call came through (null once removed). */
export const integrationSystemByClientId = (prisma: PrismaClient, clientId: string) =>
  prisma.integrationSystem.findUnique({ where: { clientId }, select: { clientId: true, name: true } });

/** 個人帳號使用紀錄: one page of the user's own rows and how many match. */
export async function ownUsageRecordPage(prisma: PrismaClient, userId: string, query: UsageRecordQuery) {
  const where: Prisma.UsageRecordWhereInput = { userId, ...usageRecordFilter(query) };
  const [total, rows] = await Promise.all([
    prisma.usageRecord.count({ where }),
    prisma.usageRecord.findMany({ where, ...newestFirst(query) }),
  ]);
  return { total, rows };
}

// 日誌紀錄管理: every user's rows, with who they belong to.

const userInclude = {
  user: { select: { account: true, name: true, organization: { select: { name: true, agency: { select: { name: true } } } } } },
} as const;

function consoleLoginWhere(query: ConsoleLoginRecordQuery): Prisma.LoginRecordWhereInput {
  const and: Prisma.LoginRecordWhereInput[] = [loginRecordFilter(query)];
  if (query.q) and.push({ OR: [{ account: { contains: query.q.toLowerCase() } }, { user: { name: { contains: query.q } } }] });
  return { AND: and };
}

function consoleUsageWhere(query: ConsoleUsageRecordQuery): Prisma.UsageRecordWhereInput {
  const and: Prisma.UsageRecordWhereInput[] = [usageRecordFilter(query)];
  if (query.action) and.push({ action: query.action });
  if (query.q) and.push({ user: { OR: [{ account: { contains: query.q.toLowerCase() } }, { name: { contains: query.q } }] } });
  return { AND: and };
}

/** 帳號登入紀錄 of 日誌紀錄管理: one page and how many match. */
export async function loginRecordPage(prisma: PrismaClient, query: ConsoleLoginRecordQuery & Paged) {
  const where = consoleLoginWhere(query);
  const [total, rows] = await Promise.all([
    prisma.loginRecord.count({ where }),
    prisma.loginRecord.findMany({ where, include: userInclude, ...newestFirst(query) }),
  ]);
  return { total, rows };
}

/** 帳號使用紀錄 of 日誌紀錄管理: one page and how many match. */
export async function usageRecordPage(prisma: PrismaClient, query: ConsoleUsageRecordQuery & Paged) {
  const where = consoleUsageWhere(query);
  const [total, rows] = await Promise.all([
    prisma.usageRecord.count({ where }),
    prisma.usageRecord.findMany({ where, include: userInclude, ...newestFirst(query) }),
  ]);
  return { total, rows };
}

/** 匯出 Excel of 帳號登入紀錄: how many match, and (only when at most `max`) the rows, newest first. */
export async function loginRecordsToExport(prisma: PrismaClient, query: ConsoleLoginRecordQuery, max: number) {
  const where = consoleLoginWhere(query);
  const total = await prisma.loginRecord.count({ where });
  if (total > max) return { total, rows: [] };
  const rows = await prisma.loginRecord.findMany({
    where,
    include: userInclude,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: max,
  });
  return { total, rows };
}

/** 匯出 Excel of 帳號使用紀錄: how many match, and (only when at most `max`) the rows, newest first. */
export async function usageRecordsToExport(prisma: PrismaClient, query: ConsoleUsageRecordQuery, max: number) {
  const where = consoleUsageWhere(query);
  const total = await prisma.usageRecord.count({ where });
  if (total > max) return { total, rows: [] };
  const rows = await prisma.usageRecord.findMany({
    where,
    include: userInclude,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: max,
  });
  return { total, rows };
}
