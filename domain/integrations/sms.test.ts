import { describe, expect, it } from 'vitest';
import { quotaExhaustedMessage, taipeiMonth, withSender } from './sms';

describe('簡訊發送 quota month (Asia/Taipei)', () => {
  it('is the calendar month in Taipei, not in UTC', () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Taipei.
    expect(taipeiMonth(new Date('2026-12-31T17:00:00Z'))).toEqual({
      month: '2027-01',
      start: new Date('2026-12-31T16:00:00Z'),
      end: new Date('2027-01-31T16:00:00Z'),
    });
    expect(taipeiMonth(new Date('2026-12-31T15:59:59Z')).month).toBe('2026-12');
  });

  it('says when the quota resets: days, then hours, then minutes', () => {
    expect(quotaExhaustedMessage(500, new Date('2026-12-08T04:00:00Z'))).toEqual({
      message: '本月簡訊額度 500 則已用完，將於 24 天後（1 月 1 日）恢復',
      resetAt: new Date('2026-12-31T16:00:00Z'),
      retryAfterSeconds: 23 * 86400 + 12 * 3600,
    });
    expect(quotaExhaustedMessage(3, new Date('2026-11-30T10:30:00Z')).message).toBe(
      '本月簡訊額度 3 則已用完，將於 6 小時後（12 月 1 日）恢復',
    );
    expect(quotaExhaustedMessage(3, new Date('2026-11-30T15:59:30Z')).message).toBe(
      '本月簡訊額度 3 則已用完，將於 1 分鐘後（12 月 1 日）恢復',
    );
  });

  it('puts the sender name in front once', () => {
    expect(withSender('您的案件已核准', '臺南市政府')).toBe('【臺南市政府】您的案件已核准');
    expect(withSender('【臺南市政府】您的案件已核准', '臺南市政府')).toBe('【臺南市政府】您的案件已核准');
    expect(withSender('您的案件已核准', null)).toBe('您的案件已核准');
    expect(withSender('您的案件已核准', '  ')).toBe('您的案件已核准');
  });
});
