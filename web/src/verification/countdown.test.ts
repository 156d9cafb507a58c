import { describe, expect, it } from 'vitest';
import { formatCountdown, refusalResendAt, resendLabel, resolveInstant, secondsUntil, withSecondsLeft } from './countdown';

const NOW = Date.parse('2024-07-22T02:00:00Z');

describe('resolveInstant', () => {
  it('reads ISO date-times', () => {
    expect(resolveInstant('2024-07-22T02:01:00Z', NOW)).toBe(NOW + 60_000);
    expect(resolveInstant('2024-07-22T10:01:00+08:00', NOW)).toBe(NOW + 60_000);
  });

  it('reads a small number as seconds from now and a large one as epoch milliseconds', () => {
    expect(resolveInstant(60, NOW)).toBe(NOW + 60_000);
    expect(resolveInstant('30', NOW)).toBe(NOW + 30_000);
    expect(resolveInstant(NOW + 5000, NOW)).toBe(NOW + 5000);
  });

  it('gives null for nothing or nonsense', () => {
    expect(resolveInstant(undefined, NOW)).toBeNull();
    expect(resolveInstant(null, NOW)).toBeNull();
    expect(resolveInstant('', NOW)).toBeNull();
    expect(resolveInstant('soon', NOW)).toBeNull();
    expect(resolveInstant(Number.NaN, NOW)).toBeNull();
  });
});

describe('secondsUntil', () => {
  it('rounds up and never goes below zero', () => {
    expect(secondsUntil(NOW + 59_001, NOW)).toBe(60);
    expect(secondsUntil(NOW + 60_000, NOW)).toBe(60);
    expect(secondsUntil(NOW + 1, NOW)).toBe(1);
    expect(secondsUntil(NOW, NOW)).toBe(0);
    expect(secondsUntil(NOW - 5000, NOW)).toBe(0);
    expect(secondsUntil(null, NOW)).toBe(0);
  });
});

describe('formatCountdown', () => {
  it('reads in zh-TW', () => {
    expect(formatCountdown(45)).toBe('45 秒');
    expect(formatCountdown(65)).toBe('1 分 05 秒');
    expect(formatCountdown(180)).toBe('3 分鐘');
    expect(formatCountdown(0)).toBe('0 秒');
    expect(formatCountdown(-3)).toBe('0 秒');
  });

  it('labels the resend button with the time left', () => {
    expect(resendLabel(30)).toBe('重新發送驗證碼（30 秒後可重新發送）');
    expect(resendLabel(0)).toBe('重新發送驗證碼');
    expect(resendLabel(45, '發送驗證信')).toBe('發送驗證信（45 秒後可重新發送）');
    expect(resendLabel(0, '發送驗證信')).toBe('發送驗證信');
  });
});

describe('a RESEND_TOO_SOON refusal', () => {
  const refusal = (details: Record<string, unknown>) => ({ code: 'RESEND_TOO_SOON', details });

  it('counts from retryAfterSeconds, whatever the browser clock says of resendAfter', () => {
    // The browser's clock is 5 minutes behind the server's: the instant alone would mean a 6-minute wait.
    expect(refusalResendAt(refusal({ retryAfterSeconds: 42, resendAfter: '2024-07-22T02:06:00Z' }), NOW)).toBe(NOW + 42_000);
  });

  it('falls back on resendAfter, then on a minute; other errors are no refusal', () => {
    expect(refusalResendAt(refusal({ resendAfter: '2024-07-22T02:00:30Z' }), NOW)).toBe(NOW + 30_000);
    expect(refusalResendAt(refusal({}), NOW)).toBe(NOW + 60_000);
    expect(refusalResendAt({ code: 'CAPTCHA_INVALID', details: { retryAfterSeconds: 5 } }, NOW)).toBeNull();
    expect(refusalResendAt(undefined, NOW)).toBeNull();
  });

  it('keeps the server’s words and counts their seconds down', () => {
    expect(withSecondsLeft('驗證碼已寄出，請於 45 秒後再重新發送', 44)).toBe('驗證碼已寄出，請於 44 秒後再重新發送');
    expect(withSecondsLeft('臨時密碼已寄出，請於 9 秒後再重新申請', 8.2)).toBe('臨時密碼已寄出，請於 9 秒後再重新申請');
    expect(withSecondsLeft('驗證碼已寄出，請稍後再重新發送', 30)).toBe('驗證碼已寄出，請稍後再重新發送');
  });
});
