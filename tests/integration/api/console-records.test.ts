import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taipeiDayStart } from '../../../domain/login-records';
import { e2e } from '../../support/env';
import { apiSession } from '../../support/http';
import { createTestUser, testPrisma } from '../db/helpers';

const prisma = testPrisma();
// Days of their own in the past (records are append-only, so every run picks others).
const randomDay = () =>
  new Date(Date.UTC(1980 + crypto.randomInt(0, 20), crypto.randomInt(0, 12), crypto.randomInt(1, 28))).toISOString().slice(0, 10);
const day = randomDay();
const at = (hour: number) => new Date(taipeiDayStart(day).getTime() + hour * 3_600_000);

let sdcUser: { id: string; account: string };
let cabUser: { id: string; account: string };
let sysadmin: ReturnType<typeof apiSession>;
let sdcAdmin: ReturnType<typeof apiSession>;
let cabAdmin: ReturnType<typeof apiSession>;
let plainUser: ReturnType<typeof apiSession>;

async function orgId(code: string) {
  return (await prisma.organization.findUniqueOrThrow({ where: { code } })).id;
}

beforeAll(async () => {
  // One user of 智慧發展中心 (G25), one of 民政局 (G01), each with login and usage rows that day.
  sdcUser = await prisma.user.update({
    where: { id: (await createTestUser(prisma, await orgId('G25-02'))).id },
    data: { name: '王小明' },
  });
  cabUser = await prisma.user.update({
    where: { id: (await createTestUser(prisma, await orgId('G01-03'))).id },
    data: { name: '李大華' },
  });
  for (const [user, hour] of [
    [sdcUser, 9],
    [cabUser, 10],
  ] as const) {
    await prisma.loginRecord.createMany({
      data: [
        {
          userId: user.id,
          account: user.account,
          method: 'PASSWORD',
          action: 'LOGIN',
          result: 'FAILURE',
          reason: 'BAD_PASSWORD',
          ip: '10.0.0.1',
          at: at(hour),
        },
        {
          userId: user.id,
          account: user.account,
          method: 'OTP',
          action: 'LOGIN',
          result: 'SUCCESS',
          ip: '10.0.0.1',
          at: at(hour + 1),
        },
      ],
    });
    await prisma.usageRecord.create({ data: { userId: user.id, action: 'profile.update', target: 'account', at: at(hour + 2) } });
  }
  // An attempt on an account that does not exist: only system admins see it.
  await prisma.loginRecord.create({
    data: {
      userId: null,
      account: 'nobody_here',
      method: 'PASSWORD',
      action: 'LOGIN',
      result: 'FAILURE',
      reason: 'UNKNOWN_ACCOUNT',
      at: at(12),
    },
  });

  [sysadmin, sdcAdmin, cabAdmin, plainUser] = [apiSession(), apiSession(), apiSession(), apiSession()];
  expect((await sysadmin.login(e2e.sysadmin())).status).toBe(200);
  expect((await sdcAdmin.login('sdcadmin')).status).toBe(200);
  expect((await cabAdmin.login('cabadmin')).status).toBe(200);
  expect((await plainUser.login(e2e.user())).status).toBe(200);
});

afterAll(() => prisma.$disconnect());

const accounts = (items: { account: string }[]) => items.map((i) => i.account).sort();

