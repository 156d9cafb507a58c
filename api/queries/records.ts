import type { LoginRecord, Prisma, UsageRecord } from '@prisma/client';
import type { LoginRecordQuery, UsageRecordQuery } from '../../domain/login-records';
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
