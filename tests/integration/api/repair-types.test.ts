import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { e2e, testEnv } from '../../support/env';
import { downloadSheet } from '../../support/xlsx';
import { createRepairType } from '../../support/repairs';
import { createActiveUser, createAgencyAdmin, loggedIn, type LoggedIn } from './support-users';

// 報修類型管理 (物品管理) over HTTP with the real API and PostgreSQL: who sees and changes which type
// (表 2, like the items), the zh-TW refusals that write nothing, 報修廠商資訊 and 分類, 保管人設定 with
// its log and Excel export, and 刪除 refused while a ticket is not 已結案.
const clients = createClients(testEnv());
const prisma = clients.prisma;
afterAll(async () => {
  await prisma.$disconnect();
});

const login = loggedIn;
type Who = LoggedIn;
const adminOf = (agencyCode: string, unitCode: string) => createAgencyAdmin(prisma, agencyCode, unitCode);

// The cast, logged in once: agencies G01 (the type's) and G15 (another), and one person per role.
let g01 = '';
let other = '';
let g01Admin: Who, otherAdmin: Who, sysadmin: Who, custodian: Who, vendor: Who, plain: Who;
let colleague: { id: string; account: string; name: string }, vendor2: { id: string; account: string; name: string };

beforeAll(async () => {
  [g01 = '', other = ''] = await Promise.all(
    ['G01', 'G15'].map(async (code) => (await prisma.organization.findUniqueOrThrow({ where: { code } })).id),
  );
  const [a, b, c, v, p, col, v2] = await Promise.all([
    adminOf('G01', 'G01-91'),
    adminOf('G15', 'G15-01'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G15-01'),
  ]);
  const sys = await prisma.user.findUniqueOrThrow({ where: { account: e2e.sysadmin() } });
  [g01Admin, otherAdmin, sysadmin, plain, custodian, vendor] = await Promise.all([
    login(a),
    login(b),
    login(sys),
    login(p),
    login(c),
    login(v),
  ]);
  colleague = col;
  vendor2 = v2;
});

const typeBody = (over: Record<string, unknown> = {}) => ({
  name: `公文管理系統維修-${crypto.randomBytes(3).toString('hex')}`,
  agencyId: g01,
  audience: 'OWN_AND_LISTED',
  allowedAgencyIds: [other],
  vendorIds: [vendor.id, vendor2.id],
  categories: [{ name: '一般操作問題' }, { name: '系統異常' }],
  replyTargetHours: '8',
  custodian1Id: custodian.id,
  ...over,
});

const ids = (answer: { body: { items: { id: string }[] } }) => answer.body.items.map((i) => i.id);

describe('報修類型管理 (real API, PostgreSQL)', () => {
  it("新增 only by the 所屬機關's admins or a system admin; bad input is refused in zh-TW and writes nothing", async () => {
    // What a wrongly accepted body would have written (this file's own people: other suites run alongside).
    const mine = { where: { OR: [{ custodian1Id: custodian.id }, { vendors: { some: { userId: vendor.id } } }] } };
    const ofTypes = { where: { repairTypeId: { not: null }, toUserId: custodian.id } };
    const before = await prisma.repairType.count(mine);
    const changesBefore = await prisma.custodianChange.count(ofTypes);
    // A plain user, a 維修人員, and another agency's admin for this agency.
    for (const who of [plain, vendor, otherAdmin])
      expect((await who.session.post('/api/repair-types', typeBody())).status).toBe(403);

    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '  ' }, 'name', '請輸入名稱'],
      [{ agencyId: undefined }, 'agencyId', '請選擇所屬機關'],
      [{ audience: 'EVERYONE' }, 'audience', '請選擇允許報修機關'],
      [{ allowedAgencyIds: [] }, 'allowedAgencyIds', '請加入至少一個其他機關（選擇機關後按 +）'],
      [{ allowedAgencyIds: ['no-such-agency-000'] }, 'allowedAgencyIds', '允許報修機關中有不存在的機關'],
      [{ custodian1Id: undefined }, 'custodian1Id', '請設置類型保管人 1'],
      [{ custodian2Id: custodian.id }, 'custodian2Id', '類型保管人 1 與類型保管人 2 不可為同一人'],
      [{ custodian1Id: 'nobody-at-all-here-000' }, 'custodian1Id', '請設置類型保管人 1（須為已啟用的帳號）'],
      [{ vendorIds: ['nobody-at-all-here-000'] }, 'vendorIds', '維修人員須為已啟用的帳號'],
      [{ categories: [{ name: '系統異常' }, { name: '系統異常' }] }, 'categories.1.name', '分類「系統異常」重複'],
      [{ categories: [{ name: '' }] }, 'categories.0.name', '請輸入分類名稱'],
      [{ replyTargetHours: '0' }, 'replyTargetHours', '回覆時限須介於 1 至 720 小時'],
      [{ replyTargetHours: '1.5' }, 'replyTargetHours', '回覆時限須為整數（小時）'],
      [{ replyTargetHours: 'abc' }, 'replyTargetHours', '回覆時限須為數字'],
    ];
    const seen: unknown[] = [];
    for (const [over, field] of cases) {
      const { status, body } = await g01Admin.session.post('/api/repair-types', typeBody(over));
      seen.push([status, body.error?.code, field, body.error?.fields?.[field]]);
    }
    expect(seen).toEqual(cases.map(([, field, message]) => [400, 'VALIDATION_FAILED', field, message]));
    expect(await prisma.repairType.count(mine)).toBe(before);
    expect(await prisma.custodianChange.count(ofTypes)).toBe(changesBefore);
  });

  it('each role sees and changes only what 表 2 gives it; the custodian gets in for the type they hold', async () => {
    const created = await g01Admin.session.post('/api/repair-types', typeBody({ name: '公文管理系統維修（測試）' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const path = `/api/repair-types/${id}`;
    const sysCreated = await sysadmin.session.post(
      '/api/repair-types',
      typeBody({ agencyId: other, audience: 'CITY', custodian1Id: otherAdmin.id, vendorIds: [] }),
    );
    expect(sysCreated.status).toBe(201);

    // The custodian's session now carries REPAIR_TYPE; the vendors' carries repairVendor.
    expect((await custodian.session.get('/api/session')).body.user.custodianOf).toEqual(['REPAIR_TYPE']);
    expect((await vendor.session.get('/api/session')).body.user).toMatchObject({ repairVendor: true, custodianOf: [] });

    const detail = await custodian.session.get(path);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      name: '公文管理系統維修（測試）',
      agency: { id: g01 },
      audience: 'OWN_AND_LISTED',
      audienceLabel: '開放機關同仁及其他機關人員報修',
      allowedAgencies: [{ id: other }],
      replyTargetHours: 8,
      categories: [
        { name: '一般操作問題', retired: false },
        { name: '系統異常', retired: false },
      ],
      custodian1: { id: custodian.id },
      custodian2: null,
    });
    expect(detail.body.vendors.map((v: { id: string }) => v.id).sort()).toEqual([vendor.id, vendor2.id].sort());
    expect(detail.body.allowedActions).toEqual(['repairType.update', 'repairType.custodians']);
    expect((await g01Admin.session.get(path)).body.allowedActions).toEqual([
      'repairType.update',
      'repairType.custodians',
      'repairType.delete',
    ]);

    // Lists: the custodian theirs, the agency admin their agency's, the system admin all; 報修類型 keyword.
    expect(ids(await custodian.session.get('/api/repair-types'))).toEqual([id]);
    expect(ids(await g01Admin.session.get('/api/repair-types?q=公文管理系統維修（測試）'))).toEqual([id]);
    expect(ids(await otherAdmin.session.get('/api/repair-types'))).toContain(sysCreated.body.id);
    expect(ids(await otherAdmin.session.get('/api/repair-types'))).not.toContain(id);
    expect(ids(await sysadmin.session.get('/api/repair-types?pageSize=100&q=公文管理系統維修（測試）'))).toEqual([id]);
    // A plain user and a vendor get nothing here; another agency's admin not this type.
    for (const who of [plain, vendor]) {
      expect((await who.session.get('/api/repair-types')).status).toBe(403);
      expect((await who.session.get(path)).status).toBe(403);
      expect((await who.session.put(path, typeBody())).status).toBe(403);
      expect((await who.session.get('/api/items/people?q=a')).status).toBe(403);
    }
    expect((await otherAdmin.session.get(path)).status).toBe(403);
    expect((await otherAdmin.session.delete(path)).status).toBe(403);
    // The custodian uses 物品管理's look-ups (設置保管人 / 設置維修人員).
    expect((await custodian.session.get(`/api/items/people?q=${vendor.account}`)).body.items).toEqual([
      expect.objectContaining({ id: vendor.id }),
    ]);
    expect((await custodian.session.get('/api/items/options')).status).toBe(200);

    // The custodian edits (a category renamed, one retired, one added; a vendor removed) but neither
    // deletes nor hands the type to another agency.
    const categories = detail.body.categories as { id: string; name: string }[];
    const { custodian1Id: _c1, ...fields } = typeBody({
      name: '公文管理系統維修（測試）',
      vendorIds: [vendor.id],
      replyTargetHours: '',
      categories: [
        { id: categories[0]!.id, name: '操作問題' },
        { id: categories[1]!.id, name: '系統異常', retired: true },
        { name: '帳號權限' },
      ],
    });
    expect((await custodian.session.put(path, { ...fields, agencyId: other })).status).toBe(403);
    const saved = await custodian.session.put(path, fields);
    expect(saved.status, JSON.stringify(saved.body)).toBe(204);
    expect((await custodian.session.delete(path)).status).toBe(403);
    const after = (await custodian.session.get(path)).body;
    expect(after).toMatchObject({
      replyTargetHours: null,
      vendors: [{ id: vendor.id }],
      categories: [
        { id: categories[0]!.id, name: '操作問題', retired: false },
        { id: categories[1]!.id, name: '系統異常', retired: true },
        { name: '帳號權限', retired: false },
      ],
    });
    // Swapping two names, and a category left out of the list is retired, never removed.
    const swapped = await custodian.session.put(path, {
      ...fields,
      categories: [
        { id: categories[0]!.id, name: '帳號權限' },
        { id: after.categories[2].id, name: '操作問題' },
      ],
    });
    expect(swapped.status, JSON.stringify(swapped.body)).toBe(204);
    expect((await custodian.session.get(path)).body.categories).toEqual([
      { id: categories[0]!.id, name: '帳號權限', retired: false },
      { id: after.categories[2].id, name: '操作問題', retired: false },
      { id: categories[1]!.id, name: '系統異常', retired: true },
    ]);
    const clash = await custodian.session.put(path, { ...fields, categories: [{ name: '系統異常' }] });
    expect(clash.status).toBe(400);
    expect(clash.body.error.fields.categories).toBe('分類「系統異常」已存在（已停用），請改為啟用');
    const foreign = await custodian.session.put(path, {
      ...fields,
      categories: [
        { id: (await prisma.repairCategory.findFirstOrThrow({ where: { repairTypeId: sysCreated.body.id } })).id, name: 'x' },
      ],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields.categories).toBe('分類不存在，請重新整理後再試');
    // The usage records name the type.
    const usage = await prisma.usageRecord.findMany({ where: { userId: custodian.id, action: 'repair.type.update' } });
    expect(usage.map((u) => u.target)).toContain('報修類型 公文管理系統維修（測試）');
  });

  it('保管人設定: 類型保管人 1 required, 2 optional, each change with 異動原因 in the log and its Excel export', async () => {
    const type = await createRepairType(prisma, { agencyId: g01, custodian1Id: custodian.id, vendorIds: [vendor.id] });
    const path = `/api/repair-types/${type.id}`;
    const refusals: [string, Record<string, unknown>, string, string][] = [
      ['1', { userId: null, reason: '移除' }, 'userId', '類型保管人 1 為必填，不可移除'],
      ['2', { userId: colleague.id, reason: '  ' }, 'reason', '請輸入異動原因'],
      ['2', { userId: custodian.id, reason: '加派' }, 'userId', '類型保管人 1 與類型保管人 2 不可為同一人'],
      ['1', { userId: custodian.id, reason: '同一人' }, 'userId', '此帳號已是類型保管人 1'],
      ['2', { userId: 'nobody-at-all-here-000', reason: '加派' }, 'userId', '新類型保管人須為已啟用的帳號'],
      ['2', { reason: '加派' }, 'userId', '請選擇新類型保管人'],
    ];
    for (const [slot, body, field, message] of refusals) {
      const answer = await g01Admin.session.put(`${path}/custodians/${slot}`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.fields[field], JSON.stringify(answer.body)).toBe(message);
    }
    expect((await g01Admin.session.put(`${path}/custodians/3`, { userId: colleague.id, reason: '加派' })).status).toBe(400);
    expect(await prisma.custodianChange.count({ where: { repairTypeId: type.id } })).toBe(1);
    for (const who of [plain, vendor, otherAdmin])
      expect((await who.session.put(`${path}/custodians/2`, { userId: who.id, reason: '自行設定' })).status).toBe(403);

    // The custodian sets 類型保管人 2; the admin removes it and hands slot 1 over.
    expect((await custodian.session.put(`${path}/custodians/2`, { userId: colleague.id, reason: '業務需要' })).status).toBe(204);
    expect((await g01Admin.session.put(`${path}/custodians/2`, { userId: null, reason: '調職' })).status).toBe(204);
    expect((await g01Admin.session.put(`${path}/custodians/1`, { userId: colleague.id, reason: '移交' })).status).toBe(204);
    expect(await prisma.repairType.findUniqueOrThrow({ where: { id: type.id } })).toMatchObject({
      custodian1Id: colleague.id,
      custodian2Id: null,
    });
    expect((await custodian.session.get(path)).status).toBe(403);

    const log = await g01Admin.session.get(`${path}/custodian-changes`);
    expect(log.status).toBe(200);
    expect(
      log.body.items.map((r: { slotLabel: string; toName: string | null; reason: string }) => [r.slotLabel, r.toName, r.reason]),
    ).toEqual([
      ['類型保管人 1', colleague.name, '移交'],
      ['類型保管人 2', null, '調職'],
      ['類型保管人 2', colleague.name, '業務需要'],
      ['類型保管人 1', custodian.name, '測試資料'],
    ]);
    const tomorrow = new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10);
    expect((await g01Admin.session.get(`${path}/custodian-changes?from=${tomorrow}`)).body.items).toEqual([]);
    const badDate = await g01Admin.session.get(`${path}/custodian-changes?from=2026-13-40`);
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields.from).toBe('執行時間（起）格式錯誤（YYYY-MM-DD）');
    // The items' logs never show a repair type's changes, nor the other way round.
    expect(await prisma.custodianChange.count({ where: { repairTypeId: type.id, resourceId: { not: null } } })).toBe(0);

    const sheet = await downloadSheet(g01Admin.session, `${path}/custodian-changes.xlsx`, '保管人異動紀錄');
    expect(sheet.getRow(1).values).toEqual([undefined, '執行時間', '異動項目', '原保管人', '新保管人', '異動原因', '執行者']);
    expect(sheet.rowCount).toBe(5);
    expect((sheet.getRow(3).values as unknown[]).slice(2, 7)).toEqual([
      '類型保管人 2',
      colleague.name,
      '（移除）',
      '調職',
      `${g01Admin.name}（${g01Admin.account}）`,
    ]);
    expect((await plain.session.download(`${path}/custodian-changes.xlsx`)).status).toBe(403);
  });

  it('刪除 is refused in zh-TW while a ticket is not 已結案, and hides the type once they all are', async () => {
    const type = await createRepairType(prisma, { agencyId: g01, custodian1Id: custodian.id });
    const path = `/api/repair-types/${type.id}`;
    const ticket = await prisma.repairTicket.create({
      data: {
        key: `R-TEST-${crypto.randomBytes(4).toString('hex')}`,
        repairTypeId: type.id,
        reporterUserId: plain.id,
        agencyId: g01,
        unitId: (await prisma.user.findUniqueOrThrow({ where: { id: plain.id } })).organizationId,
        reporterName: plain.name,
        locationId: 'loc-minzhi',
        floor: '2',
        fault: '無法登入公文系統',
        status: 'HANDLED',
      },
    });
    expect((await custodian.session.delete(path)).status).toBe(403);
    const refused = await g01Admin.session.delete(path);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('此報修類型尚有 1 筆未結案的報修案件，無法刪除');
    expect((await prisma.repairType.findUniqueOrThrow({ where: { id: type.id } })).deletedAt).toBeNull();

    await prisma.repairTicket.update({ where: { id: ticket.id }, data: { status: 'CLOSED', closedAt: new Date() } });
    expect((await g01Admin.session.delete(path)).status).toBe(204);
    expect((await prisma.repairType.findUniqueOrThrow({ where: { id: type.id } })).deletedAt).not.toBeNull();
    expect((await g01Admin.session.get(path)).status).toBe(404);
    expect((await g01Admin.session.get(path)).body.error.message).toBe('找不到此報修類型');
    expect(ids(await g01Admin.session.get('/api/repair-types?pageSize=100'))).not.toContain(type.id);
    // The custodian of only a deleted type holds nothing any more.
    const lone = await createActiveUser(prisma, 'G01-91');
    const gone = await createRepairType(prisma, { agencyId: g01, custodian1Id: lone.id });
    await prisma.repairType.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    const loneSession = await login(lone);
    expect((await loneSession.session.get('/api/session')).body.user.custodianOf).toEqual([]);
    expect((await loneSession.session.get('/api/repair-types')).status).toBe(403);
  });
});
