/**
 * Slot arithmetic of 場地借用 / 公務車借用, shared by the weekly grid, the free-resource search and the
 * booking path, so what the grid offers is exactly what a submission accepts. Pure functions over
 * half-open intervals [start, end): a booking ending at 12:00 and one starting at 12:00 do not meet.
 *
 * Times are Asia/Taipei wall-clock (UTC+8 all year: Taiwan keeps no daylight saving), slots are whole
 * hours, and a booking lies within one day's 開放借用時間.
 */

export const SLOT_MINUTES = 60;
const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One day's 開放借用時間 in minutes after midnight, or null when the day is 不開放. */
export type DayHours = { open: number; close: number } | null;
/** Seven days, Monday first. */
export type OpenHours = readonly DayHours[];

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

export interface Interval {
  start: Date;
  end: Date;
}

/** Half-open intervals overlap when each starts before the other ends. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** The Taipei calendar date (YYYY-MM-DD), minutes after its midnight and weekday (0 = Monday) of an instant. */
export function taipeiParts(at: Date): { date: string; minutes: number; weekday: number } {
  const local = new Date(at.getTime() + TAIPEI_OFFSET_MS);
  const date = local.toISOString().slice(0, 10);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  return { date, minutes, weekday: (local.getUTCDay() + 6) % 7 };
}

/** The instant of a Taipei date and time (minutes after midnight). */
export function taipeiInstant(date: string, minutes = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - TAIPEI_OFFSET_MS + minutes * 60_000);
}

