// 物品管理 in Chromium, by the manual's labels: a 民政局 agency admin creates a venue (開放借用時間 per
// weekday, 允許借用機關 with another agency added by +, 保管人 1) and sets its 保管人 2 with 異動原因; a
// driver; a car with that driver bound by 選擇公務車司機. The venue's custodian, a general user, then
// finds 物品管理 › 場地清單管理 in the side menu and sees only that venue.
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPrisma } from '../integration/db/helpers';
import { createActiveUser } from '../integration/api/support-users';
import { openBrowser, screenshot, stepsInOrder, type BrowserSession } from './support/browser';
import { login, sideMenu } from './support/portal';

const prisma = testPrisma();
const tag = crypto.randomBytes(3).toString('hex');
const venueName = `第二會議室-${tag}`;
const driverName = `李司機${tag}`;
const plate = `RAB-${tag}`;
let admin: Awaited<ReturnType<typeof createActiveUser>>;
let custodian: Awaited<ReturnType<typeof createActiveUser>>;
let colleague: Awaited<ReturnType<typeof createActiveUser>>;

beforeAll(async () => {
  [admin, custodian, colleague] = await Promise.all([
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
  ]);
  const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
  await prisma.roleAssignment.create({
    data: { userId: admin.id, role: 'AGENCY_ADMIN', organizationId: g01.id, grantedAt: new Date(Date.now() - 60_000) },
  });
});
afterAll(async () => {
  await prisma.$disconnect();
});

const select = async (page: Page, label: RegExp, option: string) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};
const pickPerson = async (page: Page, label: RegExp, account: string) => {
  await page.getByRole('combobox', { name: label }).fill(account);
  await page.getByRole('option', { name: new RegExp(account) }).click();
};
const openItems = async (page: Page, list: string) => {
  const menu = sideMenu(page);
  await menu.getByRole('button', { name: '管理主控台功能' }).click();
  await menu.getByRole('link', { name: list }).click();
  await page.getByRole('heading', { level: 1, name: list }).waitFor();
};

