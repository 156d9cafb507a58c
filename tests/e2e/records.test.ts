// 個人帳號登入紀錄 and 個人帳號使用紀錄 as a user sees them: a wrong password and a success both listed
// with 詳細 and 返回查詢, 進階查詢 by 操作結果, and a 轉登 that appears in the usage records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REDIRECT_CLIENT_ID } from '../../prisma/seed-integrations';
import { testPrisma } from '../integration/db/helpers';
import { createActiveUser } from '../integration/api/support-users';
import { openBrowser, screenshot, screenshotVariants, type BrowserSession } from './support/browser';
import { gotoPath, passwordField, submitGeneralLogin } from './support/portal';

describe('個人帳號登入紀錄 / 個人帳號使用紀錄', () => {
  const prisma = testPrisma();
  let session: BrowserSession;
  let user: Awaited<ReturnType<typeof createActiveUser>>;
  const password = process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026';

  beforeAll(async () => {
    user = await createActiveUser(prisma);
    session = await openBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await prisma.$disconnect();
  });

  it('lists a wrong password and then a successful login, each with 詳細, newest first', async () => {
    const { page } = session;
    await gotoPath(page, '/login');
    await submitGeneralLogin(page, { account: user.account, password: 'Wrong-Password-1!' });
    await page.getByRole('alert').filter({ hasText: '帳號或密碼錯誤' }).waitFor();
    expect(await passwordField(page).inputValue()).toBe('');
    await submitGeneralLogin(page, { account: user.account, password });
    await page.waitForURL('**/home');

    await page.getByRole('button', { name: user.name }).click();
    await page.getByRole('menuitem', { name: '個人帳號登入紀錄' }).click();
    await page.getByRole('heading', { level: 1, name: '個人帳號登入紀錄' }).waitFor();
    const grid = page.getByRole('grid', { name: '登入紀錄' });
    const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    for (const header of ['操作時間', '登入方式', 'IP', '瀏覽器', '動作', '操作結果', '詳細']) {
      await grid.getByRole('columnheader', { name: header }).waitFor();
    }
    expect(await rows.nth(0).innerText()).toMatch(/一般登入[\s\S]*Chrome \(Headless\) \d+ \/ Linux[\s\S]*登入[\s\S]*成功/);
    expect(await rows.nth(1).innerText()).toContain('失敗');
    await page.getByText('共 2 筆').waitFor();
    await screenshotVariants(session, 'login-records', async (p) => {
      await p.getByRole('heading', { level: 1, name: '個人帳號登入紀錄' }).waitFor();
    });

    await rows.nth(1).getByRole('link', { name: /^詳細/ }).click();
    await page.getByRole('heading', { level: 1, name: '登入紀錄詳細資料' }).waitFor();
    const detail = page.getByRole('region', { name: '登入紀錄內容' });
    await detail.getByText('密碼錯誤').waitFor();
    expect(await detail.innerText()).toContain(user.account);
    await screenshotVariants(session, 'login-record-detail', async (p) => {
      await p.getByText('失敗原因').waitFor();
    });
    await page.getByRole('link', { name: '返回查詢' }).click();
    await page.getByRole('heading', { level: 1, name: '個人帳號登入紀錄' }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });

  it('narrows the list with 進階查詢 › 操作結果 and refuses a reversed date range', async () => {
    const { page } = session;
    await page.getByRole('button', { name: '進階查詢' }).click();
    await page.getByRole('combobox', { name: '操作結果' }).click();
    await page.getByRole('option', { name: '失敗' }).click();
    await page.getByRole('button', { name: '查詢', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('result') === 'FAILURE');
    await page.getByText('共 1 筆').waitFor();
    await screenshot(page, 'login-records-advanced');

    await page.getByLabel('起日').fill('2030-01-02');
    await page.getByLabel('迄日').fill('2030-01-01');
    await page.getByRole('button', { name: '查詢', exact: true }).click();
    await page.getByText('起日不可晚於迄日').waitFor();
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
  });

  it('goes to a registered system by 轉登 and finds it in 個人帳號使用紀錄', async () => {
    const { page } = session;
    const system = await prisma.integrationSystem.findUniqueOrThrow({ where: { clientId: DEMO_REDIRECT_CLIENT_ID } });
    await gotoPath(page, `/api/integrations/v1/redirect-login/${system.id}`);
    await page.getByRole('heading', { name: '示範系統（轉登）：轉登成功' }).waitFor();
    expect(await page.locator('[data-claim="preferred_username"]').innerText()).toBe(user.account);
    await screenshot(page, 'redirect-login-demo');

    await gotoPath(page, '/account/usage-records');
    await page.getByRole('heading', { level: 1, name: '個人帳號使用紀錄' }).waitFor();
    const grid = page.getByRole('grid', { name: '使用紀錄' });
    await grid.getByRole('gridcell', { name: '轉登應用系統' }).waitFor();
    await grid.getByRole('gridcell', { name: '示範系統（轉登）' }).waitFor();
    await screenshotVariants(session, 'usage-records', async (p) => {
      await p.getByRole('heading', { level: 1, name: '個人帳號使用紀錄' }).waitFor();
    });
    expect(session.pageErrors).toEqual([]);
  });
});
