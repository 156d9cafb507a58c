import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { createClients } from '../../../infra/clients';
import { addDays, taipeiInstant, taipeiParts } from '../../../domain/bookings/slots';
import { insertBooking } from '../../support/bookings';
import { e2e, eventually, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { createResource, WEEKDAYS } from '../../support/resources';
import { createActiveUser } from './support-users';

// 重複借用 over HTTP with the real API, worker, Temporal and PostgreSQL: the dates of a series and why
// each cannot be asked, the whole request refused on a conflict (nothing written) or booked without the
// taken dates, every date its own booking, workflow and inbox row, and one batch deciding the series.
const clients = createClients(testEnv());
const prisma: PrismaClient = clients.prisma;
afterAll(() => clients.prisma.$disconnect());

const today = taipeiParts(new Date()).date;
/** The next Tuesday at least a week ahead (the weekdays-only venue is open then). */
const firstTuesday = (() => {
  for (let d = 7; d < 14; d++) if (new Date(`${addDays(today, d)}T00:00:00Z`).getUTCDay() === 2) return addDays(today, d);
  throw new Error('no Tuesday');
})();
const at = (date: string, from: number, to: number) => ({
  startsAt: taipeiInstant(date, from * 60).toISOString(),
  endsAt: taipeiInstant(date, to * 60).toISOString(),
});

async function session(account: string) {
  const s = apiSession();
  const login = await s.login(account, e2e.password());
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return s;
}

const venueForm = (resourceId: string, extra: object = {}) => ({
  kind: 'VENUE',
  resourceId,
  ...at(firstTuesday, 9, 12),
  phone: '2991111',
  phoneExt: '8001',
  headcount: 12,
  host: '陳科長',
  reason: '每週業務會報',
  ...extra,
});

let g01: string;
let custodian: Awaited<ReturnType<typeof createActiveUser>>;
let applicant: Awaited<ReturnType<typeof createActiveUser>>;

beforeAll(async () => {
  g01 = (await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } })).id;
  custodian = await createActiveUser(prisma, 'G01');
  applicant = await createActiveUser(prisma);
});

