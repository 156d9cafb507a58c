/**
 * 代理人設定 (個人帳號管理): the period a deputy stands in for an approver, in whole days of Taipei time
 * (UTC+8, no daylight saving): from 00:00 of the first day to 24:00 of the last. Pure; the API
 * validates with it and the web explains with the same words.
 */
export const DELEGATION_MAX_DAYS = 90;
const DAY_MS = 86_400_000;
const TAIPEI_OFFSET = '+08:00';

export type DelegationStatus = 'SCHEDULED' | 'ACTIVE' | 'ENDED' | 'CANCELLED';

export const DELEGATION_STATUS_LABELS: Record<DelegationStatus, string> = {
  SCHEDULED: '尚未開始',
  ACTIVE: '代理中',
  ENDED: '已結束',
  CANCELLED: '已取消',
};

/** Today's date in Taipei as YYYY-MM-DD. */
export function taipeiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const startOfDay = (date: string) => new Date(`${date}T00:00:00${TAIPEI_OFFSET}`);

/**
 * The period's instants, or what is wrong with it (zh-TW): dates as YYYY-MM-DD, starting today or
 * later, ending on or after the start, at most DELEGATION_MAX_DAYS days long.
 */
export function delegationPeriod(
  startDate: string,
  endDate: string,
  now: Date,
): { startsAt: Date; endsAt: Date } | { problem: string; field: 'startDate' | 'endDate' } {
  const startsAt = startOfDay(startDate);
  const lastDay = startOfDay(endDate);
  if (Number.isNaN(startsAt.getTime())) return { problem: '請選擇代理開始日期', field: 'startDate' };
  if (Number.isNaN(lastDay.getTime())) return { problem: '請選擇代理結束日期', field: 'endDate' };
  if (startDate < taipeiDate(now)) return { problem: '代理開始日期不可早於今天', field: 'startDate' };
  if (endDate < startDate) return { problem: '代理結束日期不可早於開始日期', field: 'endDate' };
  const endsAt = new Date(lastDay.getTime() + DAY_MS);
  if ((endsAt.getTime() - startsAt.getTime()) / DAY_MS > DELEGATION_MAX_DAYS) {
    return { problem: `代理期間最長 ${DELEGATION_MAX_DAYS} 天`, field: 'endDate' };
  }
  return { startsAt, endsAt };
}

export function delegationStatus(d: { startsAt: Date; endsAt: Date; cancelledAt: Date | null }, now: Date): DelegationStatus {
  if (d.cancelledAt) return 'CANCELLED';
  if (now >= d.endsAt) return 'ENDED';
  return now >= d.startsAt ? 'ACTIVE' : 'SCHEDULED';
}

/** The period as people read it: 2026/12/08 至 2026/12/12 (the last day included). */
export function delegationPeriodLabel(d: { startsAt: Date; endsAt: Date }): string {
  const day = (at: Date) => taipeiDate(at).replaceAll('-', '/');
  return `${day(d.startsAt)} 至 ${day(new Date(d.endsAt.getTime() - DAY_MS))}`;
}
