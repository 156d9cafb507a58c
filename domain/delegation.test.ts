import { describe, expect, it } from 'vitest';
import { delegationPeriod, delegationPeriodLabel, delegationStatus, taipeiDate } from './delegation';

const now = new Date('2026-12-07T17:30:00Z'); // 2026-12-08 01:30 in Taipei

describe('代理人設定 period', () => {
  it('counts days in Taipei time, the last day included', () => {
    expect(taipeiDate(now)).toBe('2026-12-08');
    const period = delegationPeriod('2026-12-08', '2026-12-10', now);
    expect(period).toEqual({ startsAt: new Date('2026-12-07T16:00:00Z'), endsAt: new Date('2026-12-10T16:00:00Z') });
    expect(delegationPeriodLabel(period as { startsAt: Date; endsAt: Date })).toBe('2026/12/08 至 2026/12/10');
  });

  it('refuses a start in the past, an end before the start, more than 90 days and no date, naming the field', () => {
    expect(delegationPeriod('2026-12-07', '2026-12-10', now)).toEqual({
      problem: '代理開始日期不可早於今天',
      field: 'startDate',
    });
    expect(delegationPeriod('2026-12-09', '2026-12-08', now)).toEqual({
      problem: '代理結束日期不可早於開始日期',
      field: 'endDate',
    });
    expect(delegationPeriod('2026-12-08', '2027-03-08', now)).toEqual({ problem: '代理期間最長 90 天', field: 'endDate' });
    expect(delegationPeriod('2026-12-08', '2027-03-07', now)).toHaveProperty('endsAt');
    expect(delegationPeriod('', '2026-12-08', now)).toEqual({ problem: '請選擇代理開始日期', field: 'startDate' });
    expect(delegationPeriod('2026-12-08', 'x', now)).toEqual({ problem: '請選擇代理結束日期', field: 'endDate' });
  });

  it('is 尚未開始, 代理中, 已結束 or 已取消', () => {
    const d = { startsAt: new Date('2026-12-08T16:00:00Z'), endsAt: new Date('2026-12-09T16:00:00Z'), cancelledAt: null };
    expect(delegationStatus(d, now)).toBe('SCHEDULED');
    expect(delegationStatus(d, new Date('2026-12-09T00:00:00Z'))).toBe('ACTIVE');
    expect(delegationStatus(d, new Date('2026-12-09T16:00:00Z'))).toBe('ENDED');
    expect(delegationStatus({ ...d, cancelledAt: now }, now)).toBe('CANCELLED');
  });
});
