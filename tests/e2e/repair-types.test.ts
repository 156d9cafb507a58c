// 物品管理 › 報修類型管理 in Chromium, by the manual's labels: a 民政局 agency admin adds a 報修類型 with two
// 維修人員 (設置維修人員: at least two characters of the name typed, picked from the list, 確定), two 分類 and
// 類型保管人 1, then sets 類型保管人 2 with 異動原因 and sees it in the 保管人異動 log. The custodian, a general
// user, finds 管理主控台功能 › 物品管理 › 報修類型管理 with only that type. Screens in light and dark,
// desktop and phone.
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPrisma } from '../integration/db/helpers';
import { createActiveUser, createAgencyAdmin } from '../integration/api/support-users';
import { e2e } from '../support/env';
import { openBrowser, screenshotVariants, useBrowserJourney } from './support/browser';
import { login, sideMenu } from './support/portal';

const prisma = testPrisma();
const tag = crypto.randomBytes(3).toString('hex');
const typeName = `公文管理系統維修-${tag}`;
// Two 維修人員 sharing their first two characters (鄔維), so two typed characters find both.
const vendorNames = [`鄔維甲${tag}`, `鄔維乙${tag}`];
type User = Awaited<ReturnType<typeof createActiveUser>>;
let admin: User;
let custodian: User;
let colleague: User;
let vendors: User[];

