/**
 * 簡訊發送 API for integrated systems: the message states in words, the message limits and the
 * calendar month (Asia/Taipei) the monthly quota counts in. Free of libraries: the workflow bundle,
 * the API and the pages all import it.
 */

export const SMS_MESSAGE_STATUSES = ['QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'REJECTED'] as const;
export type SmsMessageStatus = (typeof SMS_MESSAGE_STATUSES)[number];

/** What the system's page and the API's `statusLabel` say. */
export const SMS_STATUS_LABELS: Record<SmsMessageStatus, string> = {
  QUEUED: '等待發送',
  SENT: '已送達電信業者',
  DELIVERED: '已送達手機',
  FAILED: '無法送達',
  REJECTED: '已退件',
};

/** A message no longer changes once it reaches one of these. */
export const isFinalSmsStatus = (status: SmsMessageStatus) =>
  status === 'DELIVERED' || status === 'FAILED' || status === 'REJECTED';

/**
 * Longest message text, in characters: Mitake splits a long SMS itself (70 Chinese characters a
 * segment, 67 per segment beyond the first), charging a point per segment; 670 = ten segments, the
 * cap activities/sms applies to every SMS the portal sends.
 */
export const SMS_MAX_CHARS = 670;

/** Idempotency-Key: 1–100 visible ASCII characters (the column is VARCHAR(100)). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,100}$/;

/** The recipient's number at rest (sms_messages.recipient_cipher): AES-256-GCM with DATA_KEY, bound to this purpose. */
export const SMS_RECIPIENT_PURPOSE = 'sms-recipient' as const;

/** Calls a minute when the approved form named no limit. */
export const DEFAULT_SMS_PER_MINUTE = 60;

/** The 簡訊發送者名稱 in front of the text, as recipients see it: 【臺南市政府】… */
export function withSender(message: string, senderName: string | null | undefined): string {
  const name = senderName?.trim();
  if (!name) return message;
  const prefix = `【${name}】`;
  return message.startsWith(prefix) ? message : `${prefix}${message}`;
}

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar month (Asia/Taipei: UTC+8, no daylight saving) `now` falls in: `2026-12`, its first instant and the next month's. */
export function taipeiMonth(now: Date = new Date()) {
  const local = new Date(now.getTime() + TAIPEI_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const start = new Date(Date.UTC(year, month, 1) - TAIPEI_OFFSET_MS);
  const end = new Date(Date.UTC(year, month + 1, 1) - TAIPEI_OFFSET_MS);
  return { month: `${year}-${String(month + 1).padStart(2, '0')}`, start, end };
}

/**
 * The quota-exceeded answer: when it resets, in words — 「本月簡訊額度 3 則已用完，將於 24 天後（1 月 1 日）恢復」;
 * under a day, in hours (小時) or minutes (分鐘).
 */
export function quotaExhaustedMessage(quota: number, now: Date = new Date()) {
  const { end } = taipeiMonth(now);
  const ms = end.getTime() - now.getTime();
  const wait =
    ms >= DAY_MS
      ? `${Math.ceil(ms / DAY_MS)} 天`
      : ms >= 60 * 60 * 1000
        ? `${Math.ceil(ms / (60 * 60 * 1000))} 小時`
        : `${Math.max(1, Math.ceil(ms / 60_000))} 分鐘`;
  const reset = new Date(end.getTime() + TAIPEI_OFFSET_MS);
  return {
    message: `本月簡訊額度 ${quota} 則已用完，將於 ${wait}後（${reset.getUTCMonth() + 1} 月 1 日）恢復`,
    resetAt: end,
    retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
  };
}
