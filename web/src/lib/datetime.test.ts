import { describe, expect, it } from 'vitest';
import { currentYear, formatDate, formatDateTime, formatTime } from './datetime';

describe('datetime (Asia/Taipei)', () => {
  it('formats an instant as the Taipei date and time, not UTC', () => {
    // 16:30 UTC on 21 July is 00:30 on 22 July in Taipei (UTC+8).
    const instant = '2024-07-21T16:30:00Z';
    expect(formatDate(instant)).toBe('2024-07-22');
    expect(formatTime(instant)).toBe('00:30');
    expect(formatDateTime(instant)).toBe('2024-07-22 00:30');
  });

  it('accepts Date objects and epoch milliseconds', () => {
    const date = new Date(Date.UTC(2024, 0, 31, 15, 59));
    expect(formatDateTime(date)).toBe('2024-01-31 23:59');
    expect(formatDateTime(date.getTime())).toBe('2024-01-31 23:59');
  });

  it('uses 24-hour two-digit times', () => {
    expect(formatTime('2024-07-22T05:05:00Z')).toBe('13:05');
    expect(formatTime('2024-07-21T17:07:00+00:00')).toBe('01:07');
  });

  it('returns an empty string for missing or invalid values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatTime('not a date')).toBe('');
  });

  it('takes the copyright year from Taipei', () => {
    expect(currentYear('2024-12-31T16:00:00Z')).toBe(2025);
    expect(currentYear('2024-12-31T15:59:00Z')).toBe(2024);
  });
});
