import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { BookingStatus, Resource, User } from '@prisma/client';
import express from 'express';
import ICAL from 'ical.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, taipeiInstant, taipeiParts } from '../../../domain/bookings/slots';
import { createAddressLimit } from '../../../api/address-limit';
import { MAX_LIVE_FEEDS } from '../../../api/commands/calendar-feeds';
import { errorHandler } from '../../../api/errors';
import { calendarFileRoutes } from '../../../api/routes/calendar-feeds';
import { createPrisma } from '../../../infra/db/prisma';
import { e2e, eventually, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { recordIssued } from '../../support/issued';
import { createResource } from '../../support/resources';
import { createActiveUser } from './support-users';

// 行事曆訂閱 over HTTP against the running API: feeds made through /api/calendar-feeds, fetched the
// way Google 日曆 or Outlook fetch them (no cookie), and read back with a real iCalendar parser.
const env = testEnv();
const prisma = createPrisma(env.DATABASE_URL);
afterAll(() => prisma.$disconnect());

const FEED_URL = /^(https?:\/\/[^/]+)\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/;
const today = taipeiParts(new Date()).date;
/** [start, end) on a Taipei day `offset` days from today, hours in Taipei wall-clock. */
const at = (offset: number, fromHour: number, toHour: number) => ({
  startsAt: taipeiInstant(addDays(today, offset), fromHour * 60),
  endsAt: taipeiInstant(addDays(today, offset), toHour * 60),
});
const taipeiClock = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Taipei',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

async function person(name: string) {
  const user = await createActiveUser(prisma);
  return prisma.user.update({ where: { id: user.id }, data: { name } });
}

async function loggedIn(user: User) {
  const session = apiSession();
  const login = await session.login(user.account);
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return session;
}

const agencyOf = async (user: User) => {
  const org = await prisma.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
  return org.agencyId ?? org.id;
};

/** A booking straight into the table, as the booking workflows leave it. */
async function booking(opts: {
  resource: Resource;
  applicant: User;
  status: BookingStatus;
  when: { startsAt: Date; endsAt: Date };
  reason: string;
  driver?: Resource;
}) {
  const key = `${opts.resource.kind === 'VENUE' ? 'VB' : 'CB'}-test-${crypto.randomBytes(5).toString('hex')}`;
  return prisma.booking.create({
    data: {
      key,
      workflowId: `${opts.resource.kind === 'VENUE' ? 'venue' : 'car'}-booking-${key}`,
      kind: opts.resource.kind,
      resourceId: opts.resource.id,
      driverId: opts.driver?.id ?? null,
      ...opts.when,
      status: opts.status,
      applicantUserId: opts.applicant.id,
      unitId: opts.applicant.organizationId,
      agencyId: await agencyOf(opts.applicant),
      phone: '2991111',
      phoneExt: '123',
      headcount: 6,
      reason: opts.reason,
      host: opts.resource.kind === 'VENUE' ? '王主任' : null,
      destination: opts.resource.kind === 'CAR' ? '安平區公所' : null,
    },
  });
}

/** The feed as a calendar service fetches it: no cookie, no session; its events by UID. */
async function fetchFeed(url: string, requestId = `calendar-${crypto.randomUUID()}`) {
  const response = await fetch(url, { headers: { 'x-request-id': requestId } });
  const text = await response.text();
  if (response.status !== 200) return { status: response.status, text, events: new Map<string, ICAL.Event>() };
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    calendar,
    text,
    events: new Map(events.map((e) => [e.uid.split('@')[0]!, e])),
  };
}