describe('物品管理: 場地, 派遣司機, 公務車 and a custodian who is a general user', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });
  stepsInOrder();

  it('the agency admin adds a venue with its 開放借用時間, 允許借用機關 and 保管人, then a 保管人 2', async () => {
    const { page } = session;
    await login(page, { account: admin.account, password: process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026' });
    await openItems(page, '場地清單管理');
    await page.getByRole('link', { name: '新增場地' }).click();
    await page.getByText('此功能僅限機關管理者&系統管理者使用').waitFor();
    // Saving the empty form names what is missing.
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByText('請輸入場地名稱').waitFor();

    await select(page, /所在地/, '民治市政中心');
    await page.getByRole('textbox', { name: '所在樓層' }).fill('2樓');
    await page.getByRole('textbox', { name: '場地名稱' }).fill(venueName);
    await page.getByRole('textbox', { name: '容納人數' }).fill('100');
    // Friday closed; Saturday morning open.
    await page.getByRole('checkbox', { name: '周五 開放' }).uncheck();
    await page.getByRole('checkbox', { name: '周六 開放' }).check();
    await select(page, /周六開始時間/, '9:00');
    await select(page, /周六結束時間/, '12:00');
    await page.getByRole('textbox', { name: '場地電話' }).fill('2991111');
    await page.getByRole('radio', { name: '是', exact: true }).check();
    await page.getByRole('radio', { name: /開放機關同仁及其他機關人員借用/ }).check();
    await page.getByRole('combobox', { name: '其他機關' }).fill('法制處');
    await page.getByRole('option', { name: '法制處', exact: true }).click();
    await page.getByRole('button', { name: '加入機關' }).click();
    await page.getByRole('list', { name: '其他機關' }).getByText('法制處').waitFor();
    await pickPerson(page, /保管人 1/, custodian.account);
    await page.getByRole('button', { name: '儲存' }).click();

    await page.getByRole('heading', { level: 1, name: `場地管理：${venueName}` }).waitFor();
    await page.getByText('新增成功').waitFor();
    expect(await page.getByRole('checkbox', { name: '周五 開放' }).isChecked()).toBe(false);
    await page.screenshot({ path: '/tmp/items-venue-detail.png', fullPage: true });
    await screenshot(page, 'items-1-venue-detail');

    await page.getByRole('tab', { name: '保管人設定' }).click();
    await page.getByRole('button', { name: '保管人 2 設置保管人' }).click();
    const dialog = page.getByRole('dialog', { name: /設置保管人/ });
    await dialog.getByRole('button', { name: '確定' }).click();
    await dialog.getByText('請輸入異動原因').waitFor();
    await pickPerson(page, /新保管人姓名/, colleague.account);
    await dialog.getByRole('textbox', { name: '異動原因' }).fill('業務需要');
    await dialog.getByRole('button', { name: '確定' }).click();
    await page.getByText('編輯成功').waitFor();
    await page.getByRole('table', { name: '保管人異動紀錄' }).getByRole('row').filter({ hasText: '業務需要' }).waitFor();
    await page.screenshot({ path: '/tmp/items-venue-custodians.png', fullPage: true });
    const venue = await prisma.resource.findFirstOrThrow({ where: { name: venueName }, include: { allowedAgencies: true } });
    expect(venue).toMatchObject({
      custodian1Id: custodian.id,
      custodian2Id: colleague.id,
      audience: 'OWN_AND_LISTED',
      capacity: 100,
    });
    expect((venue.openHours as unknown[])[4]).toBeNull();
    expect((venue.openHours as unknown[])[5]).toEqual({ open: 540, close: 720 });
    expect(venue.allowedAgencies).toHaveLength(1);
    expect(session.pageErrors).toEqual([]);
  });

  it('the agency admin adds a driver, then a car bound to that driver', async () => {
    const { page } = session;
    await openItems(page, '派遣司機清單管理');
    await page.getByRole('link', { name: '新增司機' }).click();
    await select(page, /所在地/, '民治市政中心');
    await page.getByRole('textbox', { name: '司機姓名' }).fill(driverName);
    await page.getByRole('textbox', { name: '司機證照' }).fill('大客車');
    await page.getByRole('textbox', { name: '司機聯絡電話' }).fill('0912345');
    await page.getByRole('radio', { name: '是', exact: true }).check();
    await page.getByRole('radio', { name: '僅限機關同仁派遣(不含所屬機關)' }).check();
    await pickPerson(page, /管理人 1/, admin.account);
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByText('司機聯絡電話格式錯誤，格式：0912345678').waitFor();
    await page.getByRole('textbox', { name: '司機聯絡電話' }).fill('0912345678');
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('heading', { level: 1, name: `派遣司機管理：${driverName}` }).waitFor();
    await page.getByRole('tab', { name: '管理人設定' }).waitFor();

    await openItems(page, '公務車清單管理');
    await page.getByRole('link', { name: '新增公務車' }).click();
    await select(page, /所在地/, '民治市政中心');
    await page.getByRole('textbox', { name: '車型' }).fill('小客車');
    await page.getByRole('textbox', { name: '車號' }).fill(plate);
    await page.getByRole('textbox', { name: '乘客人數上限' }).fill('5');
    await page.getByRole('textbox', { name: '廠牌' }).fill('ABC');
    await page.getByRole('textbox', { name: '年份' }).fill('2022');
    await page.getByRole('textbox', { name: '排氣量' }).fill('2000');
    await page.getByRole('textbox', { name: '公務車編號' }).fill('ABC001');
    await page.getByRole('radio', { name: '是', exact: true }).check();
    await page.getByRole('radio', { name: '全府' }).check();
    await pickPerson(page, /保管人 1/, admin.account);
    const drivers = page.getByRole('region', { name: '公務車司機' });
    await drivers.getByText('目前沒有資料').waitFor();
    await drivers.getByRole('button', { name: '選擇公務車司機' }).click();
    const choose = page.getByRole('dialog', { name: '選擇公務車司機' });
    await choose.getByRole('checkbox', { name: new RegExp(driverName) }).check();
    await choose.getByRole('button', { name: '確定' }).click();
    await drivers.getByRole('cell', { name: driverName, exact: true }).waitFor();
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByRole('heading', { level: 1, name: `公務車管理：${plate}` }).waitFor();
    await page.getByRole('region', { name: '公務車司機' }).getByRole('cell', { name: driverName, exact: true }).waitFor();
    const car = await prisma.resource.findFirstOrThrow({
      where: { name: plate },
      include: { drivers: { include: { driver: true } } },
    });
    expect(car.drivers.map((d) => d.driver.name)).toEqual([driverName]);
    expect(session.pageErrors).toEqual([]);
  });

  it('the custodian, a general user, finds 物品管理 › 場地清單管理 with only the venue they hold', async () => {
    const custodianSession = await openBrowser();
    try {
      const { page } = custodianSession;
      await login(page, { account: custodian.account, password: process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026' });
      const menu = sideMenu(page);
      await menu.getByRole('button', { name: '管理主控台功能' }).click();
      await menu.getByRole('link', { name: '場地清單管理' }).waitFor();
      expect(await menu.getByRole('link', { name: '公務車清單管理' }).count()).toBe(0);
      expect(await menu.getByRole('link', { name: '帳號管理', exact: true }).count()).toBe(0);
      await menu.getByRole('link', { name: '場地清單管理' }).click();
      const table = page.getByRole('table', { name: '場地清單管理' });
      await table.getByRole('cell', { name: venueName, exact: true }).waitFor();
      expect(await table.getByRole('row').count()).toBe(2);
      // No 新增場地 for a custodian.
      expect(await page.getByRole('link', { name: '新增場地' }).count()).toBe(0);
      await page.screenshot({ path: '/tmp/items-venue-list.png', fullPage: true });
      await screenshot(page, 'items-2-custodian-list');
      await table.getByRole('link', { name: `編輯 ${venueName}` }).click();
      await page.getByRole('heading', { level: 1, name: `場地管理：${venueName}` }).waitFor();
      expect(await page.getByRole('button', { name: '刪除' }).count()).toBe(0);
      await page.getByRole('tab', { name: '借用紀錄' }).click();
      await page.getByRole('table', { name: '借用紀錄' }).getByText('目前沒有資料').waitFor();
      expect(custodianSession.pageErrors).toEqual([]);
    } finally {
      await custodianSession.close();
    }
  });
});
