import crypto from 'node:crypto';
import type { Resource, User } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, mondayOf, taipeiInstant, taipeiParts } from '../../../domain/bookings/slots';
import { e2e } from '../../support/env';
import { insertBooking } from '../../support/bookings';
import { apiSession } from '../../support/http';
import { WEEKDAYS, createResource } from '../../support/resources';
import { createTestOrg, testPrisma } from '../db/helpers';
import { createActiveUser } from './support-users';

// 場地借用申請 / 公務車借用登記's searches and 場地及公務車申請紀錄 over HTTP against the real API, with
// venues, cars, drivers and bookings of the file's own written straight into the database (the write
// side, POST /api/bookings, has suites of its own).
const prisma = testPrisma();
let user: User;
let colleague: User;
let outsider: User;
let agencyId: string;
let otherAgencyId: string;
let session: ReturnType<typeof apiSession>;
let outsiderSession: ReturnType<typeof apiSession>;

const today = taipeiParts(new Date()).date;
/** Monday of the week after next: every slot of it is still ahead. */
const nextWeek = addDays(mondayOf(today), 14);
const at = (date: string, hour: number) => taipeiInstant(date, hour * 60);

async function login(account: string) {
  const s = apiSession();
  const answer = await s.login(account, e2e.password());
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return s;
}

const book = (
  resource: Resource,
  applicant: User,
  date: string,
  from: number,
  to: number,
  extra: Parameters<typeof insertBooking>[4] = {},
) => insertBooking(prisma, resource, applicant, { date, from, to }, extra);