describe('日誌紀錄管理 › 登入紀錄 (GET /api/console/records/login)', () => {
  it("system admins see every agency's users of the day, including unknown accounts, with name and agency", async () => {
    const { status, body } = await sysadmin.get(`/api/console/records/login?from=${day}&to=${day}`);
    expect(status).toBe(200);
    expect(body.total).toBe(5);
    expect(body.items[0]).toMatchObject({ account: 'nobody_here', name: '', result: 'FAILURE', reasonText: '帳號不存在' });
    const cab = body.items.find((i: { account: string }) => i.account === cabUser.account);
    expect(cab).toMatchObject({ name: '李大華', agency: '民政局' });
    expect(accounts(body.items)).toEqual(
      [cabUser.account, cabUser.account, 'nobody_here', sdcUser.account, sdcUser.account].sort(),
    );
  });

  it('is refused to agency admins on every route, their own agency included (表 2: 系統管理者 only)', async () => {
    const exports = () => prisma.usageRecord.count({ where: { action: 'records.export', user: { account: 'sdcadmin' } } });
    const before = await exports();
    for (const path of ['login', 'usage', 'login/export', 'usage/export']) {
      const url = `/api/console/records/${path}?from=${day}&to=${day}`;
      for (const admin of [sdcAdmin, cabAdmin]) {
        const answer = path.endsWith('export') ? await admin.download(url) : await admin.get(url);
        expect(answer.status, url).toBe(403);
      }
    }
    // Refused before anything is written: an attempted export leaves no 匯出日誌紀錄 row.
    expect(await exports()).toBe(before);
  });

  it('filters by 帳號/姓名, 登入方式, 動作 and 操作結果, and pages', async () => {
    const base = `/api/console/records/login?from=${day}&to=${day}`;
    expect((await sysadmin.get(`${base}&q=${encodeURIComponent('王小')}`)).body.total).toBe(2);
    expect((await sysadmin.get(`${base}&q=${sdcUser.account.toUpperCase()}`)).body.total).toBe(2);
    const otp = await sysadmin.get(`${base}&method=OTP`);
    expect(otp.body.items.map((i: { method: string }) => i.method)).toEqual(['OTP', 'OTP']);
    expect((await sysadmin.get(`${base}&result=FAILURE&action=LOGIN`)).body.total).toBe(3);
    const page = await sysadmin.get(`${base}&pageSize=10&page=0`);
    expect(page.body.items).toHaveLength(5);
    expect((await sysadmin.get(`${base}&pageSize=10&page=1`)).body.items).toHaveLength(0);
    const bad = await sysadmin.get(`${base}&method=FAX`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.method).toBe('登入方式選項錯誤');
  });

  it('is refused to general users (403) and anonymous callers (401)', async () => {
    expect((await plainUser.get('/api/console/records/login')).status).toBe(403);
    expect((await plainUser.download('/api/console/records/usage/export')).status).toBe(403);
    expect((await apiSession().get('/api/console/records/usage')).status).toBe(401);
  });
});

async function readSheet(response: Response) {
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  expect(response.headers.get('content-disposition')).toContain('attachment');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook.worksheets[0]!;
}

describe('日誌紀錄管理 › 匯出 Excel', () => {
  it('writes the searched rows with zh-TW headers and labels, and records the export', async () => {
    const file = await sysadmin.download(`/api/console/records/login/export?from=${day}&to=${day}&result=FAILURE`);
    expect(file.status).toBe(200);
    const sheet = await readSheet(file);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '操作時間',
      '帳號',
      '姓名',
      '機關',
      '登入方式',
      'IP',
      '瀏覽器',
      '動作',
      '操作結果',
      '失敗原因',
    ]);
    expect(sheet.rowCount).toBe(4);
    const unknown = sheet.getRow(2).values as unknown[];
    expect(unknown.slice(1)).toEqual([
      `${day} 12:00:00`,
      'nobody_here',
      '',
      '',
      '一般登入',
      '',
      '未知',
      '登入',
      '失敗',
      '帳號不存在',
    ]);
    const cab = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(cab).toEqual([
      `${day} 10:00:00`,
      cabUser.account,
      '李大華',
      '民政局',
      '一般登入',
      '10.0.0.1',
      expect.any(String),
      '登入',
      '失敗',
      '密碼錯誤',
    ]);

    const usage = await readSheet(await sysadmin.download(`/api/console/records/usage/export?from=${day}&to=${day}`));
    expect(usage.getRow(1).values).toEqual([undefined, '操作時間', '帳號', '姓名', '機關', '動作', '對象', 'IP']);
    expect(usage.rowCount).toBe(3);
    expect(usage.getRow(2).getCell(5).value).toBe('公務資料、個人資料修改');

    const mine = (await sysadmin.get('/api/account/usage-records')).body.items[0];
    expect(mine).toMatchObject({ action: 'records.export', actionLabel: '匯出日誌紀錄', target: 'usage' });
  });

  it('refuses more rows than the limit with a message telling how many and what to do', async () => {
    const bigDay = randomDay();
    const start = taipeiDayStart(bigDay).getTime();
    await prisma.usageRecord.createMany({
      data: Array.from({ length: 10_001 }, (_, i) => ({
        userId: sdcUser.id,
        action: 'password.change',
        at: new Date(start + i * 1000),
      })),
    });
    const answer = await sysadmin.download(`/api/console/records/usage/export?from=${bigDay}&to=${bigDay}`);
    expect(answer.status).toBe(422);
    const body = await answer.json();
    expect(body.error.message).toBe('符合條件的紀錄共 10,001 筆，超過匯出上限 10,000 筆，請縮小起迄日期或加上查詢條件後再匯出');
    // The search itself still pages through them.
    expect((await sysadmin.get(`/api/console/records/usage?from=${bigDay}&to=${bigDay}`)).body.total).toBe(10_001);
  });
});
