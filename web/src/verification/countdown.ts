// Pure time helpers of the verification steps: when 重新發送驗證碼 becomes available and how the
// remaining time reads. Clock values are passed in, so the helpers are deterministic.

/** Below this, a numeric value is read as "seconds from now" rather than as epoch milliseconds. */
const SECONDS_THRESHOLD = 1e9;

/**
 * The instant (epoch ms) an API value names: an ISO date-time, epoch milliseconds, or a number of
 * seconds from `now` (the contract names `resendAfter` without saying which). Null when unreadable.
 */
export function resolveInstant(value: string | number | null | undefined, now: number): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return value < SECONDS_THRESHOLD ? now + value * 1000 : value;
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return resolveInstant(Number(trimmed), now);
  const parsed = Date.parse(trimmed);
  return Number.isNaN(parsed) ? null : parsed;
}

/** Whole seconds left until `target` (rounded up, never negative); 0 when there is no target. */
export function secondsUntil(target: number | null, now: number): number {
  if (target === null) return 0;
  return Math.max(0, Math.ceil((target - now) / 1000));
}

/** 「45 秒」, 「1 分 05 秒」, 「3 分鐘」. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return `${rest} 秒`;
  if (rest === 0) return `${minutes} 分鐘`;
  return `${minutes} 分 ${String(rest).padStart(2, '0')} 秒`;
}

/** A resend button's text (重新發送驗證碼, 發送驗證信, …): with the time left while it is disabled. */
export function resendLabel(secondsLeft: number, label = '重新發送驗證碼'): string {
  return secondsLeft > 0 ? `${label}（${formatCountdown(secondsLeft)}後可重新發送）` : label;
}

/**
 * When a RESEND_TOO_SOON refusal says sending opens again (epoch ms), null for any other error.
 * `retryAfterSeconds` comes first: counted from the answer, it does not depend on the browser's clock
 * agreeing with the server's; `resendAfter` (an instant) serves answers without it.
 */
export function refusalResendAt(
  error: { code?: unknown; details?: Readonly<Record<string, unknown>> } | null | undefined,
  now: number,
): number | null {
  if (error?.code !== 'RESEND_TOO_SOON') return null;
  const { retryAfterSeconds, resendAfter } = error.details ?? {};
  if (typeof retryAfterSeconds === 'number' && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0)
    return now + retryAfterSeconds * 1000;
  const at = typeof resendAfter === 'string' || typeof resendAfter === 'number' ? resolveInstant(resendAfter, now) : null;
  // A refusal without a readable time still waits: the usual minute.
  return at ?? now + 60_000;
}

/** The refusal's own words with the seconds still to wait: 「…請於 45 秒後再重新發送」 → 「…請於 44 秒後…」. */
export function withSecondsLeft(message: string, secondsLeft: number): string {
  return message.replace(/\d+ 秒/, `${Math.max(0, Math.ceil(secondsLeft))} 秒`);
}
