// A general user (一般使用者): no 管理主控台功能 in the menu, and 403 on a console page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generalUser, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { gotoPath, login, sideMenu } from './support/portal';

describe('general user', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
    await login(session.page, generalUser());
  });

  afterAll(async () => {
    await session?.close();
  });

  it('sees the manual menu without 管理主控台功能', async () => {
    const { page } = session;
    const menu = sideMenu(page);
    for (const title of ['我的個人應用', '應用程式列表', '資安自我檢查表', '公務通訊資源', '線上申請作業']) {
      await menu.getByRole('button', { name: title }).waitFor();
    }
    await menu.getByRole('link', { name: '內容主頁' }).waitFor();
    expect(await menu.getByRole('button', { name: '管理主控台功能' }).count()).toBe(0);
    expect(await page.getByText('管理主控台功能').count()).toBe(0);
  });

  it('gets 您沒有使用此功能的權限 at /console/ad-sync', async () => {
    const { page } = session;
    await gotoPath(page, '/console/ad-sync');
    await page.getByRole('heading', { level: 1, name: '您沒有使用此功能的權限' }).waitFor();
    expect(await page.getByRole('button', { name: '執行連線測試' }).count()).toBe(0);
    await screenshot(page, 'general-user-forbidden');
  });

  it('opens a page not built yet from the menu as 尚未開放', async () => {
    const { page } = session;
    await gotoPath(page, '/home');
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '公務通訊資源' }).click();
    await menu.getByRole('link', { name: '通訊錄' }).click();
    await page.waitForURL('**/communication/directory');
    await page.getByRole('heading', { level: 1, name: '通訊錄' }).waitFor();
    expect(await page.getByText('此功能尚未開放').isVisible()).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
});
