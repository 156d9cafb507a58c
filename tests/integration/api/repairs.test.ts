import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { createClients } from '../../../infra/clients';
import { latestMail } from '../../support/applicant';
import { e2e, eventually, testEnv } from '../../support/env';
import { loggedInSession, type ApiSession } from '../../support/http';
import { createRepairType } from '../../support/repairs';
import { createActiveUser } from './support-users';

// 線上報修 over HTTP with the real API, worker, Temporal, PostgreSQL and SMTP sink: who sees which
// types and tickets (表 2), 新增報修 with photos checked by their bytes, a vendor's reply, 退回 and 評分,
// and every bad input refused in zh-TW with nothing written.
const clients = createClients(testEnv());
const prisma: PrismaClient = clients.prisma;
afterAll(() => clients.prisma.$disconnect());

type Session = ApiSession;
const session = loggedInSession;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(
    '0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db00000000049454e44ae426082',
    'hex',
  ),
]);

/** 新增報修 as the page sends it: a multipart form with its photos. */
async function report(
  s: Session,
  typeId: string,
  fields: Record<string, string>,
  photos: { name: string; bytes: Buffer; type?: string }[] = [],
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const p of photos) form.append('photos', new Blob([new Uint8Array(p.bytes)], { type: p.type ?? 'image/png' }), p.name);
  const response = await fetch(new URL(`/api/repairs/types/${typeId}/tickets`, e2e.baseUrl()), {
    method: 'POST',
    headers: { cookie: s.jar.header() },
    body: form,
  });
  return {
    status: response.status,
    body: (await response.json()) as { key?: string; error: { code: string; message: string; fields?: Record<string, string> } },
  };
}

const form = { locationId: 'loc-minzhi', floor: '2', fault: '電腦無法開機' };

let g01: string;
let reporter: Awaited<ReturnType<typeof createActiveUser>>;
let vendor: Awaited<ReturnType<typeof createActiveUser>>;
let otherVendor: Awaited<ReturnType<typeof createActiveUser>>;
let custodian: Awaited<ReturnType<typeof createActiveUser>>;
let stranger: Awaited<ReturnType<typeof createActiveUser>>;
let type: Awaited<ReturnType<typeof createRepairType>>;
let closedType: Awaited<ReturnType<typeof createRepairType>>;

beforeAll(async () => {
  g01 = (await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } })).id;
  reporter = await createActiveUser(prisma);
  stranger = await createActiveUser(prisma);
  vendor = await createActiveUser(prisma, 'G01');
  otherVendor = await createActiveUser(prisma, 'G01');
  custodian = await createActiveUser(prisma, 'G01');
  type = await createRepairType(prisma, { agencyId: g01, custodian1Id: custodian.id, vendorIds: [vendor.id] });
  // 僅限機關同仁報修 in G01: not offered to the reporter (G25).
  closedType = await createRepairType(prisma, {
    agencyId: g01,
    custodian1Id: custodian.id,
    vendorIds: [otherVendor.id],
    audience: 'OWN_AGENCY',
  });
});

const ticketsOf = (repairTypeId: string) => prisma.repairTicket.count({ where: { repairTypeId } });
const repliesOf = async (key: string) => prisma.repairReply.count({ where: { ticket: { key } } });