async function newFeed(session: ReturnType<typeof apiSession>, body: { resourceId?: string } = {}) {
  const created = await session.post('/api/calendar-feeds', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const match = FEED_URL.exec(created.body.url);
  expect(match, created.body.url).not.toBeNull();
  return { id: created.body.id as string, url: created.body.url as string, token: match![2]! };
}

let applicant: User;
let custodian: User;
let outsider: User;
let venue: Resource;
let car: Resource;
let driver: Resource;

beforeAll(async () => {
  [applicant, custodian, outsider] = await Promise.all([person('林美訂'), person('陳保管'), person('張局外')]);
  const agencyId = await agencyOf(custodian);
  venue = await createResource(prisma, { kind: 'VENUE', agencyId, custodian1Id: custodian.id });
  driver = await createResource(prisma, { kind: 'DRIVER', agencyId, custodian1Id: custodian.id });
  car = await createResource(prisma, { kind: 'CAR', agencyId, custodian1Id: custodian.id, driverIds: [driver.id] });
});

describe('行事曆訂閱 (real API, PostgreSQL)', () => {
  it("a person's own feed: their approved bookings from 30 days back, in Asia/Taipei terms, fetched without a session", async () => {
    const session = await loggedIn(applicant);
    const feed = await newFeed(session);
    expect(new URL(feed.url).origin).toBe(new URL(env.WEB_URL).origin);

    const approvedVenue = await booking({
      resource: venue,
      applicant,
      status: 'APPROVED',
      when: at(3, 9, 11),
      reason: '業務會報',
    });
    const approvedCar = await booking({
      resource: car,
      applicant,
      driver,
      status: 'APPROVED',
      when: at(4, 13, 17),
      reason: '會勘',
    });
    const recent = await booking({ resource: venue, applicant, status: 'APPROVED', when: at(-10, 14, 15), reason: '上旬會議' });
    const old = await booking({ resource: venue, applicant, status: 'APPROVED', when: at(-40, 14, 15), reason: '舊會議' });
    const notShown = await Promise.all(
      (['PENDING', 'REJECTED', 'CANCELLED', 'WAITLISTED', 'EXPIRED'] as const).map((status, i) =>
        booking({ resource: venue, applicant, status, when: at(5 + i, 9, 10), reason: `不顯示-${status}` }),
      ),
    );
    const someoneElses = await booking({
      resource: venue,
      applicant: outsider,
      status: 'APPROVED',
      when: at(3, 14, 16),
      reason: '他人',
    });

    const fetched = await fetchFeed(feed.url);
    expect(fetched.status).toBe(200);
    expect(fetched.contentType).toBe('text/calendar; charset=utf-8');
    expect(fetched.calendar!.getFirstPropertyValue('x-wr-calname')).toBe('我的借用（林美訂）');
    expect([...fetched.events.keys()].sort()).toEqual([approvedVenue.key, approvedCar.key, recent.key].sort());
    for (const b of [old, someoneElses, ...notShown]) expect(fetched.events.has(b.key), b.status).toBe(false);

    const v = fetched.events.get(approvedVenue.key)!;
    expect(v.summary).toBe(`${venue.name}｜業務會報`);
    expect(v.location).toBe('民治市政中心 10樓');
    expect(v.startDate.toJSDate().getTime()).toBe(approvedVenue.startsAt.getTime());
    expect(v.endDate.toJSDate().getTime()).toBe(approvedVenue.endsAt.getTime());
    expect(taipeiClock(v.startDate.toJSDate())).toBe(`${addDays(today, 3)}, 09:00`);
    expect(taipeiClock(v.endDate.toJSDate())).toBe(`${addDays(today, 3)}, 11:00`);
    expect(v.description).toContain('借用單位：');
    expect(v.description).toContain('登記者：林美訂');
    expect(v.description).toContain('主持人：王主任');
    expect(v.component.getFirstPropertyValue('url')).toMatch(new RegExp(`/applications/booking-records/${approvedVenue.key}$`));

    const c = fetched.events.get(approvedCar.key)!;
    expect(c.summary).toBe(`小客車 ${car.name}｜會勘`);
    expect(c.description).toContain('目的地：安平區公所');
    expect(c.description).toContain(`派遣司機：${driver.name}`);
    expect(taipeiClock(c.startDate.toJSDate())).toBe(`${addDays(today, 4)}, 13:00`);

    // Cancelled after the subscription: gone at the next refresh.
    await prisma.booking.update({ where: { id: approvedVenue.id }, data: { status: 'CANCELLED', cancelledAt: new Date() } });
    expect((await fetchFeed(feed.url)).events.has(approvedVenue.key)).toBe(false);

    // The list names the feed and never carries its address or token.
    const list = await session.get('/api/calendar-feeds');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: feed.id, label: '我的借用', resourceId: null })]);
    expect(JSON.stringify(list.body)).not.toContain(feed.token);
    const stored = await prisma.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(stored.tokenHash).toBe(crypto.createHash('sha256').update(feed.token).digest('hex'));
    const usage = await prisma.usageRecord.findFirstOrThrow({ where: { userId: applicant.id, action: 'calendar.feedCreate' } });
    expect(JSON.stringify(usage)).not.toContain(feed.token);
  });

  it("a resource's feed for its custodian: the venue's approved bookings, a driver's dispatches; refused to others", async () => {
    const session = await loggedIn(custodian);
    const choices = await session.get('/api/calendar-feeds/resources');
    expect(choices.status).toBe(200);
    expect(choices.body.items).toEqual(
      expect.arrayContaining([
        { id: venue.id, kind: 'VENUE', label: venue.name },
        { id: car.id, kind: 'CAR', label: `小客車 ${car.name}` },
        { id: driver.id, kind: 'DRIVER', label: `派遣司機 ${driver.name}` },
      ]),
    );

    const venueFeed = await newFeed(session, { resourceId: venue.id });
    const driverFeed = await newFeed(session, { resourceId: driver.id });
    const someone = await person('趙借用');
    const onVenue = await booking({ resource: venue, applicant: someone, status: 'APPROVED', when: at(6, 8, 9), reason: '訓練' });
    const pendingOnVenue = await booking({
      resource: venue,
      applicant: someone,
      status: 'PENDING',
      when: at(6, 9, 10),
      reason: '待審',
    });
    const dispatched = await booking({
      resource: car,
      applicant: someone,
      driver,
      status: 'APPROVED',
      when: at(7, 8, 12),
      reason: '載送',
    });
    const selfDriven = await booking({
      resource: car,
      applicant: someone,
      status: 'APPROVED',
      when: at(7, 13, 15),
      reason: '自駕',
    });

    const venueEvents = (await fetchFeed(venueFeed.url)).events;
    expect(venueEvents.has(onVenue.key)).toBe(true);
    expect(venueEvents.has(pendingOnVenue.key)).toBe(false);
    expect(venueEvents.has(dispatched.key)).toBe(false);
    const driverFetched = await fetchFeed(driverFeed.url);
    expect(driverFetched.calendar!.getFirstPropertyValue('x-wr-calname')).toBe(`派遣司機 ${driver.name}`);
    expect(driverFetched.events.has(dispatched.key)).toBe(true);
    expect(driverFetched.events.has(selfDriven.key)).toBe(false);
    // A resource's event links nowhere: its custodian's page for it is not the applicant's record.
    expect(venueEvents.get(onVenue.key)!.component.getFirstPropertyValue('url')).toBeNull();

    const list = await session.get('/api/calendar-feeds');
    expect(list.body.items.map((f: { label: string }) => f.label)).toEqual([`派遣司機 ${driver.name}`, venue.name]);

    // Not theirs: 403 for someone who does not manage it, 404 for one that does not exist, 400 for a malformed id.
    const stranger = await loggedIn(outsider);
    const before = await prisma.calendarFeed.count({ where: { userId: outsider.id } });
    const refused = await stranger.post('/api/calendar-feeds', { resourceId: venue.id });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await stranger.get('/api/calendar-feeds/resources')).body.items).toEqual([]);
    const missing = await stranger.post('/api/calendar-feeds', { resourceId: 'c' + '0'.repeat(24) });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('找不到此場地、公務車或派遣司機。');
    const malformed = await stranger.post('/api/calendar-feeds', { resourceId: 'not an id' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toEqual({ resourceId: '請選擇要訂閱的場地、公務車或派遣司機' });
    expect(await prisma.calendarFeed.count({ where: { userId: outsider.id } })).toBe(before);

    // A custodian replaced in 保管人設定 loses the resource's feed at once.
    await prisma.resource.update({ where: { id: venue.id }, data: { custodian1Id: outsider.id } });
    try {
      expect((await fetchFeed(venueFeed.url)).status).toBe(404);
    } finally {
      await prisma.resource.update({ where: { id: venue.id }, data: { custodian1Id: custodian.id } });
    }
    expect((await fetchFeed(venueFeed.url)).status).toBe(200);
  });

  it('停止訂閱: the address answers 404 at once; only the owner can stop a feed', async () => {
    const owner = await person('吳停訂');
    const session = await loggedIn(owner);
    const feed = await newFeed(session);
    expect((await fetchFeed(feed.url)).status).toBe(200);

    const other = await loggedIn(outsider);
    expect((await other.delete(`/api/calendar-feeds/${feed.id}`)).status).toBe(404);
    expect((await fetchFeed(feed.url)).status).toBe(200);

    expect((await session.delete(`/api/calendar-feeds/${feed.id}`)).status).toBe(204);
    const gone = await fetchFeed(feed.url);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.text).error.message).toBe('找不到此行事曆訂閱，訂閱可能已停止。');
    expect((await session.get('/api/calendar-feeds')).body.items).toEqual([]);
    expect((await session.delete(`/api/calendar-feeds/${feed.id}`)).status).toBe(404);
    expect(await prisma.usageRecord.count({ where: { userId: owner.id, action: 'calendar.feedRevoke' } })).toBe(1);
  });

  it('at most 20 live feeds a person: the 21st is refused in zh-TW and nothing is written; 停止訂閱 frees a place', async () => {
    const user = await person('許上限');
    const session = await loggedIn(user);
    const feeds = [];
    for (let i = 0; i < MAX_LIVE_FEEDS; i++) feeds.push(await newFeed(session));
    const refused = await session.post('/api/calendar-feeds', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('行事曆訂閱最多 20 個，請先停止不再使用的訂閱。');
    expect(await prisma.calendarFeed.count({ where: { userId: user.id } })).toBe(MAX_LIVE_FEEDS);
    expect((await session.delete(`/api/calendar-feeds/${feeds[0]!.id}`)).status).toBe(204);
    await newFeed(session);
  });

  it('unknown or malformed tokens are 404; the feed list needs a login', async () => {
    const base = e2e.baseUrl();
    const unknown = crypto.randomBytes(32).toString('base64url');
    recordIssued('probe calendar token', unknown);
    expect((await fetchFeed(`${base}/api/calendar/${unknown}.ics`)).status).toBe(404);
    expect((await fetchFeed(`${base}/api/calendar/short.ics`)).status).toBe(404);
    expect((await fetch(`${base}/api/calendar-feeds`)).status).toBe(401);
    expect((await fetch(`${base}/api/calendar-feeds`, { method: 'POST' })).status).toBe(401);
  });

  it('the token never reaches the API log', async () => {
    const logFile = process.env.API_LOG_FILE;
    if (!logFile) throw new Error('API_LOG_FILE is not set (scripts/test.mjs sets it)');
    const offset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const session = await loggedIn(applicant);
    const feed = await newFeed(session);
    const requestId = `calendar-log-${crypto.randomUUID()}`;
    expect((await fetchFeed(feed.url, requestId)).status).toBe(200);
    expect((await session.delete(`/api/calendar-feeds/${feed.id}`)).status).toBe(204);
    const revokedId = `calendar-log-${crypto.randomUUID()}`;
    expect((await fetchFeed(feed.url, revokedId)).status).toBe(404);
    const log = await eventually(async () => {
      const text = fs.readFileSync(logFile).subarray(offset).toString('utf8');
      return text.includes(requestId) && text.includes(revokedId) ? text : null;
    });
    expect(log).toContain('/api/calendar/:token.ics');
    expect(log).not.toContain(feed.token);
  });
});

