import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { e2e, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { downloadSheet } from '../../support/xlsx';
import { ALL_WEEK, createResource } from '../../support/resources';
import { createActiveUser, createAgencyAdmin } from './support-users';

// 物品管理 (場地清單管理, 公務車清單管理, 派遣司機清單管理) over HTTP with the real API and PostgreSQL:
// who sees and changes which item (表 2), the zh-TW refusals that write nothing, 保管人設定 with its
// log and Excel export, 場地相關圖檔's checks, 刪除 with bookings ahead, 借用紀錄 / 派遣紀錄.
const clients = createClients(testEnv());
const prisma = clients.prisma;
afterAll(async () => {
  await prisma.$disconnect();
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

interface Who {
  id: string;
  account: string;
  session: ReturnType<typeof apiSession>;
}

async function login(account: string, id: string): Promise<Who> {
  const session = apiSession();
  const answer = await session.login(account);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { id, account, session };
}

const adminOf = (agencyCode: string, unitCode: string) => createAgencyAdmin(prisma, agencyCode, unitCode);

const agencyId = async (code: string) => (await prisma.organization.findUniqueOrThrow({ where: { code } })).id;

let g01: string;
let other: string;
let g01Admin: Who;
let otherAdmin: Who;
let sysadmin: Who;
let custodian: Who;
let plain: Who;
let colleague: { id: string; account: string; name: string };

beforeAll(async () => {
  g01 = await agencyId('G01');
  other = await agencyId('G15');
  const [a, b, c, p, col] = await Promise.all([
    adminOf('G01', 'G01-91'),
    adminOf('G15', 'G15-01'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
  ]);
  const sys = await prisma.user.findUniqueOrThrow({ where: { account: e2e.sysadmin() } });
  [g01Admin, otherAdmin, sysadmin, plain, custodian] = await Promise.all([
    login(a.account, a.id),
    login(b.account, b.id),
    login(sys.account, sys.id),
    login(p.account, p.id),
    login(c.account, c.id),
  ]);
  colleague = col;
});

const venueBody = (over: Record<string, unknown> = {}) => ({
  locationId: 'loc-minzhi',
  floor: '2樓',
  name: `活動中心-${crypto.randomBytes(3).toString('hex')}`,
  agencyId: g01,
  capacity: 100,
  openHours: [...ALL_WEEK.slice(0, 5), { open: 9 * 60, close: 12 * 60 }, null],
  phone: '2991111',
  phoneExt: '123',
  description: '投影設備',
  rules: '請保持整潔',
  isPublic: true,
  audience: 'OWN_AND_LISTED',
  allowedAgencyIds: [other],
  custodian1Id: custodian.id,
  ...over,
});

describe('物品管理 (real API, PostgreSQL)', () => {
  it("新增場地 only by the 管理機關's admins or a system admin; bad input is refused in zh-TW and writes nothing", async () => {
    // Counted by the names sent, not the whole table: other files in this slot create items meanwhile.
    const sent: string[] = [];
    const tracked = (over: Record<string, unknown> = {}) => {
      const body = venueBody(over);
      sent.push(body.name as string);
      return body;
    };
    // A plain user, and another agency's admin for this agency.
    expect((await plain.session.post('/api/items/venues', tracked())).status).toBe(403);
    expect((await otherAdmin.session.post('/api/items/venues', tracked())).status).toBe(403);

    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '  ' }, 'name', '請輸入場地名稱'],
      [{ floor: undefined }, 'floor', '請輸入所在樓層'],
      [{ capacity: 'abc' }, 'capacity', '容納人數須為數字'],
      [{ capacity: 0 }, 'capacity', '容納人數須介於 1 至 100000'],
      [{ openHours: Array(7).fill(null) }, 'openHours', '請至少設定一天開放借用時間'],
      [{ openHours: [{ open: 600, close: 540 }, ...ALL_WEEK.slice(1)] }, 'openHours.0', '結束時間須晚於開始時間'],
      [{ openHours: [{ open: 570, close: 600 }, ...ALL_WEEK.slice(1)] }, 'openHours.0', '開放借用時間須為整點'],
      [{ phone: '12-ab' }, 'phone', '場地電話格式錯誤，請填寫 6-10 位數字'],
      [{ isPublic: undefined }, 'isPublic', '請選擇是否公開'],
      [{ audience: 'EVERYONE' }, 'audience', '請選擇允許借用機關'],
      [{ custodian1Id: undefined }, 'custodian1Id', '請設置保管人 1'],
      [{ locationId: 'loc-nowhere' }, 'locationId', '請選擇所在地'],
      [{ allowedAgencyIds: [] }, 'allowedAgencyIds', '請加入至少一個其他機關（選擇機關後按 +）'],
      [{ custodian2Id: custodian.id }, 'custodian2Id', '保管人 1 與保管人 2 不可為同一人'],
      [{ custodian1Id: 'nobody-at-all-here-000' }, 'custodian1Id', '請設置保管人 1（須為已啟用的帳號）'],
    ];
    for (const [over, field, message] of cases) {
      const answer = await g01Admin.session.post('/api/items/venues', tracked(over));
      expect(answer.status, JSON.stringify(over)).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
      expect(answer.body.error.fields[field], JSON.stringify(answer.body)).toBe(message);
    }
    const driverName = `王司機-${crypto.randomBytes(3).toString('hex')}`;
    sent.push(driverName);
    const driver = await g01Admin.session.post('/api/items/drivers', {
      ...venueBody(),
      name: driverName,
      licence: '大客車',
      phone: '0212345678',
    });
    expect(driver.body.error.fields.phone).toBe('司機聯絡電話格式錯誤，格式：0912345678');
    expect(await prisma.resource.count({ where: { name: { in: sent } } })).toBe(0);
  });

  it('each role sees and changes only what 表 2 gives it; the custodian gets in for the venue they hold', async () => {
    const created = await g01Admin.session.post('/api/items/venues', venueBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    // A system admin creates for any agency.
    const elsewhere = await sysadmin.session.post(
      '/api/items/venues',
      venueBody({ agencyId: other, audience: 'CITY', custodian1Id: otherAdmin.id }),
    );
    expect(elsewhere.status).toBe(201);

    // The custodian's session now carries the kind held (a general user: 物品管理 opens to them).
    expect((await custodian.session.get('/api/session')).body.user.custodianOf).toEqual(['VENUE']);

    const detail = await custodian.session.get(`/api/items/venues/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      name: expect.stringMatching(/^活動中心-/),
      floor: '2樓',
      capacity: 100,
      phone: '2991111',
      phoneExt: '123',
      audienceLabel: '開放機關同仁及其他機關人員借用',
      allowedAgencies: [{ id: other, name: '體育局' }],
      custodian1: { id: custodian.id },
      custodian2: null,
    });
    expect(detail.body.openHours[5]).toEqual({ open: 540, close: 720 });
    expect(detail.body.openHours[6]).toBeNull();
    expect(detail.body.allowedActions).toEqual(['item.update', 'item.custodians']);
    expect((await g01Admin.session.get(`/api/items/venues/${id}`)).body.allowedActions).toEqual([
      'item.update',
      'item.custodians',
      'item.delete',
    ]);

    const listed = async (who: Who) =>
      ((await who.session.get('/api/items/venues?pageSize=100&q=活動中心')).body.items as { id: string }[]).map((i) => i.id);
    expect(await listed(custodian)).toEqual([id]);
    expect(await listed(g01Admin)).toContain(id);
    expect(await listed(g01Admin)).not.toContain(elsewhere.body.id);
    expect(await listed(otherAdmin)).not.toContain(id);
    expect(await listed(sysadmin)).toEqual(expect.arrayContaining([id, elsewhere.body.id]));
    // 場地所屬機關 as 關鍵字.
    expect((await custodian.session.get('/api/items/venues?q=民政局')).body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    expect((await plain.session.get('/api/items/venues')).status).toBe(403);
    expect((await plain.session.get(`/api/items/venues/${id}`)).status).toBe(403);
    expect((await otherAdmin.session.get(`/api/items/venues/${id}`)).status).toBe(403);
    expect((await otherAdmin.session.put(`/api/items/venues/${id}`, venueBody())).status).toBe(403);
    // The same id under another kind is not found.
    expect((await g01Admin.session.get(`/api/items/cars/${id}`)).status).toBe(404);

    // The custodian edits, but neither deletes nor hands the venue to another agency.
    const { custodian1Id: _c1, ...fields } = venueBody({ name: '大禮堂', capacity: 300, audience: 'CITY' });
    expect((await custodian.session.put(`/api/items/venues/${id}`, fields)).status).toBe(204);
    const saved = await prisma.resource.findUniqueOrThrow({ where: { id }, include: { allowedAgencies: true } });
    expect(saved).toMatchObject({ name: '大禮堂', capacity: 300, audience: 'CITY' });
    expect(saved.allowedAgencies).toEqual([]);
    expect((await custodian.session.put(`/api/items/venues/${id}`, { ...fields, agencyId: other })).status).toBe(403);
    expect((await custodian.session.delete(`/api/items/venues/${id}`)).status).toBe(403);
    expect((await otherAdmin.session.delete(`/api/items/venues/${id}`)).status).toBe(403);
  });

  it('設置保管人 changes a slot with 異動原因, logged and exported; slot 1 cannot be emptied', async () => {
    const created = await g01Admin.session.post('/api/items/venues', venueBody());
    const id = created.body.id as string;
    const path = `/api/items/venues/${id}`;

    const found = await g01Admin.session.get(`/api/items/people?q=${colleague.account.slice(0, 8)}`);
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(colleague.id);

    const refusals: [string, object, string][] = [
      ['1', { userId: null, reason: '離職' }, '保管人 1 為必填，不可移除'],
      ['2', { userId: colleague.id, reason: ' ' }, '請輸入異動原因'],
      ['2', { userId: custodian.id, reason: '加派' }, '保管人 1 與保管人 2 不可為同一人'],
      ['1', { userId: custodian.id, reason: '同一人' }, '此帳號已是保管人 1'],
      ['2', { userId: null, reason: '移除' }, '保管人 2 尚未設置'],
    ];
    for (const [slot, body, message] of refusals) {
      const answer = await g01Admin.session.put(`${path}/custodians/${slot}`, body);
      expect(answer.status, message).toBe(400);
      expect(Object.values(answer.body.error.fields ?? {}).concat(answer.body.error.message)).toContain(message);
    }
    expect(await prisma.custodianChange.count({ where: { resourceId: id } })).toBe(1);
    expect((await plain.session.put(`${path}/custodians/2`, { userId: plain.id, reason: '自行設定' })).status).toBe(403);

    expect((await g01Admin.session.put(`${path}/custodians/2`, { userId: colleague.id, reason: '業務需要' })).status).toBe(204);
    expect((await g01Admin.session.put(`${path}/custodians/2`, { userId: null, reason: '調職' })).status).toBe(204);
    expect((await g01Admin.session.put(`${path}/custodians/1`, { userId: colleague.id, reason: '移交' })).status).toBe(204);
    expect(await prisma.resource.findUniqueOrThrow({ where: { id } })).toMatchObject({
      custodian1Id: colleague.id,
      custodian2Id: null,
    });
    // The former custodian no longer reaches it.
    expect((await custodian.session.get(path)).status).toBe(403);

    const log = await g01Admin.session.get(`${path}/custodian-changes`);
    expect(
      log.body.items.map((r: { slotLabel: string; fromName: string | null; toName: string | null; reason: string }) => [
        r.slotLabel,
        r.fromName,
        r.toName,
        r.reason,
      ]),
    ).toEqual([
      ['保管人 1', expect.any(String), colleague.name, '移交'],
      ['保管人 2', colleague.name, null, '調職'],
      ['保管人 2', null, colleague.name, '業務需要'],
      ['保管人 1', null, expect.any(String), '新增場地'],
    ]);
    const tomorrow = new Date(Date.now() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await g01Admin.session.get(`${path}/custodian-changes?from=${tomorrow}`)).body.items).toEqual([]);
    const badDate = await g01Admin.session.get(`${path}/custodian-changes?from=2026-13-40`);
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields.from).toBe('執行時間（起）格式錯誤（YYYY-MM-DD）');

    const sheet = await downloadSheet(g01Admin.session, `${path}/custodian-changes.xlsx`, '保管人異動紀錄');
    expect(sheet.getRow(1).values).toEqual([undefined, '執行時間', '異動項目', '原保管人', '新保管人', '異動原因', '執行者']);
    expect(sheet.rowCount).toBe(5);
    expect((sheet.getRow(3).values as unknown[]).slice(2, 6)).toEqual(['保管人 2', colleague.name, '（移除）', '調職']);
  });

  it('a car binds drivers of its agency; a driver is managed by 管理人 and its 允許派遣機關 is worded 派遣', async () => {
    const driver = await g01Admin.session.post('/api/items/drivers', {
      locationId: 'loc-minzhi',
      name: '王大明',
      agencyId: g01,
      licence: '大客車',
      phone: '0912-345-678',
      isPublic: true,
      audience: 'OWN_AGENCY',
      custodian1Id: custodian.id,
    });
    expect(driver.status, JSON.stringify(driver.body)).toBe(201);
    const driverDetail = await g01Admin.session.get(`/api/items/drivers/${driver.body.id}`);
    expect(driverDetail.body).toMatchObject({ phone: '0912345678', audienceLabel: '僅限機關同仁派遣(不含所屬機關)' });
    const otherDriver = await createResource(prisma, { kind: 'DRIVER', agencyId: other, custodian1Id: otherAdmin.id });

    const car = {
      locationId: 'loc-minzhi',
      vehicleType: '小客車',
      name: `RRR-${crypto.randomBytes(2).toString('hex')}`,
      capacity: 5,
      agencyId: g01,
      make: 'ABC',
      year: 2022,
      displacement: 2000,
      carCode: 'ABC001',
      openHours: ALL_WEEK,
      isPublic: true,
      audience: 'CITY',
      custodian1Id: custodian.id,
    };
    const refused = await g01Admin.session.post('/api/items/cars', { ...car, driverIds: [otherDriver.id] });
    expect(refused.body.error.fields.driverIds).toBe('公務車司機須為同一管理機關的派遣司機');
    const made = await g01Admin.session.post('/api/items/cars', { ...car, driverIds: [driver.body.id] });
    expect(made.status).toBe(201);
    const carPath = `/api/items/cars/${made.body.id}`;
    expect((await g01Admin.session.get(carPath)).body.drivers).toEqual([
      { id: driver.body.id, name: '王大明', licence: '大客車', phone: '0912345678' },
    ]);
    const choices = await g01Admin.session.get(`/api/items/driver-choices?agencyId=${g01}`);
    expect(choices.body.items.map((d: { id: string }) => d.id)).toContain(driver.body.id);
    expect((await plain.session.get(`/api/items/driver-choices?agencyId=${g01}`)).status).toBe(403);
    expect((await otherAdmin.session.get(`/api/items/driver-choices?agencyId=${g01}`)).status).toBe(403);
    // 刪除 of the bound driver.
    expect((await g01Admin.session.put(`${carPath}/drivers`, { driverIds: [] })).status).toBe(204);
    expect((await g01Admin.session.get(carPath)).body.drivers).toEqual([]);
  });

  it('刪除 is refused while a booking lies ahead, then hides the item; 借用紀錄 lists approved bookings by day', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId: g01, custodian1Id: custodian.id });
    const applicant = await prisma.user.findUniqueOrThrow({ where: { id: plain.id }, include: { organization: true } });
    const at = (days: number, hour: number) => new Date(Date.UTC(2030, 0, 1 + days, hour - 8));
    const booking = (status: 'APPROVED' | 'PENDING' | 'REJECTED', start: Date, end: Date) => {
      const key = `VB${crypto.randomBytes(6).toString('hex')}`;
      return prisma.booking.create({
        data: {
          key,
          workflowId: `venue-booking-${key}`,
          kind: 'VENUE',
          resourceId: venue.id,
          startsAt: start,
          endsAt: end,
          status,
          applicantUserId: applicant.id,
          unitId: applicant.organizationId,
          agencyId: applicant.organization.agencyId ?? applicant.organizationId,
          phone: '2991111',
          phoneExt: '',
          headcount: 10,
          host: '陳主任',
          reason: '業務會議',
        },
      });
    };
    const ahead = await booking('PENDING', at(0, 9), at(0, 11));
    await booking('APPROVED', at(1, 9), at(1, 10));
    await booking('REJECTED', at(1, 13), at(1, 14));

    const records = await custodian.session.get(`/api/items/venues/${venue.id}/bookings`);
    expect(records.body.total).toBe(1);
    expect(records.body.items[0]).toMatchObject({
      timeLabel: '2030/01/02 9:00 - 10:00',
      statusLabel: '通過',
      reason: '業務會議',
    });
    expect((await custodian.session.get(`/api/items/venues/${venue.id}/bookings?date=2030-01-01`)).body.total).toBe(0);
    expect((await custodian.session.get(`/api/items/venues/${venue.id}/bookings?date=2030-01-02`)).body.total).toBe(1);

    const refused = await g01Admin.session.delete(`/api/items/venues/${venue.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('此場地尚有 2 筆未結束的借用申請（未審核或已通過），無法刪除');
    expect((await prisma.resource.findUniqueOrThrow({ where: { id: venue.id } })).deletedAt).toBeNull();

    await prisma.booking.updateMany({ where: { resourceId: venue.id }, data: { status: 'CANCELLED' } });
    expect(ahead.id).toBeTruthy();
    expect((await g01Admin.session.delete(`/api/items/venues/${venue.id}`)).status).toBe(204);
    expect((await prisma.resource.findUniqueOrThrow({ where: { id: venue.id } })).deletedAt).not.toBeNull();
    expect((await g01Admin.session.get(`/api/items/venues/${venue.id}`)).status).toBe(404);
  });

  it('場地相關圖檔 takes PNG, JPEG or WebP within 2 MB, by their bytes', async () => {
    const venue = await createResource(prisma, { kind: 'VENUE', agencyId: g01, custodian1Id: custodian.id });
    const raw = async (bytes: Buffer, who: Who = custodian) => {
      const response = await fetch(new URL(`/api/items/venues/${venue.id}/photos?fileName=a.png`, e2e.baseUrl()), {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', cookie: who.session.jar.header() },
        body: new Uint8Array(bytes),
      });
      return { status: response.status, body: await response.json() };
    };
    const text = await raw(Buffer.from('GIF89a not really an image'));
    expect(text.status).toBe(400);
    expect(text.body.error.message).toBe('場地相關圖檔僅接受 PNG、JPEG 或 WebP 格式的圖片');
    const large = await raw(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
    expect(large.status).toBe(413);
    expect(large.body.error.message).toBe('場地相關圖檔每張不可超過 2 MB');
    expect((await raw(PNG, plain)).status).toBe(403);
    expect(await prisma.resourcePhoto.count({ where: { resourceId: venue.id } })).toBe(0);

    const stored = await raw(PNG);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ contentType: 'image/png', size: PNG.length, fileName: 'a.png' });
    const image = await custodian.session.download(`/api/items/venues/${venue.id}/photos/${stored.body.id}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await custodian.session.delete(`/api/items/venues/${venue.id}/photos/${stored.body.id}`)).status).toBe(204);
    expect(await prisma.resourcePhoto.count({ where: { resourceId: venue.id } })).toBe(0);
  });
});
