import { describe, expect, it } from 'vitest';
import '../zod-zh-tw';
import {
  bucketLabel,
  bucketsOf,
  currentMonthRange,
  formatDuration,
  formatShare,
  granularityOf,
  rangeInstants,
  repairStatsQuery,
} from './stats';

describe('處理狀況 range and buckets', () => {
  it('defaults to the current month in Taipei (the 1st at 00:30 Taipei is still the last day in UTC)', () => {
    expect(currentMonthRange(new Date('2026-02-28T16:30:00Z'))).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(currentMonthRange(new Date('2028-02-10T00:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('fills a missing end from the other one, and refuses bad ranges in zh-TW', () => {
    const query = repairStatsQuery(() => new Date('2026-12-08T00:00:00Z'));
    expect(query.parse({})).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(query.parse({ from: '2026-07-05' })).toEqual({ from: '2026-07-05', to: '2026-07-31' });
    expect(query.parse({ to: '2026-07-05', from: '' })).toEqual({ from: '2026-07-01', to: '2026-07-05' });
    const issues = (q: unknown) => {
      const r = query.safeParse(q);
      return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(issues({ from: '2026-02-30' })).toEqual([['from', '起日格式錯誤（YYYY-MM-DD）']]);
    expect(issues({ from: ['2026-07-01'] })).toEqual([['from', '起日格式錯誤（YYYY-MM-DD）']]);
    expect(issues({ from: '2026-08-01', to: '2026-07-31' })).toEqual([['from', '起日不可晚於迄日']]);
    expect(issues({ from: '2025-01-01', to: '2026-01-02' })).toEqual([['to', '查詢區間最長 366 天']]);
    expect(issues({ from: '2025-01-01', to: '2026-01-01' })).toEqual([]);
    expect(issues({ from: '2025-01-01', to: '2025-12-31' })).toEqual([]);
    expect(issues({ to: '1999-12-31' })).toEqual([['to', '迄日須介於 2000-01-01 至 2099-12-31']]);
  });

  it('groups per day up to 62 days, per week (Mondays) up to 184, per month beyond', () => {
    expect(granularityOf('2026-07-01', '2026-08-31')).toBe('day');
    expect(granularityOf('2026-06-01', '2026-08-31')).toBe('week');
    expect(granularityOf('2026-01-01', '2026-12-31')).toBe('month');
    expect(bucketsOf('2026-07-01', '2026-07-03', 'day')).toEqual(['2026-07-01', '2026-07-02', '2026-07-03']);
    expect(bucketsOf('2026-07-01', '2026-07-20', 'week')).toEqual(['2026-06-29', '2026-07-06', '2026-07-13', '2026-07-20']);
    expect(bucketsOf('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(bucketLabel('2026-07-06', 'week')).toBe('07/06 週');
    expect(bucketLabel('2026-07-01', 'month')).toBe('2026/07');
    expect(rangeInstants('2026-07-01', '2026-07-31')).toEqual({
      start: new Date('2026-06-30T16:00:00Z'),
      end: new Date('2026-07-31T16:00:00Z'),
    });
  });

  it('words durations and shares', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(40 * 60)).toBe('40 分');
    expect(formatDuration(3 * 3600 + 30 * 60)).toBe('3 小時 30 分');
    expect(formatDuration(2 * 3600)).toBe('2 小時');
    expect(formatDuration(35 * 3600)).toBe('1 天 11 小時');
    expect(formatDuration(48 * 3600)).toBe('2 天');
    expect(formatShare(0.25)).toBe('25%');
    expect(formatShare(3 / 11)).toBe('27.3%');
    expect(formatShare(null)).toBe('—');
  });
});
