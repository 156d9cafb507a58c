import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { createClients } from '../../../infra/clients';
import { addDays, taipeiInstant, taipeiParts } from '../../../domain/bookings/slots';
import { latestMail } from '../../support/applicant';
import { e2e, eventually, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { createResource, WEEKDAYS } from '../../support/resources';
import { createActiveUser } from './support-users';

// 場地借用 / 公務車借用 over HTTP with the real API, worker, Temporal, PostgreSQL, SMTP sink and the
// Mitake simulator: submit, the slot held by the database, custodian review (one and a batch), mails,
// the driver's SMS, cancel, the waiting list, and bad input refused in zh-TW with nothing written.
const clients = createClients(testEnv());
const prisma: PrismaClient = clients.prisma;
afterAll(() => clients.prisma.$disconnect());

const today = taipeiParts(new Date()).date;
/** A week ahead, at Taipei hours (the default resources are open every day 8:00–18:00). */
const slot = (from: number, to: number, days = 7) => ({
  startsAt: taipeiInstant(addDays(today, days), from * 60).toISOString(),
  endsAt: taipeiInstant(addDays(today, days), to * 60).toISOString(),
});

async function session(account: string) {
  const s = apiSession();
  const login = await s.login(account, e2e.password());
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return s;
}

const venueForm = (resourceId: string, times = slot(9, 12)) => ({
  kind: 'VENUE',
  resourceId,
  ...times,
  phone: '2991111',
  phoneExt: '8001',
  headcount: 12,
  host: '陳科長',
  reason: '年度資安教育訓練',
});

let g01: string;
let custodian: Awaited<ReturnType<typeof createActiveUser>>;
let applicant: Awaited<ReturnType<typeof createActiveUser>>;

beforeAll(async () => {
  g01 = (await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } })).id;
  custodian = await createActiveUser(prisma, 'G01');
  applicant = await createActiveUser(prisma);
});

const bookingsOf = (resourceId: string) => prisma.booking.count({ where: { resourceId } });

