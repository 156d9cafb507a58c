/**
 * 重複借用: the dates of a booking asked every week or every month, as LibreBooking and Indico offer.
 * Each occurrence keeps the first one's Taipei wall-clock start and length (Taiwan keeps no daylight
 * saving, so the same hours are the same offset all year). Pure; safe in the browser.
 */
import { addDays, taipeiInstant, taipeiParts, type Interval } from './slots';

export type RepeatEvery = 'WEEK' | 'MONTH';
export const SERIES_MIN = 2;
export const SERIES_MAX = 12;

export const REPEAT_LABELS: Record<RepeatEvery, string> = { WEEK: '每週', MONTH: '每月' };

export interface Occurrence extends Interval {
  /** 1 … count, in date order. */
  index: number;
  /** Its Taipei date, YYYY-MM-DD. */
  date: string;
}

export interface SeriesDates {
  occurrences: Occurrence[];
  /** 每月 from the 29th–31st: the months without that day, passed over (zh-TW, to show as they are). */
  skippedMonths: { month: string; note: string }[];
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The `count` occurrences of `first` repeated every week (same weekday and hours, 7 days apart) or
 * every month (same day of the month; a month without that day — the 31st in April — has none, is
 * named in `skippedMonths`, and the series runs on until it has `count`).
 */
export function expandSeries(first: Interval, every: RepeatEvery, count: number): SeriesDates {
  if (!Number.isInteger(count) || count < SERIES_MIN || count > SERIES_MAX) {
    throw new RangeError(`重複次數須為 ${SERIES_MIN} 至 ${SERIES_MAX} 次`);
  }
  const { date, minutes } = taipeiParts(first.start);
  const length = first.end.getTime() - first.start.getTime();
  const at = (index: number, day: string): Occurrence => {
    const start = taipeiInstant(day, minutes);
    return { index, date: day, start, end: new Date(start.getTime() + length) };
  };

  if (every === 'WEEK') {
    return {
      occurrences: Array.from({ length: count }, (_, i) => at(i + 1, addDays(date, 7 * i))),
      skippedMonths: [],
    };
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const occurrences: Occurrence[] = [];
  const skippedMonths: SeriesDates['skippedMonths'] = [];
  for (let step = 0; occurrences.length < count; step++) {
    const y = year + Math.floor((month - 1 + step) / 12);
    const m = ((month - 1 + step) % 12) + 1;
    const label = `${y}-${pad(m)}`;
    if (day > daysInMonth(y, m)) {
      skippedMonths.push({ month: label, note: `${y} 年 ${m} 月沒有 ${day} 日，已略過` });
      continue;
    }
    occurrences.push(at(occurrences.length + 1, `${label}-${pad(day)}`));
  }
  return { occurrences, skippedMonths };
}