beforeAll(async () => {
  [admin, custodian, colleague, ...vendors] = await Promise.all([
    createAgencyAdmin(prisma, 'G01', 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G15-01'),
  ]);
  vendors = await Promise.all(vendors.map((v, i) => prisma.user.update({ where: { id: v.id }, data: { name: vendorNames[i] } })));
});
afterAll(async () => {
  await prisma.$disconnect();
});

const pickPerson = async (page: Page, label: RegExp, account: string) => {
  await page.getByRole('combobox', { name: label }).fill(account);
  await page.getByRole('option', { name: new RegExp(account) }).click();
};
const openRepairTypes = async (page: Page) => {
  const menu = sideMenu(page);
  await menu.getByRole('button', { name: '管理主控台功能' }).click();
  await menu.getByRole('link', { name: '物品管理' }).click();
  await menu.getByRole('link', { name: '報修類型管理' }).click();
  await page.getByRole('heading', { level: 1, name: '報修類型管理' }).waitFor();
};

describe('報修類型管理: an agency admin sets up a type; its custodian, a general user, finds it', () => {
  const journey = useBrowserJourney();

  it('the agency admin adds a type with two 維修人員, two 分類 and 類型保管人 1', async () => {
    const session = journey();
    const { page } = session;
    await login(page, { account: admin.account, password: e2e.password() });
    await openRepairTypes(page);
    await page.getByRole('link', { name: '新增', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '新增報修類型' }).waitFor();
    await page.getByText('此功能僅限機關管理者&系統管理者使用').waitFor();
    // Saving the empty form names what is missing.
    await page.getByRole('button', { name: '儲存' }).click();
    await page.getByText('請輸入名稱').waitFor();
    await page.getByText('請選擇允許報修機關').waitFor();

    await page.getByRole('textbox', { name: '名稱' }).fill(typeName);
    await page.getByRole('radio', { name: '全府' }).check();
    await page.getByRole('textbox', { name: '回覆時限（小時）' }).fill('8');

    const vendorsBox = page.getByRole('region', { name: '報修廠商資訊' });
    await vendorsBox.getByText('尚未設置維修人員').waitFor();
    for (const [i, name] of vendorNames.entries()) {
      await vendorsBox.getByRole('button', { name: '設置維修人員' }).click();
      const field = page.getByRole('combobox', { name: '新維修人員姓名' });
      // One character is not enough to search.
      await field.fill(name.slice(0, 1));
      await page.getByText('請輸入至少 2 個字的帳號或姓名').first().waitFor();
      await field.fill(name.slice(0, 2));
      await page.getByRole('option', { name: new RegExp(name) }).click();
      if (i === 0) await screenshotVariants(session, 'repair-types-1-vendor-picker');
      await vendorsBox.getByRole('button', { name: '確定' }).click();
      await vendorsBox.getByRole('list', { name: '維修人員' }).getByText(new RegExp(name)).waitFor();
    }

    for (const category of ['一般操作問題', '系統異常']) {
      await page.getByRole('textbox', { name: '新增分類' }).fill(category);
      await page.getByRole('button', { name: '加入分類' }).click();
    }
    await pickPerson(page, /類型保管人 1/, custodian.account);
    await page.getByRole('button', { name: '儲存' }).click();

    await page.getByRole('heading', { level: 1, name: `報修類型管理：${typeName}` }).waitFor();
    await page.getByText('新增成功').waitFor();
    await page.getByRole('tab', { name: '報修類型資訊', selected: true }).waitFor();
    expect(
      await page.getByRole('textbox', { name: /^分類 \d$/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(['一般操作問題', '系統異常']);
    await screenshotVariants(session, 'repair-types-2-info');

    const type = await prisma.repairType.findFirstOrThrow({
      where: { name: typeName },
      include: { vendors: true, categories: { orderBy: { sortOrder: 'asc' } } },
    });
    expect(type).toMatchObject({ audience: 'CITY', replyTargetHours: 8, custodian1Id: custodian.id, custodian2Id: null });
    expect(type.vendors.map((v) => v.userId).sort()).toEqual(vendors.map((v) => v.id).sort());
    expect(type.categories.map((c) => c.name)).toEqual(['一般操作問題', '系統異常']);
    expect(session.pageErrors).toEqual([]);
  });

  it('sets 類型保管人 2 with 異動原因 and sees the change in the 保管人異動 log', async () => {
    const session = journey();
    const { page } = session;
    await page.getByRole('tab', { name: '保管人設定' }).click();
    await page.getByRole('button', { name: '類型保管人 2 設置保管人' }).click();
    const dialog = page.getByRole('dialog', { name: /設置保管人/ });
    await dialog.getByRole('button', { name: '確定' }).click();
    await dialog.getByText('請輸入異動原因').waitFor();
    await pickPerson(page, /新類型保管人姓名/, colleague.account);
    await dialog.getByRole('textbox', { name: '異動原因' }).fill('業務需要');
    await dialog.getByRole('button', { name: '確定' }).click();
    await page.getByText('編輯成功').waitFor();
    const log = page.getByRole('table', { name: '保管人異動紀錄' });
    await log.getByRole('row').filter({ hasText: '業務需要' }).filter({ hasText: '類型保管人 2' }).waitFor();
    await log.getByRole('row').filter({ hasText: '新增報修類型' }).waitFor();
    await screenshotVariants(session, 'repair-types-3-custodians');
    const type = await prisma.repairType.findFirstOrThrow({ where: { name: typeName } });
    expect(type.custodian2Id).toBe(colleague.id);
    expect(session.pageErrors).toEqual([]);
  });

  it('the custodian, a general user, finds 物品管理 › 報修類型管理 with only the type they hold', async () => {
    const custodianSession = await openBrowser();
    try {
      const { page } = custodianSession;
      await login(page, { account: custodian.account, password: e2e.password() });
      await openRepairTypes(page);
      const menu = sideMenu(page);
      expect(await menu.getByRole('link', { name: '場地清單管理' }).count()).toBe(0);
      expect(await menu.getByRole('link', { name: '帳號管理', exact: true }).count()).toBe(0);
      const table = page.getByRole('table', { name: '報修類型管理' });
      await table.getByRole('cell', { name: typeName, exact: true }).waitFor();
      expect(await table.getByRole('row').count()).toBe(2);
      expect(await page.getByRole('link', { name: '新增', exact: true }).count()).toBe(0);
      await screenshotVariants(custodianSession, 'repair-types-4-custodian-list');
      await table.getByRole('link', { name: `編輯 ${typeName}` }).click();
      await page.getByRole('heading', { level: 1, name: `報修類型管理：${typeName}` }).waitFor();
      await page.getByRole('button', { name: '儲存' }).waitFor();
      expect(await page.getByRole('button', { name: '刪除' }).count()).toBe(0);
      await page.getByRole('tab', { name: '處理狀況' }).click();
      expect(custodianSession.pageErrors).toEqual([]);
    } finally {
      await custodianSession.close();
    }
  });
});
