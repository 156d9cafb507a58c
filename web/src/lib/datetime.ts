// The one place that turns instants into text: dates YYYY-MM-DD, times HH:mm, always in Asia/Taipei,
// whatever the browser's own time zone is.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TIME_ZONE = 'Asia/Taipei';

type Instant = string | number | Date;

function inTaipei(value: Instant) {
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.tz(TIME_ZONE) : null;
}

/** 2024-07-22 */
export function formatDate(value: Instant | null | undefined): string {
  if (value == null) return '';
  return inTaipei(value)?.format('YYYY-MM-DD') ?? '';
}

/** 14:05 */
export function formatTime(value: Instant | null | undefined): string {
  if (value == null) return '';
  return inTaipei(value)?.format('HH:mm') ?? '';
}

/** 2024-07-22 14:05 */
export function formatDateTime(value: Instant | null | undefined): string {
  if (value == null) return '';
  return inTaipei(value)?.format('YYYY-MM-DD HH:mm') ?? '';
}

/** The current year in Taipei (the footer's copyright year). */
export function currentYear(now: Instant = Date.now()): number {
  return inTaipei(now)?.year() ?? new Date().getFullYear();
}