/** A real calendar date as YYYY-MM-DD (2026-13-40 is not one: the Date is invalid, never thrown on). */
export const isIsoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === value;
};

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** 8:00, 13:30 — as the manual writes times. */
export function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 2026/12/08 9:00 - 12:00 (a booking's time in messages and mails). */
export function describeInterval({ start, end }: Interval): string {
  const s = taipeiParts(start);
  const e = taipeiParts(end);
  const endClock =
    e.date === s.date
      ? clock(e.minutes)
      : e.minutes === 0 && addDays(s.date, 1) === e.date
        ? '24:00'
        : `${e.date.replaceAll('-', '/')} ${clock(e.minutes)}`;
  return `${s.date.replaceAll('-', '/')} ${clock(s.minutes)} - ${endClock}`;
}

export function hoursOf(openHours: OpenHours, date: string): DayHours {
  return openHours[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7] ?? null;
}

/**
 * Why an interval cannot be booked as asked, before looking at other bookings (zh-TW), or null:
 * whole hours, ends after it starts, not in the past, within one day's 開放借用時間.
 */
export function intervalProblem(openHours: OpenHours, interval: Interval, now: Date): string | null {
  const { start, end } = interval;
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '請選擇借用時段';
  if (end.getTime() <= start.getTime()) return '結束時段須晚於開始時段';
  const s = taipeiParts(start);
  const e = taipeiParts(end);
  if (s.minutes % SLOT_MINUTES !== 0 || e.minutes % SLOT_MINUTES !== 0) return '借用時段須為整點';
  if (start.getTime() < now.getTime()) return '不可申請已過去的時段';
  const day = hoursOf(openHours, s.date);
  const endMinutes = e.date === s.date ? e.minutes : e.date === addDays(s.date, 1) && e.minutes === 0 ? 24 * 60 : null;
  if (!day || endMinutes === null || s.minutes < day.open || endMinutes > day.close) {
    return `借用時段不在開放借用時間內（${describeOpen(day, s.date)}）`;
  }
  return null;
}

function describeOpen(day: DayHours, date: string): string {
  const weekday = WEEKDAY_LABELS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
  return day ? `${weekday} ${clock(day.open)} - ${clock(day.close)}` : `${weekday}不開放`;
}

export type SlotState = 'AVAILABLE' | 'CLOSED' | 'TAKEN' | 'PAST';

export interface GridDay {
  date: string;
  /** 周一 12-07, as the manual's grid heads its columns. */
  label: string;
  /** One per row of `hours`. */
  slots: SlotState[];
}

export interface WeekGrid {
  weekOf: string;
  /** The rows: each slot's start in minutes after midnight. */
  hours: number[];
  days: GridDay[];
}

/**
 * The weekly grid of hourly slots: 可申請 when open, in the future and not held by a pending or
 * approved booking; 不開放 outside the day's hours; taken; past. The rows span the earliest opening to
 * the latest closing of the week (8:00–17:00 when the resource is closed all week).
 */
export function weekGrid(opts: { weekOf: string; openHours: OpenHours; held: readonly Interval[]; now: Date }): WeekGrid {
  const monday = mondayOf(opts.weekOf);
  const open = opts.openHours.filter((d): d is NonNullable<DayHours> => d !== null);
  const first = open.length ? Math.min(...open.map((d) => d.open)) : 8 * 60;
  const last = open.length ? Math.max(...open.map((d) => d.close)) : 18 * 60;
  const hours: number[] = [];
  for (let m = Math.floor(first / SLOT_MINUTES) * SLOT_MINUTES; m < last; m += SLOT_MINUTES) hours.push(m);
  const days = WEEKDAY_LABELS.map((weekday, i) => {
    const date = addDays(monday, i);
    const day = opts.openHours[i] ?? null;
    const slots = hours.map((m): SlotState => {
      const slot = { start: taipeiInstant(date, m), end: taipeiInstant(date, m + SLOT_MINUTES) };
      if (!day || m < day.open || m + SLOT_MINUTES > day.close) return 'CLOSED';
      if (slot.start.getTime() < opts.now.getTime()) return 'PAST';
      return opts.held.some((h) => overlaps(h, slot)) ? 'TAKEN' : 'AVAILABLE';
    });
    return { date, label: `${weekday} ${date.slice(5)}`, slots };
  });
  return { weekOf: monday, hours, days };
}

/** Whether the interval can be booked: bookable as asked and clear of every held interval. */
export function isFree(openHours: OpenHours, held: readonly Interval[], interval: Interval, now: Date): boolean {
  return intervalProblem(openHours, interval, now) === null && !held.some((h) => overlaps(h, interval));
}

/** The end slots a start slot may extend to on its day (the 申請資訊 drop-down): up to the next held slot or closing. */
export function endChoices(openHours: OpenHours, held: readonly Interval[], start: Date, now: Date): Date[] {
  const { date, minutes } = taipeiParts(start);
  const day = hoursOf(openHours, date);
  const ends: Date[] = [];
  if (!day) return ends;
  for (let m = minutes + SLOT_MINUTES; m <= day.close; m += SLOT_MINUTES) {
    const interval = { start, end: taipeiInstant(date, m) };
    if (!isFree(openHours, held, interval, now)) break;
    ends.push(interval.end);
  }
  return ends;
}

/** The instants a week's grid covers: its Monday 0:00 to the next Monday 0:00 (Taipei). */
export function weekWindow(weekOf: string): Interval {
  const monday = mondayOf(weekOf);
  return { start: taipeiInstant(monday), end: taipeiInstant(addDays(monday, 7)) };
}

/** A date's interval between two clock times in minutes (the 依時間查詢 開始時段 / 結束時段). */
export const dayInterval = (date: string, startMinutes: number, endMinutes: number): Interval => ({
  start: taipeiInstant(date, startMinutes),
  end: taipeiInstant(date, endMinutes),
});

/** The whole-hour choices of 開始時段 (0:00–23:00) and 結束時段 (1:00–24:00), in minutes. */
export const START_CHOICES: readonly number[] = Array.from({ length: 24 }, (_, h) => h * SLOT_MINUTES);
export const END_CHOICES: readonly number[] = START_CHOICES.map((m) => m + SLOT_MINUTES);

/** Parses and checks 開放借用時間 as stored (seven entries, whole hours, open before close). */
export function parseOpenHours(value: unknown): OpenHours {
  if (!Array.isArray(value) || value.length !== 7) throw new Error('開放借用時間格式錯誤');
  return value.map((d) => {
    if (d === null) return null;
    const { open, close } = d as { open: unknown; close: unknown };
    if (!Number.isInteger(open) || !Number.isInteger(close)) throw new Error('開放借用時間格式錯誤');
    return { open: open as number, close: close as number };
  });
}
