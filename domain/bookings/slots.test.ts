import { describe, expect, it } from 'vitest';
import {
  END_CHOICES,
  START_CHOICES,
  dayInterval,
  endChoices,
  intervalProblem,
  isFree,
  mondayOf,
  taipeiInstant,
  weekGrid,
  weekWindow,
  type OpenHours,
} from './slots';

// The week of Monday 2026-12-14; Taipei is UTC+8, so 8:00 there is 0:00 UTC.
const MONDAY = '2026-12-14';
const WEEKDAYS_8_18: OpenHours = [...Array.from({ length: 5 }, () => ({ open: 480, close: 1080 })), null, null];
const at = (date: string, hour: number) => taipeiInstant(date, hour * 60);
const span = (date: string, from: number, to: number) => ({ start: at(date, from), end: at(date, to) });
const LONG_AGO = new Date('2026-01-01T00:00:00Z');

describe('weekGrid', () => {
  it('heads columns 周一 12-14 … 周日 12-20, rows 8:00–17:00, and closes the weekend (不開放)', () => {
    const grid = weekGrid({ weekOf: '2026-12-17', openHours: WEEKDAYS_8_18, held: [], now: LONG_AGO });
    expect(grid.weekOf).toBe(MONDAY);
    expect(grid.days.map((d) => d.label)).toEqual([
      '周一 12-14',
      '周二 12-15',
      '周三 12-16',
      '周四 12-17',
      '周五 12-18',
      '周六 12-19',
      '周日 12-20',
    ]);
    expect(grid.hours).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((h) => h * 60));
    expect(new Set(grid.days[0]!.slots)).toEqual(new Set(['AVAILABLE']));
    expect(new Set(grid.days[5]!.slots)).toEqual(new Set(['CLOSED']));
    expect(new Set(grid.days[6]!.slots)).toEqual(new Set(['CLOSED']));
  });

  it('marks slots a pending or approved booking holds as taken, and a booking ending 12:00 leaves 12:00 free', () => {
    const grid = weekGrid({ weekOf: MONDAY, openHours: WEEKDAYS_8_18, held: [span('2026-12-15', 10, 12)], now: LONG_AGO });
    const tuesday = grid.days[1]!.slots;
    expect(tuesday.slice(0, 5)).toEqual(['AVAILABLE', 'AVAILABLE', 'TAKEN', 'TAKEN', 'AVAILABLE']);
    expect(grid.days[0]!.slots[2]).toBe('AVAILABLE');
  });

  it('leaves slots that started before now as past, the current hour included, and closed days stay 不開放', () => {
    const now = new Date(at('2026-12-15', 9).getTime() + 30 * 60_000);
    const grid = weekGrid({ weekOf: MONDAY, openHours: WEEKDAYS_8_18, held: [], now });
    expect(new Set(grid.days[0]!.slots)).toEqual(new Set(['PAST']));
    expect(grid.days[1]!.slots.slice(0, 3)).toEqual(['PAST', 'PAST', 'AVAILABLE']);
    const sundayGrid = weekGrid({ weekOf: '2026-12-21', openHours: WEEKDAYS_8_18, held: [], now: at('2026-12-22', 0) });
    expect(sundayGrid.days[6]!.slots[0]).toBe('CLOSED');
  });

  it('follows the hours as they are now when they changed after bookings were made', () => {
    // Booked 16:00–18:00 while open until 18:00; the venue now closes at 17:00 and opens at 10:00.
    const held = [span(MONDAY, 16, 18), span(MONDAY, 8, 10)];
    const shorter: OpenHours = WEEKDAYS_8_18.map((d) => d && { open: 600, close: 1020 });
    const grid = weekGrid({ weekOf: MONDAY, openHours: shorter, held, now: LONG_AGO });
    expect(grid.hours).toEqual([10, 11, 12, 13, 14, 15, 16].map((h) => h * 60));
    expect(grid.days[0]!.slots).toEqual(['AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'TAKEN']);
    expect(endChoices(shorter, held, at(MONDAY, 14), LONG_AGO)).toEqual([at(MONDAY, 15), at(MONDAY, 16)]);
    // Opened all day on Saturday now: the rows reach 0:00–24:00 and nothing is held there.
    const longer: OpenHours = [...shorter.slice(0, 5), { open: 0, close: 1440 }, null];
    const wide = weekGrid({ weekOf: MONDAY, openHours: longer, held, now: LONG_AGO });
    expect(wide.hours).toHaveLength(24);
    expect(wide.days[0]!.slots[0]).toBe('CLOSED');
    expect(new Set(wide.days[5]!.slots)).toEqual(new Set(['AVAILABLE']));
  });

  it('shows 8:00–17:00 rows, all 不開放, for a resource closed all week', () => {
    const grid = weekGrid({ weekOf: MONDAY, openHours: Array(7).fill(null), held: [], now: LONG_AGO });
    expect(grid.hours[0]).toBe(480);
    expect(grid.days.flatMap((d) => d.slots).every((s) => s === 'CLOSED')).toBe(true);
  });
});

describe('intervalProblem and isFree', () => {
  it('accepts back-to-back bookings: one ending 12:00 and one starting 12:00 do not conflict', () => {
    const held = [span(MONDAY, 10, 12)];
    expect(isFree(WEEKDAYS_8_18, held, span(MONDAY, 12, 13), LONG_AGO)).toBe(true);
    expect(isFree(WEEKDAYS_8_18, held, span(MONDAY, 8, 10), LONG_AGO)).toBe(true);
    expect(isFree(WEEKDAYS_8_18, held, span(MONDAY, 11, 13), LONG_AGO)).toBe(false);
    expect(isFree(WEEKDAYS_8_18, held, span(MONDAY, 9, 11), LONG_AGO)).toBe(false);
  });

  it('names what is wrong in zh-TW: closed day, outside hours, past, not whole hours, end not after start', () => {
    expect(intervalProblem(WEEKDAYS_8_18, span('2026-12-19', 9, 10), LONG_AGO)).toBe('借用時段不在開放借用時間內（周六不開放）');
    expect(intervalProblem(WEEKDAYS_8_18, span(MONDAY, 17, 19), LONG_AGO)).toBe(
      '借用時段不在開放借用時間內（周一 8:00 - 18:00）',
    );
    expect(intervalProblem(WEEKDAYS_8_18, span(MONDAY, 7, 9), LONG_AGO)).toMatch(/不在開放借用時間內/);
    expect(intervalProblem(WEEKDAYS_8_18, span(MONDAY, 9, 10), at(MONDAY, 11))).toBe('不可申請已過去的時段');
    const halfPast = { start: taipeiInstant(MONDAY, 9 * 60 + 30), end: at(MONDAY, 11) };
    expect(intervalProblem(WEEKDAYS_8_18, halfPast, LONG_AGO)).toBe('借用時段須為整點');
    expect(intervalProblem(WEEKDAYS_8_18, span(MONDAY, 10, 10), LONG_AGO)).toBe('結束時段須晚於開始時段');
    expect(intervalProblem(WEEKDAYS_8_18, span(MONDAY, 8, 18), LONG_AGO)).toBeNull();
  });

  it('lets a day open until 24:00 be booked to midnight', () => {
    const allDay: OpenHours = Array(7).fill({ open: 0, close: 1440 });
    expect(intervalProblem(allDay, dayInterval(MONDAY, 22 * 60, 24 * 60), LONG_AGO)).toBeNull();
    expect(endChoices(allDay, [], at(MONDAY, 22), LONG_AGO)).toEqual([at(MONDAY, 23), at('2026-12-15', 0)]);
  });
});

describe('endChoices', () => {
  it('offers each whole hour up to closing, stopping before the next held slot', () => {
    expect(endChoices(WEEKDAYS_8_18, [], at(MONDAY, 15), LONG_AGO)).toEqual([at(MONDAY, 16), at(MONDAY, 17), at(MONDAY, 18)]);
    const held = [span(MONDAY, 11, 12)];
    expect(endChoices(WEEKDAYS_8_18, held, at(MONDAY, 8), LONG_AGO)).toEqual([at(MONDAY, 9), at(MONDAY, 10), at(MONDAY, 11)]);
  });

  it('offers nothing from a taken, closed or past start', () => {
    expect(endChoices(WEEKDAYS_8_18, [span(MONDAY, 8, 9)], at(MONDAY, 8), LONG_AGO)).toEqual([]);
    expect(endChoices(WEEKDAYS_8_18, [], at('2026-12-20', 9), LONG_AGO)).toEqual([]);
    expect(endChoices(WEEKDAYS_8_18, [], at(MONDAY, 9), at(MONDAY, 10))).toEqual([]);
  });
});

describe('weeks and choices', () => {
  it('finds the Monday of any day and covers the whole Taipei week', () => {
    expect(mondayOf('2026-12-20')).toBe(MONDAY);
    expect(mondayOf(MONDAY)).toBe(MONDAY);
    expect(weekWindow('2026-12-16')).toEqual({
      start: new Date('2026-12-13T16:00:00Z'),
      end: new Date('2026-12-20T16:00:00Z'),
    });
  });

  it('offers start times 0:00–23:00 and end times 1:00–24:00', () => {
    expect(START_CHOICES).toHaveLength(24);
    expect(START_CHOICES[0]).toBe(0);
    expect(END_CHOICES.at(-1)).toBe(1440);
  });
});