describe('場地借用申請 → 場地借用審核 (real API, worker, Temporal, SMTP)', () => {
  it('a booking holds its slot from submission; the custodian approves it; the applicant is mailed 通過', async () => {
    const venue = await createResource(prisma, {
      kind: 'VENUE',
      agencyId: g01,
      custodian1Id: custodian.id,
      name: `小禮堂-${Date.now()}`,
    });
    const s = await session(applicant.account);
    const submitted = await s.post('/api/bookings', venueForm(venue.id));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'PENDING', statusLabel: '未審核' });
    const key = submitted.body.key as string;
    expect(key).toMatch(/^VB-\d{8}-[A-Z0-9]{6}$/);

    // The same slot again, or one overlapping it, is refused with the time; one ending as it starts is not.
    const again = await s.post('/api/bookings', venueForm(venue.id, slot(11, 13)));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('BOOKING_CONFLICT');
    expect(again.body.error.message).toContain('此時段已被申請');
    expect(again.body.error.message).toContain('11:00 - 13:00');
    const adjacent = await s.post('/api/bookings', venueForm(venue.id, slot(12, 13)));
    expect(adjacent.status, JSON.stringify(adjacent.body)).toBe(201);

    // The custodian is mailed and finds it in 場地借用審核.
    const custodianMail = await latestMail(custodian.backupEmail!, '待您審核');
    expect(custodianMail.body).toContain(venue.name);
    const c = await session(custodian.account);
    const inbox = await eventually(async () => {
      const list = await c.get('/api/console/venue-bookings?status=PENDING');
      return list.body.items?.length === 2 ? list.body : undefined;
    });
    const row = inbox.items.find((i: { key: string }) => i.key === key);
    expect(row).toMatchObject({ statusLabel: '未審核', reason: '年度資安教育訓練', unitName: expect.any(String) });
    expect(row.when).toContain('9:00 - 12:00');

    const detail = await c.get(`/api/console/venue-bookings/${row.id}`);
    expect(detail.body.allowedActions).toEqual(['decide']);
    expect(detail.body.temporalUrl).toContain(`venue-booking-${key}`);
    const approved = await c.post(`/api/console/venue-bookings/${row.id}/decision`, {
      decision: 'APPROVE',
      comment: '請準時歸還',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('APPROVED');
    expect((await prisma.booking.findUniqueOrThrow({ where: { key } })).status).toBe('APPROVED');
    const mail = await latestMail(applicant.backupEmail!, '已核准');
    expect(mail.body).toContain('請準時歸還');
    // A second decision is refused.
    const twice = await c.post(`/api/console/venue-bookings/${row.id}/decision`, { decision: 'REJECT', comment: '改變主意' });
    expect(twice.status).toBe(409);
  });

  it('a batch decides several with progress per item; the rejected slot is free again', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId: g01, custodian1Id: custodian.id });
    const s = await session(applicant.account);
    const keys: string[] = [];
    for (const times of [slot(8, 9), slot(9, 10)])
      keys.push((await s.post('/api/bookings', venueForm(venue.id, times))).body.key);
    const c = await session(custodian.account);
    const ids = await eventually(async () => {
      const list = await c.get('/api/console/venue-bookings?status=PENDING&q=' + encodeURIComponent(applicant.account));
      const mine = list.body.items.filter((i: { key: string }) => keys.includes(i.key));
      return mine.length === 2 ? mine.map((i: { id: string }) => i.id) : undefined;
    });
    const noComment = await c.post('/api/console/venue-bookings/batch-decision', { ids, decision: 'REJECT' });
    expect(noComment.status).toBe(400);
    const batch = await c.post('/api/console/venue-bookings/batch-decision', { ids, decision: 'REJECT', comment: '場地保養' });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect(batch.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    await latestMail(applicant.backupEmail!, '未通過審核');
    // Released: the same slot can be booked again.
    expect((await s.post('/api/bookings', venueForm(venue.id, slot(8, 9)))).status).toBe(201);
  });

  it('bad input gets a specific zh-TW error and writes nothing', async () => {
    const venue = await createResource(prisma, {
      kind: 'VENUE',
      agencyId: g01,
      custodian1Id: custodian.id,
      capacity: 20,
      openHours: WEEKDAYS,
    });
    const closedOnly = await createResource(prisma, {
      kind: 'VENUE',
      agencyId: g01,
      custodian1Id: custodian.id,
      audience: 'OWN_AGENCY',
    });
    const s = await session(applicant.account);
    const saturday = (() => {
      for (let d = 1; d <= 8; d++) {
        const date = addDays(today, d);
        if (new Date(`${date}T00:00:00Z`).getUTCDay() === 6) return d;
      }
      return 6;
    })();
    const yesterday = slot(9, 10, -1);
    const cases: [object, number, string][] = [
      [venueForm(venue.id, yesterday), 400, '不可申請已過去的時段'],
      [venueForm(venue.id, slot(7, 9)), 400, '借用時段不在開放借用時間內'],
      [venueForm(venue.id, slot(9, 10, saturday)), 400, '周六不開放'],
      [venueForm(venue.id, slot(12, 9)), 400, '結束時段須晚於開始時段'],
      [{ ...venueForm(venue.id), headcount: 21 }, 400, '與會人數不可超過容納人數（20 人）'],
      [{ ...venueForm(venue.id), host: '' }, 400, '請填寫主持人'],
      [{ ...venueForm(venue.id), reason: '   ' }, 400, '請填寫申請事由'],
      [{ ...venueForm(venue.id), startsAt: 'tomorrow' }, 400, '請選擇借用時段'],
      [venueForm(closedOnly.id), 403, '貴機關不在此場地的允許借用機關內'],
      [venueForm('no-such-venue'), 404, '找不到此場地'],
    ];
    for (const [body, status, message] of cases) {
      const answer = await s.post('/api/bookings', body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(JSON.stringify(answer.body.error), JSON.stringify(body)).toContain(message);
    }
    expect(await bookingsOf(venue.id)).toBe(0);
    expect(await bookingsOf(closedOnly.id)).toBe(0);
  });

  it('100 concurrent submissions for one slot: exactly one holds it, the others are told 此時段已被申請', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId: g01, custodian1Id: custodian.id });
    const s = await session(applicant.account);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => s.post('/api/bookings', venueForm(venue.id, slot(14, 16)))),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((st) => st === 201)).toHaveLength(1);
    expect(statuses.filter((st) => st === 409)).toHaveLength(99);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.error.message).toContain('此時段已被申請（');
    expect(await prisma.booking.count({ where: { resourceId: venue.id, status: { in: ['PENDING', 'APPROVED'] } } })).toBe(1);
  });

  it('a waiting request is offered the slot when the holder cancels; the custodian is told of the cancellation', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId: g01, custodian1Id: custodian.id });
    const first = await session(applicant.account);
    const other = await createActiveUser(prisma);
    const second = await session(other.account);
    const held = await first.post('/api/bookings', venueForm(venue.id, slot(10, 12)));
    expect(held.status).toBe(201);
    const refused = await second.post('/api/bookings', venueForm(venue.id, slot(11, 12)));
    expect(refused.status).toBe(409);
    expect(refused.body.error.details?.canWaitlist ?? refused.body.error.canWaitlist).toBeTruthy();
    const waiting = await second.post('/api/bookings', { ...venueForm(venue.id, slot(11, 12)), waitlist: true });
    expect(waiting.status, JSON.stringify(waiting.body)).toBe(201);
    expect(waiting.body).toMatchObject({ status: 'WAITLISTED', statusLabel: '候補中' });

    // The custodian deciding the held one sees the waiting request beside it.
    const c = await session(custodian.account);
    const heldRequest = await eventually(() =>
      prisma.request.findFirst({ where: { workflowId: `venue-booking-${held.body.key}` } }),
    );
    const detail = await eventually(async () => {
      const d = await c.get(`/api/console/venue-bookings/${heldRequest.id}`);
      return d.body.competing?.length ? d.body : undefined;
    });
    expect(detail.competing).toEqual([expect.objectContaining({ key: waiting.body.key, statusLabel: '候補中' })]);

    // Someone else cannot cancel it; the applicant can.
    expect((await second.post(`/api/bookings/${held.body.key}/cancel`, {})).status).toBe(404);
    const cancelled = await eventually(async () => {
      const a = await first.post(`/api/bookings/${held.body.key}/cancel`, { reason: '會議延期' });
      return a.status === 200 ? a : undefined;
    });
    expect(cancelled.body.statusLabel).toBe('已取消');
    await latestMail(custodian.backupEmail!, '已由申請人取消');
    await eventually(async () => (await prisma.booking.findUnique({ where: { key: waiting.body.key } }))?.status === 'PENDING');
    await latestMail(other.backupEmail!, '已送出');
    // Cancelling twice is refused in words.
    const twice = await first.post(`/api/bookings/${held.body.key}/cancel`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('無法取消');
  });
});