describe('重複借用 (real API, worker, Temporal)', () => {
  it('preview names the taken date; without 略過 the request is refused whole; with it the free dates are booked as one series the custodian approves in one batch', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId: g01, custodian1Id: custodian.id });
    const other = await createActiveUser(prisma);
    // Someone already holds the third Tuesday 10:00–11:00.
    const third = addDays(firstTuesday, 14);
    await insertBooking(prisma, venue, other, { date: third, from: 10, to: 11 });
    const s = await session(applicant.account);
    const repeat = { every: 'WEEK', count: 4 };

    const preview = await s.post('/api/bookings/series/preview', venueForm(venue.id, { repeat }));
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.dates.map((d: { date: string; stateLabel: string }) => [d.date, d.stateLabel])).toEqual([
      [firstTuesday, '可申請'],
      [addDays(firstTuesday, 7), '可申請'],
      [third, '此時段已被申請'],
      [addDays(firstTuesday, 21), '可申請'],
    ]);
    expect(preview.body.dates[2].reason).toContain('9:00 - 12:00');
    expect(preview.body.dates.every((d: { when: string }) => d.when.endsWith('9:00 - 12:00'))).toBe(true);
    expect(await prisma.booking.count({ where: { resourceId: venue.id } })).toBe(1);

    const refused = await s.post('/api/bookings', venueForm(venue.id, { repeat }));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('BOOKING_CONFLICT');
    expect(refused.body.error.message).toContain(`${third.replaceAll('-', '/')}（此時段已被申請）`);
    expect(refused.body.error.conflicts.map((c: { date: string }) => c.date)).toEqual([third]);
    expect(await prisma.booking.count({ where: { resourceId: venue.id } })).toBe(1);

    const booked = await s.post('/api/bookings', venueForm(venue.id, { repeat, skipConflicts: true }));
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.booked.map((b: { date: string }) => b.date)).toEqual([
      firstTuesday,
      addDays(firstTuesday, 7),
      addDays(firstTuesday, 21),
    ]);
    expect(booked.body.skipped.map((d: { date: string }) => d.date)).toEqual([third]);
    const rows = await prisma.booking.findMany({
      where: { resourceId: venue.id, applicantUserId: applicant.id },
      orderBy: { startsAt: 'asc' },
    });
    expect(rows.map((r) => [r.status, r.seriesKey, r.seriesIndex])).toEqual([
      ['PENDING', rows[0]!.key, 1],
      ['PENDING', rows[0]!.key, 2],
      ['PENDING', rows[0]!.key, 3],
    ]);
    expect(booked.body.seriesKey).toBe(rows[0]!.key);
    // Every date its own workflow and request row; one usage line for the series.
    const requests = await eventually(async () => {
      const found = await prisma.request.findMany({ where: { workflowId: { in: rows.map((r) => r.workflowId) } } });
      return found.length === 3 ? found : undefined;
    });
    expect(new Set(requests.map((r) => r.workflowId)).size).toBe(3);
    const usage = await prisma.usageRecord.findMany({
      where: { userId: applicant.id, action: 'application.submit', target: { contains: rows[0]!.key } },
    });
    expect(usage).toHaveLength(1);
    expect(usage[0]!.target).toContain('重複借用 每週 3 次');

    // The custodian's inbox shows 1/3 … 3/3; one batch decides the series.
    const c = await session(custodian.account);
    const series = await eventually(async () => {
      const list = await c.get(`/api/console/venue-bookings?status=PENDING&q=${encodeURIComponent(applicant.account)}`);
      const mine = list.body.items?.filter((i: { seriesKey: string | null }) => i.seriesKey === rows[0]!.key) ?? [];
      return mine.length === 3 ? mine : undefined;
    });
    expect(series.map((i: { series: string }) => i.series).sort()).toEqual(['1/3', '2/3', '3/3']);
    const batch = await c.post('/api/console/venue-bookings/batch-decision', {
      ids: series.map((i: { id: string }) => i.id),
      decision: 'APPROVE',
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect(batch.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true]);
    const statuses = await prisma.booking.findMany({ where: { seriesKey: rows[0]!.key }, select: { status: true } });
    expect(statuses.map((r) => r.status)).toEqual(['APPROVED', 'APPROVED', 'APPROVED']);
  });

  it('每月 and the venue’s hours: a closed date is 不開放, a past first date 已過去; every date refused answers 409', async () => {
    const venue = await createResource(prisma, {
      kind: 'VENUE',
      agencyId: g01,
      custodian1Id: custodian.id,
      openHours: WEEKDAYS,
    });
    const s = await session(applicant.account);
    const monthly = await s.post('/api/bookings/series/preview', venueForm(venue.id, { repeat: { every: 'MONTH', count: 6 } }));
    expect(monthly.status, JSON.stringify(monthly.body)).toBe(200);
    const dates = monthly.body.dates as { date: string; state: string; reason: string | null }[];
    expect(dates).toHaveLength(6);
    expect(dates.every((d) => d.date.slice(8) === firstTuesday.slice(8))).toBe(true);
    // The same day of the month falls on a weekend in some of six months: those are 不開放 with the weekday.
    for (const d of dates) {
      const weekend = [0, 6].includes(new Date(`${d.date}T00:00:00Z`).getUTCDay());
      expect(d.state).toBe(weekend ? 'CLOSED' : 'AVAILABLE');
      if (weekend) expect(d.reason).toMatch(/周[六日]不開放/);
    }

    const yesterday = addDays(today, -1);
    const past = await s.post(
      '/api/bookings/series/preview',
      venueForm(venue.id, { ...at(yesterday, 9, 10), repeat: { every: 'WEEK', count: 2 } }),
    );
    expect(past.body.dates[0]).toMatchObject({ state: 'PAST', stateLabel: '已過去' });

    // A weekend-only series has nothing to book, skip or not.
    let saturday = firstTuesday;
    while (new Date(`${saturday}T00:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
    const none = await s.post(
      '/api/bookings',
      venueForm(venue.id, { ...at(saturday, 9, 10), repeat: { every: 'WEEK', count: 3 }, skipConflicts: true }),
    );
    expect(none.status).toBe(409);
    expect(none.body.error.message).toContain('所選日期皆無法申請');
    expect(await prisma.booking.count({ where: { resourceId: venue.id } })).toBe(0);
  });

  it('bad repeat input is refused in zh-TW and writes nothing', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId: g01, custodian1Id: custodian.id });
    const s = await session(applicant.account);
    const cases: [string, object, string, string][] = [
      ['/api/bookings', { repeat: { every: 'WEEK', count: 1 } }, 'repeat.count', '重複次數須為 2 至 12 次'],
      ['/api/bookings', { repeat: { every: 'WEEK', count: 13 } }, 'repeat.count', '重複次數須為 2 至 12 次'],
      ['/api/bookings', { repeat: { every: 'WEEK', count: 2.5 } }, 'repeat.count', '重複次數須為整數'],
      ['/api/bookings', { repeat: { every: 'YEAR', count: 3 } }, 'repeat.every', '請選擇重複方式（每週或每月）'],
      ['/api/bookings', { repeat: 'weekly' }, 'repeat', '重複設定格式錯誤'],
      ['/api/bookings', { repeat: { every: 'WEEK', count: 3 }, waitlist: true }, 'waitlist', '重複借用無法加入候補'],
      ['/api/bookings/series/preview', {}, 'repeat', '請選擇重複方式（每週或每月）'],
      ['/api/bookings/series/preview', { repeat: { every: 'MONTH' } }, 'repeat.count', '請填寫重複次數'],
      [
        '/api/bookings/series/preview',
        { ...at(firstTuesday, 9, 8), repeat: { every: 'WEEK', count: 2 } },
        'startsAt',
        '結束時段須晚於開始時段',
      ],
    ];
    for (const [path, extra, field, message] of cases) {
      const answer = await s.post(path, venueForm(venue.id, extra));
      expect(answer.status, `${path} ${JSON.stringify(extra)}`).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
      expect(answer.body.error.fields?.[field], `${path} ${JSON.stringify(extra)}`).toBe(message);
    }
    expect(await prisma.booking.count({ where: { resourceId: venue.id } })).toBe(0);
  });
});
