// 臺南市政府公務入口網（未登入）: the four entries of the manual, the footer, and an unbuilt page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotVariants, type BrowserSession } from './support/browser';
import { gotoPath } from './support/portal';

describe('landing page (not logged in)', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the header, the four entries of the manual and the footer in zh-TW', async () => {
    const { page } = session;
    await gotoPath(page, '/');
    await page.getByRole('heading', { level: 1, name: '臺南市政府公務入口網' }).waitFor();

    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant-TW');
    expect(await page.getByRole('banner').innerText()).toMatch(/臺南市政府\s*公務入口網/);

    // 個人帳號登入 → /login
    const login = page.getByRole('link', { name: '個人帳號登入' });
    expect(await login.getAttribute('href')).toBe('/login');

    // 機關及系統郵件帳號登入專區 opens the mail system in a new window
    const mail = page.getByRole('link', { name: /機關及系統郵件帳號登入專區/ });
    expect(await mail.getAttribute('target')).toBe('_blank');
    expect(await mail.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await mail.getAttribute('rel')).toContain('noopener');

    // 個人帳號申請/修改/復用 is a menu of three
    await page.getByRole('button', { name: '個人帳號申請/修改/復用' }).click();
    const items = page.getByRole('menuitem');
    await items.first().waitFor();
    expect(await items.allInnerTexts()).toEqual(['個人帳號申請', '修改個人帳號申請內容', '個人帳號復用']);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'hidden' });

    // 機關管理員查詢
    expect(await page.getByRole('link', { name: '機關管理員查詢' }).getAttribute('href')).toBe('/agency-admins/lookup');

    // Footer
    const footer = await page.getByRole('contentinfo').innerText();
    expect(footer).toContain(`${new Date().getFullYear()} 臺南市政府 © 版權所有`);
    expect(footer).toContain('臺南市政府公務入口網是由臺南市政府智慧發展中心開發及維護');
    const contact = page.getByRole('link', { name: '聯絡系統管理員' });
    expect(await contact.getAttribute('href')).toMatch(/^mailto:[^@]+@/);

    expect(session.pageErrors).toEqual([]);
    await screenshotVariants(session, 'landing', async (p) => {
      await p.getByRole('heading', { level: 1, name: '臺南市政府公務入口網' }).waitFor();
    });
  });

  it('opens 個人帳號復用 from the menu of 個人帳號申請/修改/復用, with its title, and goes back', async () => {
    const { page } = session;
    await gotoPath(page, '/');
    await page.getByRole('button', { name: '個人帳號申請/修改/復用' }).click();
    await page.getByRole('menuitem', { name: '個人帳號復用' }).click();

    await page.waitForURL('**/apply/reactivation');
    await page.getByRole('heading', { level: 1, name: '個人帳號復用' }).waitFor();
    await page.getByText('使用行動自然人憑證驗證').first().waitFor();
    expect(await page.getByText('此功能尚未開放').count()).toBe(0);
    expect(await page.title()).toBe('個人帳號復用 - 臺南市政府公務入口網');

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: '個人帳號登入' }).waitFor();

    await gotoPath(page, '/agency-admins/lookup');
    await page.getByRole('heading', { level: 1, name: '機關管理員查詢' }).waitFor();
    await page.getByRole('link', { name: '回公務入口網首頁' }).click();
    await page.waitForURL((url) => url.pathname === '/');
  });

  it('answers an unknown address with 找不到您要的網頁', async () => {
    const { page } = session;
    await gotoPath(page, '/no-such-page');
    await page.getByRole('heading', { level: 1, name: '找不到您要的網頁' }).waitFor();
  });
});
