import { z } from 'zod';
import { addDays, isIsoDate } from '../bookings/slots';
import type { RepairStatusCode } from './labels';

// 報修類型管理 › 處理狀況: the time range (起 / 迄, calendar days in Taiwan, both included), how the
// 報修案量 chart groups it, and the answer's shape — shared by the API and the page.

export const STATS_MAX_RANGE_DAYS = 366;
/** The dates a query may name (tickets exist only since the portal; PostgreSQL and Date agree within these). */
export const STATS_FIRST_DAY = '2000-01-01';
export const STATS_LAST_DAY = '2099-12-31';

export type StatsGranularity = 'day' | 'week' | 'month';
export const STATS_GRANULARITY_LABELS: Record<StatsGranularity, string> = { day: '每日', week: '每週', month: '每月' };

const TAIPEI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Today in Taiwan (UTC+8, no daylight saving), YYYY-MM-DD. */
const taipeiToday = (now: Date | number) => new Date(new Date(now).getTime() + TAIPEI_OFFSET_MS).toISOString().slice(0, 10);

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
function lastOfMonth(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The default range: the current month in Taiwan. */
export function currentMonthRange(now: Date | number = Date.now()): { from: string; to: string } {
  const today = taipeiToday(now);
  return { from: firstOfMonth(today), to: lastOfMonth(today) };
}

/** Days in [from, to], both included. */
export const rangeDays = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** 報修案量 per day up to two months, per week up to half a year, per month beyond. */
export function granularityOf(from: string, to: string): StatsGranularity {
  const days = rangeDays(from, to);
  return days <= 62 ? 'day' : days <= 184 ? 'week' : 'month';
}

/** The first day of the bucket a date falls in: itself, its week's Monday, or its month's first day. */
export function bucketStart(date: string, granularity: StatsGranularity): string {
  if (granularity === 'day') return date;
  if (granularity === 'month') return firstOfMonth(date);
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** Every bucket of the range, first day of each, in order (so days without tickets show as 0). */
export function bucketsOf(from: string, to: string, granularity: StatsGranularity): string[] {
  const out: string[] = [];
  for (let at = bucketStart(from, granularity); at <= to;) {
    out.push(at);
    if (granularity === 'day') at = addDays(at, 1);
    else if (granularity === 'week') at = addDays(at, 7);
    else at = addDays(lastOfMonth(at), 1);
  }
  return out;
}

/** A bucket as the chart's axis shows it: 07/16, 07/15 週, 2024/07. */
export function bucketLabel(bucket: string, granularity: StatsGranularity): string {
  if (granularity === 'month') return bucket.slice(0, 7).replace('-', '/');
  const day = bucket.slice(5).replace('-', '/');
  return granularity === 'week' ? `${day} 週` : day;
}

/** The first instant of a Taiwan day, and the first instant after the range's last day. */
export const taipeiDayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00.000Z`) - TAIPEI_OFFSET_MS);
export const rangeInstants = (from: string, to: string) => ({ start: taipeiDayStart(from), end: taipeiDayStart(addDays(to, 1)) });

const day = (label: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string({ error: `${label}格式錯誤（YYYY-MM-DD）` })
      .refine(isIsoDate, `${label}格式錯誤（YYYY-MM-DD）`)
      .refine((v) => v >= STATS_FIRST_DAY && v <= STATS_LAST_DAY, `${label}須介於 ${STATS_FIRST_DAY} 至 ${STATS_LAST_DAY}`)
      .optional(),
  );

/**
 * ?from=&to= of 處理狀況 and its 匯出. Both missing: the current month; one missing: that date's month
 * end (or start). Refused in zh-TW: a date that is not one, 起 after 迄, more than 366 days.
 */
export const repairStatsQuery = (now: () => Date = () => new Date()) =>
  z
    .object({ from: day('起日'), to: day('迄日') })
    .transform(({ from, to }) => {
      if (!from && !to) return currentMonthRange(now());
      return { from: from ?? firstOfMonth(to!), to: to ?? lastOfMonth(from!) };
    })
    .check((ctx) => {
      const { from, to } = ctx.value;
      if (from > to) ctx.issues.push({ code: 'custom', path: ['from'], message: '起日不可晚於迄日', input: ctx.value });
      else if (rangeDays(from, to) > STATS_MAX_RANGE_DAYS)
        ctx.issues.push({ code: 'custom', path: ['to'], message: `查詢區間最長 ${STATS_MAX_RANGE_DAYS} 天`, input: ctx.value });
    });

export type StatusCounts = Record<'total' | 'pending' | 'handled' | 'closed', number>;

/** GET /api/repair-stats/:typeId */
export interface RepairStats {
  type: { id: string; name: string };
  range: { from: string; to: string; granularity: StatsGranularity; granularityLabel: string };
  /** 處理狀況統計, and the service desk's figures for the type (medians in seconds, null without a case). */
  summary: StatusCounts & {
    returned: number;
    /** Share of the period's tickets returned at least once (0–1; null without tickets). */
    returnedShare: number | null;
    replied: number;
    medianFirstReplySeconds: number | null;
    closedCount: number;
    medianCloseSeconds: number | null;
    autoClosed: number;
    rated: number;
    averageRating: number | null;
  };
  /** 處理狀況: the period's tickets by their status now. */
  statuses: { status: RepairStatusCode; label: string; count: number }[];
  /** 報修案量: tickets reported per bucket, by their status now. */
  volume: (StatusCounts & { bucket: string; label: string })[];
  /** 單位案件統計: per 報修單位. */
  units: (StatusCounts & { unitId: string; unit: string; returned: number })[];
  /** Per 維修人員 (the author of 處理狀況回報 rows). */
  vendors: {
    userId: string | null;
    name: string;
    account: string | null;
    replies: number;
    tickets: number;
    firstReplies: number;
    medianFirstReplySeconds: number | null;
    closedTickets: number;
    medianCloseSeconds: number | null;
    returnedTickets: number;
    returnedShare: number | null;
  }[];
}

/** 2 天 3 小時, 5 小時 12 分, 40 分 — a median as the page shows it. */
export function formatDuration(seconds: number | null): string {
  if (seconds == null) return '—';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} 分`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} 小時 ${minutes % 60} 分` : `${hours} 小時`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} 天 ${hours % 24} 小時` : `${days} 天`;
}

/** 12.5% */
export const formatShare = (share: number | null) => (share == null ? '—' : `${(Math.round(share * 1000) / 10).toString()}%`);
