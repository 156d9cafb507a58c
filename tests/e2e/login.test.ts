// 個人帳號登入 › 一般登入: field checks, wrong password, and the way back to the page that asked for a login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, screenshotVariants, sysadmin, generalUser, type BrowserSession } from './support/browser';
import { gotoPath, passwordField, submitGeneralLogin } from './support/portal';

describe('login (一般登入)', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('asks for both fields before calling the server', async () => {
    const { page } = session;
    await gotoPath(page, '/login');
    await page.getByRole('heading', { level: 1, name: '單一帳號認證平台' }).waitFor();
    expect(await page.getByRole('tab', { name: '一般登入' }).getAttribute('aria-selected')).toBe('true');

    await screenshotVariants(session, 'login', async (p) => {
      await p.getByLabel('登入帳號').waitFor();
    });

    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.getByText('請輸入登入帳號').waitFor();
    await page.getByText('請輸入密碼').waitFor();
    expect(await page.getByLabel('登入帳號').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows 帳號或密碼錯誤 for a wrong password and stays on the page', async () => {
    const { page } = session;
    await gotoPath(page, '/login');
    await submitGeneralLogin(page, { account: generalUser().account, password: 'Wrong-Password-1!' });

    const alert = page.getByRole('alert').filter({ hasText: '帳號或密碼錯誤' });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/login\/sso\/[\w-]+$/);
    expect(await passwordField(page).inputValue()).toBe('');
    expect(await page.getByRole('button', { name: '登入', exact: true }).isEnabled()).toBe(true);
    await screenshot(page, 'login-wrong-password');
  });

  it('sends a visitor of a logged-in page to /login and back there afterwards', async () => {
    const { page } = session;
    await gotoPath(page, '/console/ad-sync');
    await page.waitForURL('**/login/sso/**');
    await submitGeneralLogin(page, sysadmin());
    await page.waitForURL('**/console/ad-sync');
    await page.getByRole('heading', { level: 1, name: 'AD 同步管理作業' }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
