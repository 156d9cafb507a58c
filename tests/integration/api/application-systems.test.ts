import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { e2e, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { createActiveUser } from './support-users';

// 應用系統服務介接申請's registry over HTTP with the real API and PostgreSQL: 新增應用系統 with the
// profile's defaults, who lists, reads and edits which system (the 管理機關's members and the system
// admins), 介接服務狀態's four rows, and bad input refused in zh-TW with nothing written.
const clients = createClients(testEnv());
const prisma = clients.prisma;
afterAll(async () => {
  await prisma.$disconnect();
});

type Who = Awaited<ReturnType<typeof login>>;

async function login(user: { id: string; account: string; name: string }) {
  const session = apiSession();
  const answer = await session.login(user.account);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { id: user.id, account: user.account, name: user.name, session };
}

let g01 = '';
let g15 = '';
let plain: Who, stranger: Who, sysadmin: Who;

beforeAll(async () => {
  [g01 = '', g15 = ''] = await Promise.all(
    ['G01', 'G15'].map(async (code) => (await prisma.organization.findUniqueOrThrow({ where: { code } })).id),
  );
  const [p, s] = await Promise.all([createActiveUser(prisma, 'G01-91'), createActiveUser(prisma, 'G15-01')]);
  await prisma.user.update({
    where: { id: p.id },
    data: { officePhone: '06-2991111', officeExt: '8123', officialMail: true },
  });
  const sys = await prisma.user.findUniqueOrThrow({ where: { account: e2e.sysadmin() } });
  [plain, stranger, sysadmin] = await Promise.all([login(p), login(s), login(sys)]);
});

const tag = () => crypto.randomBytes(3).toString('hex');
const systemBody = (over: Record<string, unknown> = {}) => ({
  name: `公文線上簽核系統-${tag()}`,
  shortName: '公文簽核',
  agencyId: g01,
  contactName: '王小明',
  contactPhone: '06-2991111#8123',
  contactEmail: 'wang@mail.tainan.gov.tw',
  vendorName: 'OO科技股份有限公司',
  description: '測試介接使用',
  url: 'https://docs.tainan.gov.tw/',
  productionIps: ['203.0.113.10', '203.0.113.0/24'],
  ...over,
});

describe('應用系統服務介接申請: the registry (real API, PostgreSQL)', () => {
  it("新增應用系統's defaults come from the user's profile and agency", async () => {
    const answer = await plain.session.get('/api/application-systems/new-defaults');
    expect(answer.status).toBe(200);
    const agency = await prisma.organization.findUniqueOrThrow({ where: { id: g01 }, select: { id: true, name: true } });
    expect(answer.body).toEqual({
      agency,
      contactName: plain.name,
      contactPhone: '06-2991111#8123',
      contactEmail: `${plain.account}@mail.tainan.gov.tw`,
    });
  });

  it('a member of the 管理機關 creates, lists, reads and edits; another agency sees nothing; a system admin sees all', async () => {
    const name = `公文線上簽核系統-${tag()}`;
    const created = await plain.session.post('/api/application-systems', systemBody({ name }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const path = `/api/application-systems/${id}`;

    // 查詢 by 應用系統名稱: the agency's member and the system admin find it; another agency does not.
    const query = `/api/application-systems?name=${encodeURIComponent(name)}&page=0&pageSize=10`;
    const mine = await plain.session.get(query);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      total: 1,
      items: [{ id, name, shortName: '公文簽核', agency: { id: g01 }, vendorName: 'OO科技股份有限公司', services: [] }],
    });
    expect((await sysadmin.session.get(query)).body.total).toBe(1);
    expect((await stranger.session.get(query)).body).toEqual({ total: 0, items: [] });
    const strangerAll = await stranger.session.get('/api/application-systems?pageSize=100');
    expect(strangerAll.body.items.every((i: { agency: { id: string } }) => i.agency.id === g15)).toBe(true);

    // 詳細: 應用系統資料 and the four 介接服務狀態 rows, all 未申請 with 我要申請.
    const detail = await plain.session.get(path);
    expect(detail.status).toBe(200);
    expect(detail.body.system).toMatchObject({
      id,
      name,
      agency: { id: g01 },
      contactPhone: '06-2991111#8123',
      productionIps: ['203.0.113.10', '203.0.113.0/24'],
    });
    expect(detail.body.services).toEqual(
      [
        ['SSO', '單一登入'],
        ['VERIFY', '帳號驗證'],
        ['REDIRECT', '轉登'],
        ['SMS', '簡訊發送'],
      ].map(([kind, label]) => ({
        kind,
        label,
        status: 'NONE',
        statusLabel: '未申請',
        canApply: true,
        canRotate: false,
        canRevoke: false,
      })),
    );
    expect(detail.body).toMatchObject({ applications: [], canEdit: true });
    expect((await sysadmin.session.get(path)).body.canEdit).toBe(true);
    expect((await stranger.session.get(path)).status).toBe(403);
    expect((await stranger.session.put(path, systemBody({ name: '搶來的' }))).status).toBe(403);

    // 編輯 by the member: the fields change and 帳號使用紀錄 has both lines.
    const edited = await plain.session.put(path, systemBody({ name, productionIps: ['2001:db8::/32'], shortName: '' }));
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.system).toMatchObject({ name, shortName: null, productionIps: ['2001:db8::/32'] });
    const usage = await prisma.usageRecord.findMany({ where: { userId: plain.id }, orderBy: { at: 'asc' } });
    expect(usage.map((u) => [u.action, u.target])).toEqual(
      expect.arrayContaining([
        ['integration.system.create', `應用系統 ${name}`],
        ['integration.system.update', `應用系統 ${name}`],
      ]),
    );

    // A non-admin names only their own agency as 管理機關; a system admin any agency.
    const handOver = await plain.session.put(path, systemBody({ name, agencyId: g15 }));
    expect(handOver.status).toBe(403);
    expect(handOver.body.error.message).toBe('管理機關須為您所屬的機關');
    expect((await prisma.applicationSystem.findUniqueOrThrow({ where: { id } })).agencyId).toBe(g01);
    const moved = await sysadmin.session.put(path, systemBody({ name, agencyId: g15 }));
    expect(moved.status).toBe(200);
    expect(moved.body.system.agency.id).toBe(g15);
    expect((await plain.session.get(path)).status).toBe(403);
    expect((await stranger.session.get(path)).status).toBe(200);

    const elsewhere = await plain.session.post('/api/application-systems', systemBody({ agencyId: g15 }));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toBe('管理機關須為您所屬的機關');
    const bySysadmin = await sysadmin.session.post('/api/application-systems', systemBody({ agencyId: g15 }));
    expect(bySysadmin.status).toBe(201);
  });

  it('refuses bad input in zh-TW, field by field, and writes nothing', async () => {
    const before = await prisma.applicationSystem.count({ where: { createdById: plain.id } });
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { productionIps: ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5', '203.0.113.6'] },
        'productionIps',
        '正式 IP 最多可設定 5 組',
      ],
      [
        { productionIps: ['203.0.113.0/33'] },
        'productionIps',
        '正式 IP 格式錯誤，請輸入 IPv4、IPv6 位址或 CIDR 網段（例：203.0.113.10、203.0.113.0/24）',
      ],
      [{ productionIps: ['', ' '] }, 'productionIps', '請輸入正式 IP'],
      [{ productionIps: ['203.0.113.10', '203.0.113.10'] }, 'productionIps', '正式 IP 不可重複'],
      [{ url: 'ftp://docs.tainan.gov.tw/' }, 'url', '應用系統網址格式錯誤，請輸入 https:// 或 http:// 開頭的完整網址'],
      [{ url: 'docs.tainan.gov.tw' }, 'url', '應用系統網址格式錯誤，請輸入 https:// 或 http:// 開頭的完整網址'],
      [{ name: '  ' }, 'name', '請輸入應用系統名稱'],
      [{ vendorName: undefined }, 'vendorName', '請輸入開發廠商名稱'],
      [{ description: '' }, 'description', '請輸入應用系統說明'],
      [{ url: undefined }, 'url', '應用系統網址格式錯誤，請輸入 https:// 或 http:// 開頭的完整網址'],
      [{ productionIps: undefined }, 'productionIps', '請輸入正式 IP'],
      [{ contactEmail: 'not-an-address' }, 'contactEmail', '聯絡人信箱格式錯誤'],
      [{ contactPhone: '06-2991111 ext 12' }, 'contactPhone', '聯絡電話格式錯誤，僅可包含數字、+、-、#、括號及空白'],
      [{ agencyId: 'no-such-agency-000' }, 'agencyId', '請選擇管理機關'],
    ];
    const seen: unknown[] = [];
    for (const [over, field] of cases) {
      const { status, body } = await plain.session.post('/api/application-systems', systemBody(over));
      seen.push([status, body.error?.code, field, body.error?.fields?.[field]]);
    }
    expect(seen).toEqual(cases.map(([, field, message]) => [400, 'VALIDATION_FAILED', field, message]));
    expect(await prisma.applicationSystem.count({ where: { createdById: plain.id } })).toBe(before);

    // The same words on 編輯, and the stored row is unchanged.
    const created = await plain.session.post('/api/application-systems', systemBody());
    const path = `/api/application-systems/${created.body.id as string}`;
    const stored = await prisma.applicationSystem.findUniqueOrThrow({ where: { id: created.body.id as string } });
    const bad = await plain.session.put(path, systemBody({ url: 'javascript:alert(1)' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.url).toBe('應用系統網址格式錯誤，請輸入 https:// 或 http:// 開頭的完整網址');
    expect(await prisma.applicationSystem.findUniqueOrThrow({ where: { id: stored.id } })).toEqual(stored);
    expect((await plain.session.get('/api/application-systems/not-a-uuid')).status).toBe(404);
  });
});