describe('線上報修 (real API, worker, Temporal, SMTP)', () => {
  it('reports with a photo; the vendor replies with a 分類; 退回 then 評分; each role sees what 表 2 says', async () => {
    const s = await session(reporter.account);
    const types = await s.get('/api/repairs/types');
    expect(types.status).toBe(200);
    const ids = (types.body.items as { id: string }[]).map((t) => t.id);
    expect(ids).toContain(type.id);
    expect(ids).not.toContain(closedType.id);
    const locations = await s.get('/api/repairs/locations');
    expect(locations.body.items.find((l: { id: string }) => l.id === 'loc-minzhi').floors).toContain('2');

    // A type the agency may not report to is as good as absent.
    const before = await ticketsOf(closedType.id);
    const refused = await report(s, closedType.id, form);
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe('找不到此報修類型');
    expect(await ticketsOf(closedType.id)).toBe(before);

    const created = await report(s, type.id, form, [{ name: '現場.png', bytes: PNG }]);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^R\d{8}-\d{5}$/);
    const detail = await s.get(`/api/repairs/tickets/${key}`);
    expect(detail.body).toMatchObject({
      status: 'PENDING',
      statusLabel: '待處理',
      fault: '電腦無法開機',
      floor: '2',
      location: '民治市政中心',
    });
    expect(detail.body.allowedActions).toEqual([]);
    expect(detail.body.photos).toHaveLength(1);
    const photo = await s.download(`/api/repairs/tickets/${key}/photos/${detail.body.photos[0].id}`);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
    const typePage = await s.get(`/api/repairs/types/${type.id}`);
    expect(typePage.body.items.map((t: { key: string }) => t.key)).toContain(key);
    expect((await s.get('/api/repairs/mine')).body.items.map((t: { key: string }) => t.key)).toContain(key);

    // The vendor is mailed, and finds it in 報修處理狀況回報; a vendor of another type does not.
    await latestMail(vendor.backupEmail!, '有一件新的報修案件待您處理');
    const v = await session(vendor.account);
    expect((await v.get('/api/repairs/handling?status=PENDING')).body.items.map((t: { key: string }) => t.key)).toContain(key);
    const ov = await session(otherVendor.account);
    expect((await ov.get('/api/repairs/handling')).body.items.map((t: { key: string }) => t.key)).not.toContain(key);
    expect((await (await session(stranger.account)).get('/api/repairs/handling')).status).toBe(403);

    // Who reads the ticket: reporter, vendor, custodian, the type's agency admin, system admin; nobody else.
    for (const [account, status] of [
      [vendor.account, 200],
      [custodian.account, 200],
      ['cabadmin', 200],
      [e2e.sysadmin(), 200],
      [otherVendor.account, 404],
      ['secadmin', 404],
      [stranger.account, 404],
    ] as const) {
      expect((await (await session(account)).get(`/api/repairs/tickets/${key}`)).status, account).toBe(status);
    }

    // Refusals before the reply: nothing written.
    const category = type.categories[0]!;
    const answer = {
      handlerName: vendor.name,
      handledAt: new Date().toISOString(),
      result: '已重新安裝驅動程式',
      categoryId: category.id,
    };
    const notTheirs = await ov.post(`/api/repairs/tickets/${key}/reply`, answer);
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.error.message).toBe('您不是此報修類型的維修人員，無法回覆此報修案件');
    const early = await s.post(`/api/repairs/tickets/${key}/rate`, { rating: 4 });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('此報修案件目前狀態為「待處理」，僅已處理的案件可評分');
    for (const [bad, message] of [
      [{ ...answer, handlerName: '' }, '請輸入處理人員'],
      [{ ...answer, handledAt: '昨天' }, '請輸入處理時間'],
      [{ ...answer, result: '   ' }, '請輸入處理結果'],
      [{ ...answer, categoryId: closedType.categories[0]!.id }, '請選擇分類'],
    ] as const) {
      const r = await v.post(`/api/repairs/tickets/${key}/reply`, bad);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(JSON.stringify(r.body.error)).toContain(message);
    }
    expect(await repliesOf(key)).toBe(0);

    const replied = await v.post(`/api/repairs/tickets/${key}/reply`, answer);
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    expect(replied.body).toMatchObject({ status: 'HANDLED', statusLabel: '已處理' });
    await latestMail(reporter.backupEmail!, '線上報修已處理');
    expect((await s.get(`/api/repairs/tickets/${key}`)).body.allowedActions).toEqual(['rate', 'return']);

    // 退回 and 評分: reporter only, with a reason, 1–5.
    for (const [path, bad, message] of [
      ['return', {}, '請輸入退回原因'],
      ['return', { reason: '  ' }, '請輸入退回原因'],
      ['rate', { rating: 0 }, '評分須為 1 至 5 分'],
      ['rate', { rating: 6 }, '評分須為 1 至 5 分'],
      ['rate', { rating: 4.5 }, '評分須為 1 至 5 分'],
      ['rate', { rating: '4' }, '評分須為 1 至 5 分'],
    ] as const) {
      const r = await s.post(`/api/repairs/tickets/${key}/${path}`, bad);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(JSON.stringify(r.body.error)).toContain(message);
    }
    const byVendor = await v.post(`/api/repairs/tickets/${key}/rate`, { rating: 5 });
    expect(byVendor.status).toBe(403);
    expect(byVendor.body.error.message).toBe('僅報修人可評分或退回此報修案件');
    expect(await repliesOf(key)).toBe(1);

    const returned = await s.post(`/api/repairs/tickets/${key}/return`, { reason: '仍無法開機' });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({ status: 'PENDING', returnCount: 1 });
    await latestMail(vendor.backupEmail!, '報修案件已被退回');
    expect((await v.post(`/api/repairs/tickets/${key}/reply`, { ...answer, result: '已更換電源供應器' })).status).toBe(200);
    const rated = await s.post(`/api/repairs/tickets/${key}/rate`, { rating: 4, note: '謝謝' });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body).toMatchObject({ status: 'CLOSED', statusLabel: '已結案', rating: 4, returnCount: 1 });
    expect(rated.body.replies.map((r: { kind: string }) => r.kind)).toEqual(['REPLY', 'RETURN', 'REPLY', 'RATING']);

    // A second rating: refused in words, nothing written.
    const second = await s.post(`/api/repairs/tickets/${key}/rate`, { rating: 5 });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe('此報修案件已評分，無法再次評分');
    expect(await repliesOf(key)).toBe(4);
    const timeline = await eventually(async () => {
      const d = await s.get(`/api/repairs/tickets/${key}`);
      return d.body.events.length === 5 ? d.body : null;
    });
    expect(timeline.events.map((e: { kind: string }) => e.kind)).toEqual([
      'SUBMITTED',
      'REPLIED',
      'RETURNED',
      'REPLIED',
      'RATED',
    ]);
    expect(timeline.temporalUrl).toContain(`repair-ticket-${key}`);
  });

  it('bad 新增報修 input and attachments: 400 in zh-TW, nothing written', async () => {
    const s = await session(reporter.account);
    const before = await ticketsOf(type.id);
    const cases: [Record<string, string>, { name: string; bytes: Buffer; type?: string }[], string][] = [
      [{ ...form, fault: '  ' }, [], '請輸入故障原因'],
      [{ locationId: 'loc-minzhi', fault: '壞了' }, [], '請選擇所在樓層'],
      [{ ...form, floor: '99' }, [], '請選擇所在樓層'],
      [{ ...form, locationId: 'nowhere' }, [], '請選擇所在地'],
      [form, [{ name: 'virus.png', bytes: Buffer.from('MZ not an image at all') }], '照片僅接受 PNG、JPEG 或 WebP 格式的圖片'],
      [
        form,
        [{ name: 'page.html', bytes: Buffer.from('<html><script>alert(1)</script>'), type: 'text/html' }],
        '照片僅接受 PNG、JPEG 或 WebP 格式的圖片',
      ],
      [form, [{ name: 'big.png', bytes: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]) }], '每張照片不可超過 2 MB'],
      [form, [{ name: 'empty.png', bytes: Buffer.alloc(0) }], '照片檔案是空的，請重新選擇'],
      [form, Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, bytes: PNG })), '照片最多 5 張'],
    ];
    for (const [fields, photos, message] of cases) {
      const r = await report(s, type.id, fields, photos);
      expect(r.status, `${message}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(JSON.stringify(r.body.error)).toContain(message);
    }
    // Not a form at all.
    const json = await s.post(`/api/repairs/types/${type.id}/tickets`, form);
    expect(json.status).toBe(415);
    expect(await ticketsOf(type.id)).toBe(before);
  });
});