describe('行事曆訂閱 feeds are limited per address, across replicas', () => {
  const pools = [0, 1].map(() => new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 }));
  const FETCHES = 3;
  let servers: Server[] = [];
  let bases: string[] = [];
  beforeAll(async () => {
    servers = pools.map((pool) => {
      const app = express();
      app.set('trust proxy', 'loopback');
      const limit = createAddressLimit(pool, { keyPrefix: 'calendar-feed', pointsPerMinute: FETCHES });
      app.use('/api/calendar', calendarFileRoutes({ prisma, webUrl: 'http://127.0.0.1', limit }));
      app.use(errorHandler);
      return app.listen(0, '127.0.0.1');
    });
    await Promise.all(servers.map((s) => new Promise((r) => s.once('listening', r))));
    bases = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/api/calendar`);
  });
  afterAll(async () => {
    for (const server of servers) server.close();
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it('over budget: 429 RATE_LIMITED in zh-TW with the wait, before the token is looked at', async () => {
    const ip = `198.51.100.${crypto.randomInt(1, 250)}`;
    const session = await loggedIn(applicant);
    const { token } = await newFeed(session);
    const get = (replica: number, address: string) =>
      fetch(`${bases[replica]}/${token}.ics`, { headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < FETCHES; i++) expect((await get(i % 2, ip)).status).toBe(200);
    const refused = await get(1, ip);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^操作過於頻繁，請於 \d+ 秒後再試$/);
    expect((await get(0, `198.51.100.${(Number(ip.split('.')[3]) % 250) + 1}`)).status).toBe(200);
  });
});
