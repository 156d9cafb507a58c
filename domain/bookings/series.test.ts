import { describe, expect, it } from 'vitest';
import { expandSeries } from './series';
import { taipeiInstant, taipeiParts } from './slots';

const span = (date: string, from: number, to: number) => ({
  start: taipeiInstant(date, from * 60),
  end: taipeiInstant(date, to * 60),
});
const hours = (o: { start: Date; end: Date }) => {
  const s = taipeiParts(o.start);
  const e = taipeiParts(o.end);
  return `${s.date} ${s.minutes / 60}-${e.date === s.date ? e.minutes / 60 : 24}`;
};

describe('expandSeries', () => {
  it('每週: the same weekday and hours, 7 days apart, numbered 1 … N', () => {
    const { occurrences, skippedMonths } = expandSeries(span('2026-12-15', 9, 12), 'WEEK', 4);
    expect(occurrences.map(hours)).toEqual(['2026-12-15 9-12', '2026-12-22 9-12', '2026-12-29 9-12', '2027-01-05 9-12']);
    expect(occurrences.map((o) => o.index)).toEqual([1, 2, 3, 4]);
    expect(occurrences.map((o) => taipeiParts(o.start).weekday)).toEqual([1, 1, 1, 1]);
    expect(skippedMonths).toEqual([]);
  });

  it('keeps Taipei hours across the year, also for an early-morning slot (the previous UTC day) and one to 24:00', () => {
    const early = expandSeries(span('2026-12-31', 0, 2), 'MONTH', 3).occurrences;
    expect(early.map(hours)).toEqual(['2026-12-31 0-2', '2027-01-31 0-2', '2027-03-31 0-2']);
    expect(early[1]!.start.toISOString()).toBe('2027-01-30T16:00:00.000Z');
    const late = expandSeries(span('2027-03-01', 22, 24), 'WEEK', 12).occurrences;
    expect(late.every((o) => hours(o).endsWith(' 22-24'))).toBe(true);
    expect(late.every((o) => o.end.getTime() - o.start.getTime() === 2 * 3_600_000)).toBe(true);
    expect(late.at(-1)!.date).toBe('2027-05-17');
  });

  it('每月 on the 31st skips the months without one and says so, until it has N dates', () => {
    const { occurrences, skippedMonths } = expandSeries(span('2027-01-31', 14, 16), 'MONTH', 4);
    expect(occurrences.map((o) => o.date)).toEqual(['2027-01-31', '2027-03-31', '2027-05-31', '2027-07-31']);
    expect(occurrences.map((o) => o.index)).toEqual([1, 2, 3, 4]);
    expect(occurrences.map(hours).every((h) => h.endsWith(' 14-16'))).toBe(true);
    expect(skippedMonths).toEqual([
      { month: '2027-02', note: '2027 年 2 月沒有 31 日，已略過' },
      { month: '2027-04', note: '2027 年 4 月沒有 31 日，已略過' },
      { month: '2027-06', note: '2027 年 6 月沒有 31 日，已略過' },
    ]);
  });

  it('每月 on the 29th passes over February except in a leap year, and runs into the next year', () => {
    const plain = expandSeries(span('2027-01-29', 9, 10), 'MONTH', 3);
    expect(plain.occurrences.map((o) => o.date)).toEqual(['2027-01-29', '2027-03-29', '2027-04-29']);
    expect(plain.skippedMonths.map((s) => s.month)).toEqual(['2027-02']);
    const leap = expandSeries(span('2027-12-29', 9, 10), 'MONTH', 3);
    expect(leap.occurrences.map((o) => o.date)).toEqual(['2027-12-29', '2028-01-29', '2028-02-29']);
    expect(leap.skippedMonths).toEqual([]);
  });

  it('每月 on an ordinary day keeps that day every month', () => {
    const { occurrences } = expandSeries(span('2026-11-15', 9, 17), 'MONTH', 12);
    expect(occurrences.map((o) => o.date.slice(5))).toEqual([
      '11-15',
      '12-15',
      '01-15',
      '02-15',
      '03-15',
      '04-15',
      '05-15',
      '06-15',
      '07-15',
      '08-15',
      '09-15',
      '10-15',
    ]);
  });

  it('refuses a count outside 2 … 12', () => {
    for (const count of [0, 1, 13, 2.5]) {
      expect(() => expandSeries(span('2026-12-15', 9, 12), 'WEEK', count)).toThrow('重複次數須為 2 至 12 次');
    }
  });
});