beforeAll(async () => {
  user = await createActiveUser(prisma);
  colleague = await createActiveUser(prisma);
  const { section } = await createTestOrg(prisma);
  outsider = await createActiveUser(prisma, section.code);
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
  agencyId = org.agencyId ?? org.id;
  otherAgencyId = section.agencyId!;
  expect(otherAgencyId).not.toBe(agencyId);
  session = await login(user.account);
  outsiderSession = await login(outsider.account);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe('依場地查詢允許申請時間: the weekly grid', () => {
  it('shows 可申請, 不開放 on closed days, and the slots pending or approved bookings hold — back to back is no conflict', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id, openHours: WEEKDAYS });
    await book(venue, colleague, nextWeek, 10, 12, { status: 'APPROVED' });
    await book(venue, colleague, addDays(nextWeek, 1), 14, 15, { status: 'PENDING' });
    // Neither a rejected nor a cancelled one holds its slot.
    await book(venue, colleague, addDays(nextWeek, 2), 9, 11, { status: 'REJECTED' });
    await book(venue, colleague, addDays(nextWeek, 2), 13, 14, { status: 'CANCELLED' });

    const answer = await session.get(`/api/bookings/resources/${venue.id}/week?weekOf=${addDays(nextWeek, 3)}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const { resource, grid, held } = answer.body;
    expect(resource).toMatchObject({
      id: venue.id,
      name: venue.name,
      capacity: 30,
      floor: '10樓',
      location: { name: '民治市政中心' },
    });
    expect(resource.openHoursLabels).toEqual([
      '周一 8:00 - 18:00',
      '周二 8:00 - 18:00',
      '周三 8:00 - 18:00',
      '周四 8:00 - 18:00',
      '周五 8:00 - 18:00',
      '周六 不開放',
      '周日 不開放',
    ]);
    expect(grid.weekOf).toBe(nextWeek);
    expect(grid.days[0].label).toBe(`周一 ${nextWeek.slice(5)}`);
    expect(grid.hours[0]).toBe(480);
    expect(grid.hours).toHaveLength(10);
    const monday = grid.days[0].slots as string[];
    // 10:00 and 11:00 are held; 12:00, right after the booking ends, is free.
    expect(monday.slice(0, 5)).toEqual(['AVAILABLE', 'AVAILABLE', 'TAKEN', 'TAKEN', 'AVAILABLE']);
    expect(grid.days[1].slots[6]).toBe('TAKEN');
    expect(new Set(grid.days[2].slots)).toEqual(new Set(['AVAILABLE']));
    expect(new Set(grid.days[5].slots)).toEqual(new Set(['CLOSED']));
    expect(held).toHaveLength(2);
  });

  it('leaves the slots of a week gone by past, and moves a week at a time', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id });
    const lastWeek = addDays(mondayOf(today), -7);
    const past = await session.get(`/api/bookings/resources/${venue.id}/week?weekOf=${lastWeek}`);
    expect(past.status).toBe(200);
    expect(new Set((past.body.grid.days as { slots: string[] }[]).flatMap((d) => d.slots))).toEqual(new Set(['PAST']));
    const current = await session.get(`/api/bookings/resources/${venue.id}/week`);
    expect(current.body.grid.weekOf).toBe(mondayOf(today));
    const following = await session.get(`/api/bookings/resources/${venue.id}/week?weekOf=${addDays(mondayOf(today), 7)}`);
    expect(new Set((following.body.grid.days as { slots: string[] }[]).flatMap((d) => d.slots))).toEqual(new Set(['AVAILABLE']));
  });

  it('refuses a malformed week in zh-TW', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id });
    const answer = await session.get(`/api/bookings/resources/${venue.id}/week?weekOf=2026-02-30`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual({ weekOf: '請選擇週次' });
  });
});

describe('who may see a venue or car', () => {
  it('lists only what the agency may book: 全府, its own agency, or listed; never one not public or deleted', async () => {
    const location = 'loc-madou';
    const city = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id, locationId: location });
    const own = await createResource(prisma, {
      kind: 'VENUE',
      agencyId,
      custodian1Id: colleague.id,
      locationId: location,
      audience: 'OWN_AGENCY',
    });
    const listed = await createResource(prisma, {
      kind: 'VENUE',
      agencyId: otherAgencyId,
      custodian1Id: outsider.id,
      locationId: location,
      audience: 'OWN_AND_LISTED',
      allowedAgencyIds: [agencyId],
    });
    const otherOnly = await createResource(prisma, {
      kind: 'VENUE',
      agencyId: otherAgencyId,
      custodian1Id: outsider.id,
      locationId: location,
      audience: 'OWN_AGENCY',
    });
    const hidden = await createResource(prisma, {
      kind: 'VENUE',
      agencyId,
      custodian1Id: colleague.id,
      locationId: location,
      isPublic: false,
    });
    const deleted = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id, locationId: location });
    await prisma.resource.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const mine = [city, own, listed].map((r) => r.id);

    const list = await session.get(`/api/bookings/resources?kind=VENUE&locationId=${location}`);
    expect(list.status).toBe(200);
    const ids = (list.body.items as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(mine));
    for (const r of [otherOnly, hidden, deleted]) expect(ids).not.toContain(r.id);

    const theirs = (await outsiderSession.get(`/api/bookings/resources?kind=VENUE&locationId=${location}`)).body.items as {
      id: string;
    }[];
    expect(theirs.map((r) => r.id)).toEqual(expect.arrayContaining([city.id, listed.id, otherOnly.id]));
    expect(theirs.map((r) => r.id)).not.toContain(own.id);

    // A venue the agency may not book does not exist for it: no grid, no drivers, no free search hit.
    for (const r of [otherOnly, hidden, deleted]) {
      const week = await session.get(`/api/bookings/resources/${r.id}/week?weekOf=${nextWeek}`);
      expect(week.status).toBe(404);
      expect(week.body.error.message).toBe('找不到此場地或公務車，或您的機關不在允許借用機關內');
    }
    expect((await outsiderSession.get(`/api/bookings/resources/${own.id}/week`)).status).toBe(404);
    const free = await outsiderSession.get(
      `/api/bookings/free?kind=VENUE&date=${nextWeek}&start=9:00&end=10:00&locationId=${location}`,
    );
    expect((free.body.items as { id: string }[]).map((r) => r.id)).not.toContain(own.id);
  });

  it('answers only a logged-in user', async () => {
    const anonymous = apiSession();
    expect((await anonymous.get('/api/bookings/locations')).status).toBe(401);
    expect((await anonymous.get('/api/bookings/mine?kind=VENUE')).status).toBe(401);
    const locations = await session.get('/api/bookings/locations');
    expect(locations.body.items.map((l: { name: string }) => l.name)).toEqual([
      '民治市政中心',
      '永華市政中心',
      '新營區',
      '麻豆區',
      '善化區',
    ]);
  });
});

describe('依時間查詢允許申請場地清單', () => {
  it('lists the venues free for the whole interval within their hours', async () => {
    const location = 'loc-shanhua';
    const free = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id, locationId: location });
    const busy = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id, locationId: location });
    const backToBack = await createResource(prisma, {
      kind: 'VENUE',
      agencyId,
      custodian1Id: colleague.id,
      locationId: location,
    });
    const weekdaysOnly = await createResource(prisma, {
      kind: 'VENUE',
      agencyId,
      custodian1Id: colleague.id,
      locationId: location,
      openHours: WEEKDAYS,
    });
    await book(busy, colleague, nextWeek, 11, 12, { status: 'APPROVED' });
    await book(backToBack, colleague, nextWeek, 8, 10);

    const weekday = await session.get(
      `/api/bookings/free?kind=VENUE&date=${nextWeek}&start=10:00&end=12:00&locationId=${location}`,
    );
    expect(weekday.status, JSON.stringify(weekday.body)).toBe(200);
    expect(weekday.body.startsAt).toBe(at(nextWeek, 10).toISOString());
    const ids = (weekday.body.items as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([free.id, backToBack.id, weekdaysOnly.id]));
    expect(ids).not.toContain(busy.id);

    const saturday = await session.get(
      `/api/bookings/free?kind=VENUE&date=${addDays(nextWeek, 5)}&start=10:00&end=12:00&locationId=${location}`,
    );
    expect((saturday.body.items as { id: string }[]).map((r) => r.id)).not.toContain(weekdaysOnly.id);
    const evening = await session.get(
      `/api/bookings/free?kind=VENUE&date=${nextWeek}&start=17:00&end=19:00&locationId=${location}`,
    );
    expect(evening.body.items).toEqual([]);
  });

  it('refuses an interval that ends before it starts, in zh-TW', async () => {
    const answer = await session.get(`/api/bookings/free?kind=VENUE&date=${nextWeek}&start=12:00&end=10:00`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual({ end: '結束時段須晚於開始時段' });
    const missing = await session.get('/api/bookings/free?kind=VENUE');
    expect(missing.body.error.fields).toMatchObject({ date: '請選擇日期', start: '請選擇開始時段', end: '請選擇結束時段' });
  });
});

describe('公務車借用登記: cars and their drivers', () => {
  it('lists cars with 車型 and 車號, and offers only bound drivers the agency may have dispatched who are free then', async () => {
    const location = 'loc-xinying';
    const free = await createResource(prisma, { kind: 'DRIVER', agencyId, custodian1Id: colleague.id, name: '王大哥' });
    const busy = await createResource(prisma, { kind: 'DRIVER', agencyId, custodian1Id: colleague.id, name: '李大哥' });
    const notForUs = await createResource(prisma, {
      kind: 'DRIVER',
      agencyId: otherAgencyId,
      custodian1Id: outsider.id,
      audience: 'OWN_AGENCY',
    });
    const unbound = await createResource(prisma, { kind: 'DRIVER', agencyId, custodian1Id: colleague.id });
    const car = await createResource(prisma, {
      kind: 'CAR',
      agencyId,
      custodian1Id: colleague.id,
      locationId: location,
      driverIds: [free.id, busy.id, notForUs.id],
    });
    const otherCar = await createResource(prisma, {
      kind: 'CAR',
      agencyId,
      custodian1Id: colleague.id,
      locationId: location,
      driverIds: [busy.id],
    });
    // 李大哥 drives the other car 9:00–11:00; 王大哥 drove it until 9:00.
    await book(otherCar, colleague, nextWeek, 9, 11, { driverId: busy.id, status: 'APPROVED' });
    await book(otherCar, colleague, nextWeek, 7, 9, { driverId: free.id, status: 'APPROVED' });

    const cars = await session.get(`/api/bookings/resources?kind=CAR&locationId=${location}`);
    const listed = (cars.body.items as { id: string; vehicleType: string; name: string; capacity: number }[]).find(
      (c) => c.id === car.id,
    );
    expect(listed).toMatchObject({ vehicleType: '小客車', name: car.name, capacity: 4 });

    const week = await session.get(`/api/bookings/resources/${car.id}/week?weekOf=${nextWeek}`);
    expect(week.body.resource).toMatchObject({ vehicleType: '小客車', name: car.name, make: 'ABC', capacity: 4 });
    expect(JSON.stringify(week.body)).not.toMatch(/王大哥|李大哥|driver/i);
    // The car itself is free: its driver's other trip does not hold the car.
    expect(week.body.grid.days[0].slots[1]).toBe('AVAILABLE');

    const q = `startsAt=${at(nextWeek, 9).toISOString()}&endsAt=${at(nextWeek, 10).toISOString()}`;
    const drivers = await session.get(`/api/bookings/resources/${car.id}/drivers?${q}`);
    expect(drivers.status, JSON.stringify(drivers.body)).toBe(200);
    expect(drivers.body.items).toEqual([{ id: free.id, name: '王大哥' }]);
    expect(JSON.stringify(drivers.body)).not.toContain(unbound.id);
    const later = `startsAt=${at(nextWeek, 11).toISOString()}&endsAt=${at(nextWeek, 12).toISOString()}`;
    const both = await session.get(`/api/bookings/resources/${car.id}/drivers?${later}`);
    expect((both.body.items as { name: string }[]).map((d) => d.name).sort()).toEqual(['李大哥', '王大哥'].sort());

    // A venue has no drivers; a car of an agency that may not book it is not there.
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id });
    expect((await session.get(`/api/bookings/resources/${venue.id}/drivers?${q}`)).status).toBe(404);
    const theirCar = await createResource(prisma, {
      kind: 'CAR',
      agencyId: otherAgencyId,
      custodian1Id: outsider.id,
      audience: 'OWN_AGENCY',
      driverIds: [free.id],
    });
    expect((await session.get(`/api/bookings/resources/${theirCar.id}/drivers?${q}`)).status).toBe(404);
  });
});

describe('場地及公務車申請紀錄', () => {
  it('lists only the user’s own bookings, filtered by keyword, dates and 審核狀態, with 詳細 and its timeline', async () => {
    const applicant = await createActiveUser(prisma);
    const s = await login(applicant.account);
    const tag = crypto.randomBytes(3).toString('hex');
    const hall = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id, name: `大禮堂${tag}` });
    const room = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id, name: `小會議室${tag}` });
    const car = await createResource(prisma, { kind: 'CAR', agencyId: otherAgencyId, custodian1Id: outsider.id });
    await prisma.resource.update({ where: { id: car.id }, data: { vehicleType: '九人座' } });
    const first = await book(hall, applicant, nextWeek, 9, 12, { status: 'APPROVED', host: '陳局長' });
    const second = await book(room, applicant, addDays(nextWeek, 7), 14, 16, { status: 'PENDING' });
    const trip = await book(car, applicant, addDays(nextWeek, 1), 8, 17, { status: 'PENDING' });
    const someoneElses = await book(room, colleague, addDays(nextWeek, 2), 9, 10);
    await prisma.request.create({
      data: {
        workflowId: first.workflowId,
        type: 'VENUE_BOOKING',
        status: 'APPROVED',
        statusLabel: '通過',
        applicantUserId: applicant.id,
        resourceId: hall.id,
        events: {
          create: [
            { seq: 1, kind: 'SUBMITTED', label: '送出申請', actorName: applicant.name },
            { seq: 2, kind: 'APPROVED', label: '通過', actorName: '保管人', comment: '請準時歸還' },
          ],
        },
      },
    });

    const venues = await s.get('/api/bookings/mine?kind=VENUE');
    expect(venues.status, JSON.stringify(venues.body)).toBe(200);
    expect(venues.body.total).toBe(2);
    expect(venues.body.items.map((r: { key: string }) => r.key)).toEqual([second.key, first.key]);
    expect(venues.body.items[1]).toMatchObject({
      resource: { name: hall.name },
      host: '陳局長',
      status: 'APPROVED',
      statusLabel: '通過',
      date: nextWeek,
      period: `${nextWeek.replaceAll('-', '/')} 9:00 - 12:00`,
    });

    const byHost = await s.get(`/api/bookings/mine?kind=VENUE&q=${encodeURIComponent('陳局長')}`);
    expect(byHost.body.items.map((r: { key: string }) => r.key)).toEqual([first.key]);
    const byVenue = await s.get(`/api/bookings/mine?kind=VENUE&q=${encodeURIComponent(`小會議室${tag}`)}`);
    expect(byVenue.body.items.map((r: { key: string }) => r.key)).toEqual([second.key]);
    const byStatus = await s.get('/api/bookings/mine?kind=VENUE&status=PENDING');
    expect(byStatus.body.items.map((r: { key: string }) => r.key)).toEqual([second.key]);
    const byDates = await s.get(`/api/bookings/mine?kind=VENUE&from=${nextWeek}&to=${nextWeek}`);
    expect(byDates.body.items.map((r: { key: string }) => r.key)).toEqual([first.key]);
    const none = await s.get(`/api/bookings/mine?kind=VENUE&from=${addDays(nextWeek, 1)}&to=${addDays(nextWeek, 6)}`);
    expect(none.body).toEqual({ total: 0, items: [] });
    const badRange = await s.get(`/api/bookings/mine?kind=VENUE&from=${nextWeek}&to=${addDays(nextWeek, -1)}`);
    expect(badRange.status).toBe(400);
    expect(badRange.body.error.fields).toEqual({ to: '迄日不可早於起日' });

    const cars = await s.get('/api/bookings/mine?kind=CAR');
    expect(cars.body.items.map((r: { key: string }) => r.key)).toEqual([trip.key]);
    const byType = await s.get(`/api/bookings/mine?kind=CAR&q=${encodeURIComponent('九人座')}`);
    expect(byType.body.total).toBe(1);
    const otherAgencyName = (await prisma.organization.findUniqueOrThrow({ where: { id: otherAgencyId } })).name;
    const byOwner = await s.get(`/api/bookings/mine?kind=CAR&q=${encodeURIComponent(otherAgencyName)}`);
    expect(byOwner.body.total).toBe(1);
    expect((await s.get('/api/bookings/mine?kind=CAR&q=no-such-car-type')).body.total).toBe(0);

    const detail = await s.get(`/api/bookings/mine/${first.key}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      key: first.key,
      phone: '2991111',
      phoneExt: '123',
      reason: '業務會議',
      headcount: 5,
      allowedActions: ['cancel'],
    });
    expect(detail.body.events.map((e: { label: string }) => e.label)).toEqual(['送出申請', '通過']);
    expect(detail.body.events[1].comment).toBe('請準時歸還');
    expect(detail.body.temporalUrl).toContain(encodeURIComponent(first.workflowId));

    // Another user's booking does not exist for this one.
    expect((await s.get(`/api/bookings/mine/${someoneElses.key}`)).status).toBe(404);
    expect((await session.get(`/api/bookings/mine/${first.key}`)).status).toBe(404);
  });

  it('offers 取消申請 only before the start and while pending, waitlisted or approved', async () => {
    const applicant = await createActiveUser(prisma);
    const s = await login(applicant.account);
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: colleague.id });
    const past = await book(venue, applicant, addDays(today, -3), 9, 10, { status: 'APPROVED' });
    const rejected = await book(venue, applicant, nextWeek, 9, 10, { status: 'REJECTED' });
    const waitlisted = await book(venue, applicant, nextWeek, 9, 10, { status: 'WAITLISTED' });
    expect((await s.get(`/api/bookings/mine/${past.key}`)).body.allowedActions).toEqual([]);
    expect((await s.get(`/api/bookings/mine/${rejected.key}`)).body).toMatchObject({ allowedActions: [], statusLabel: '駁回' });
    expect((await s.get(`/api/bookings/mine/${waitlisted.key}`)).body).toMatchObject({
      allowedActions: ['cancel'],
      statusLabel: '候補中',
      events: [],
    });
  });
});