describe('公務車借用登記 with a dispatched driver', () => {
  it('the driver cannot be double-booked across two cars; approval texts the driver and mails their 管理人', async () => {
    const manager = await createActiveUser(prisma, 'G01');
    const mobile = `09${String(Date.now()).slice(-8)}`;
    const driver = await createResource(prisma, {
      kind: 'DRIVER',
      agencyId: g01,
      custodian1Id: manager.id,
      phone: mobile,
      name: '王大哥',
    });
    const carA = await createResource(prisma, {
      kind: 'CAR',
      agencyId: g01,
      custodian1Id: custodian.id,
      driverIds: [driver.id],
      capacity: 4,
    });
    const carB = await createResource(prisma, { kind: 'CAR', agencyId: g01, custodian1Id: custodian.id, driverIds: [driver.id] });
    const s = await session(applicant.account);
    const carForm = (resourceId: string, extra: object = {}) => ({
      kind: 'CAR',
      resourceId,
      ...slot(9, 11),
      phone: '2991111',
      phoneExt: '',
      headcount: 3,
      reason: '會勘',
      destination: '永華市政中心',
      selfDrive: false,
      driverId: driver.id,
      ...extra,
    });
    expect((await s.post('/api/bookings', carForm(carA.id, { headcount: 5 }))).body.error.message).toContain(
      '乘坐人數(不含司機)不可超過乘客人數上限（4 人）',
    );
    expect((await s.post('/api/bookings', carForm(carA.id, { driverId: undefined }))).body.error.fields.driverId).toBe(
      '請選擇派遣司機',
    );
    const a = await s.post('/api/bookings', carForm(carA.id));
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const b = await s.post('/api/bookings', carForm(carB.id));
    expect(b.status).toBe(409);
    expect(b.body.error.message).toContain('此時段已被申請：所選派遣司機');
    // Self-drive on car B at that time is fine: only the driver was taken.
    expect((await s.post('/api/bookings', carForm(carB.id, { selfDrive: true, driverId: undefined }))).status).toBe(201);

    const c = await session(custodian.account);
    const row = await eventually(async () =>
      (await c.get('/api/console/car-bookings')).body.items?.find((i: { key: string }) => i.key === a.body.key),
    );
    expect(row.driverName).toBe('王大哥');
    // A venue-only custodian's inbox is not this one's: a plain user gets nothing.
    expect((await (await session(applicant.account)).get('/api/console/car-bookings')).status).toBe(403);
    const decided = await c.post(`/api/console/car-bookings/${row.id}/decision`, { decision: 'APPROVE' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const sms = await eventually(async () => {
      const { messages } = (await (await fetch(`${e2e.baseUrl()}/dev/sms/messages?to=${mobile}`)).json()) as {
        messages: { body: string }[];
      };
      return messages.find((m) => m.body.includes('派遣通知'));
    });
    expect(sms.body).toContain('永華市政中心');
    await latestMail(manager.backupEmail!, '派遣通知');

    // The custodian withdraws it with a reason: the applicant is told, the driver texted again.
    expect((await c.post(`/api/console/car-bookings/${row.id}/revoke`, { reason: '' })).status).toBe(400);
    const revoked = await c.post(`/api/console/car-bookings/${row.id}/revoke`, { reason: '車輛送修' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const mail = await latestMail(applicant.backupEmail!, '已取消');
    expect(mail.body).toContain('車輛送修');
    await eventually(async () => {
      const { messages } = (await (await fetch(`${e2e.baseUrl()}/dev/sms/messages?to=${mobile}`)).json()) as {
        messages: { body: string }[];
      };
      return messages.some((m) => m.body.includes('派遣取消'));
    });
  });

  it('a custodian of another agency’s car sees nothing of it', async () => {
    const stranger = await createActiveUser(prisma, 'G01');
    await createResource(prisma, { kind: 'CAR', agencyId: g01, custodian1Id: stranger.id });
    const car = await createResource(prisma, { kind: 'CAR', agencyId: g01, custodian1Id: custodian.id });
    const s = await session(applicant.account);
    const booked = await s.post('/api/bookings', {
      kind: 'CAR',
      resourceId: car.id,
      ...slot(15, 16),
      phone: '2991111',
      headcount: 1,
      reason: '洽公',
      destination: '新營區',
      selfDrive: true,
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const x = await session(stranger.account);
    const list = await x.get('/api/console/car-bookings?status=ALL');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { key: string }) => i.key)).not.toContain(booked.body.key);
    const request = await eventually(() => prisma.request.findFirst({ where: { workflowId: `car-booking-${booked.body.key}` } }));
    expect((await x.get(`/api/console/car-bookings/${request.id}`)).status).toBe(403);
    expect((await x.post(`/api/console/car-bookings/${request.id}/decision`, { decision: 'APPROVE' })).status).toBe(403);
  });
});
