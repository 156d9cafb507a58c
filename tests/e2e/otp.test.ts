// 動態驗證碼 in Chromium: bind OTP in 個人帳號管理 (the code computed from the secret in the QR's
// otpauth:// URI, as the phone would), log out, log in with a code; a used code is refused; wrong
// codes lock the account with the zh-TW message. Also pictures of the page's binding dialogs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../infra/db/prisma';
import { currentOtp } from '../../api/sso/totp';
import { testEnv } from '../support/env';
import { createActiveUser } from '../integration/api/support-users';
import { openBrowser, screenshot, screenshotVariants, type BrowserSession } from './support/browser';
import { gotoPath, login, logout } from './support/portal';

const prisma = createPrisma(testEnv().DATABASE_URL);
const inSeconds = (offset: number) => Math.floor(Date.now() / 1000) + offset;

async function chooseOtpTab(session: BrowserSession) {
  const { page } = session;
  await gotoPath(page, '/login');
  await page.waitForURL('**/login/sso/**');
  await page.getByRole('tab', { name: '動態驗證碼' }).click();
  await page.getByLabel(/^動態驗證碼\(OTP\)/).waitFor();
}

async function submitOtp(session: BrowserSession, account: string, code: string) {
  const { page } = session;
  await page.getByRole('textbox', { name: /^帳號/ }).fill(account);
  await page.getByLabel(/^動態驗證碼\(OTP\)/).fill(code);
  await page.getByRole('button', { name: '登入', exact: true }).click();
}

describe('OTP 驗證 binding and 動態驗證碼 login', () => {
  let session: BrowserSession;
  let user: Awaited<ReturnType<typeof createActiveUser>>;
  let secret = '';

  beforeAll(async () => {
    user = await createActiveUser(prisma);
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await prisma.$disconnect();
  });

  it('shows 個人帳號管理 in the manual’s block order and turns OTP on only after a code from the app', async () => {
    const { page } = session;
    await login(page, { account: user.account, password: process.env.E2E_DEMO_PASSWORD! });
    await gotoPath(page, '/account');
    await page.getByRole('heading', { level: 1, name: '個人帳號管理' }).waitFor();
    // The blocks appear once the account's data has loaded, a moment after the page's title.
    const blocks = page.getByRole('heading', { level: 2 });
    await expect
      .poll(() => blocks.allInnerTexts(), { timeout: 15_000 })
      .toEqual([
        '個人圖像',
        '帳號狀態',
        '密碼修改',
        '公務資料、個人資料',
        '帳號權限',
        '備用電子郵件',
        '手機號碼',
        '機關(單位)異動',
        '自然人憑證',
        'OTP 驗證',
      ]);
    const status = page.getByRole('region', { name: '帳號狀態' });
    await status.getByText('目前狀態').waitFor();
    expect(await status.innerText()).toContain('啟用');
    await screenshotVariants(session, 'account-settings', async (p) => {
      await p.getByRole('heading', { level: 2, name: 'OTP 驗證' }).waitFor();
    });

    const otp = page.getByRole('region', { name: 'OTP 驗證' });
    await otp.getByRole('button', { name: '進行「OTP驗證」' }).click();
    const consent = page.getByRole('dialog', { name: 'OTP 驗證' });
    expect(await consent.getByRole('button', { name: '確定' }).isDisabled()).toBe(true);
    await consent.getByLabel('啟用 OTP 驗證').check();
    await screenshot(page, 'account-otp-consent');
    await consent.getByRole('button', { name: '確定' }).click();

    const qr = page.getByRole('dialog', { name: 'OTP 驗證' });
    await qr.getByRole('img', { name: 'OTP 驗證 QR 碼' }).waitFor();
    const uri = new URL((await qr.locator('a[data-otpauth]').getAttribute('href'))!);
    expect(uri.protocol).toBe('otpauth:');
    expect(decodeURIComponent(uri.pathname)).toBe(`/臺南市政府單一帳號認證平台:${user.account}`);
    secret = uri.searchParams.get('secret')!;
    expect(await qr.getByRole('link', { name: 'Google Play' }).count()).toBeGreaterThan(0);
    await screenshotVariants(session, 'account-otp-qr', async (p) => {
      await p.getByRole('img', { name: 'OTP 驗證 QR 碼' }).waitFor();
    });

    // A wrong code leaves OTP off.
    const right = await currentOtp(secret);
    await qr.getByLabel('動態驗證碼(OTP)').fill(right === '000000' ? '111111' : '000000');
    await qr.getByRole('button', { name: '確認啟用' }).click();
    await qr.getByText('動態驗證碼錯誤，請輸入 APP 上目前顯示的 6 位數驗證碼').waitFor();

    await qr.getByLabel('動態驗證碼(OTP)').fill(await currentOtp(secret));
    await qr.getByRole('button', { name: '確認啟用' }).click();
    await qr.getByText('OTP 驗證已啟用').waitFor();
    await qr.getByRole('button', { name: '關閉' }).click();
    await otp.getByText('OTP 驗證已啟用，之後可使用「動態驗證碼」登入').waitFor();
    await otp.getByRole('button', { name: '關閉「OTP 驗證」' }).waitFor();
    expect(await otp.innerText()).toContain('已啟用');
    await screenshot(page, 'account-otp-enabled');
  });

  it('logs out, then logs in with the next code from the app; the same code does not work twice', async () => {
    const { page } = session;
    await logout(page, user.name);
    await chooseOtpTab(session);
    await screenshotVariants(session, 'login-otp', async (p) => {
      await p.getByLabel(/^動態驗證碼\(OTP\)/).waitFor();
    });
    // The code that enabled OTP has been used; the app's next one works (±1 step).
    const next = await currentOtp(secret, inSeconds(30));
    await submitOtp(session, user.account, next);
    await page.waitForURL('**/home');
    await page.getByRole('heading', { level: 1, name: '內容主頁' }).waitFor();

    await logout(page, user.name);
    await chooseOtpTab(session);
    await submitOtp(session, user.account, next);
    await page.getByRole('alert').filter({ hasText: '帳號或動態驗證碼錯誤' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/login\/sso\//);
    expect(await page.getByLabel(/^動態驗證碼\(OTP\)/).inputValue()).toBe('');
    await screenshot(page, 'login-otp-reused');
  });

  it('locks the account after the configured number of wrong codes, with the zh-TW message', async () => {
    const { page } = session;
    const threshold = Number(
      (await prisma.systemParameter.findUniqueOrThrow({ where: { key: 'login.lockoutThreshold' } })).value,
    );
    const valid = new Set([
      await currentOtp(secret, inSeconds(-30)),
      await currentOtp(secret),
      await currentOtp(secret, inSeconds(30)),
    ]);
    let candidate = 200_000;
    // One wrong try was made above (the reused code).
    for (let i = 1; i < threshold; i++) {
      while (valid.has(String(candidate))) candidate++;
      await submitOtp(session, user.account, String(candidate++));
      await page.getByRole('button', { name: '登入', exact: true }).and(page.locator(':enabled')).waitFor();
    }
    await page
      .getByRole('alert')
      .filter({ hasText: /登入失敗次數過多，帳號已暫時鎖定，請於 \d+ 分鐘後再試/ })
      .waitFor();
    // Locked: the right code is refused too.
    await submitOtp(session, user.account, await currentOtp(secret, inSeconds(30)));
    await page.getByRole('alert').filter({ hasText: '帳號已暫時鎖定' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/login\/sso\//);
    await screenshot(page, 'login-otp-locked');
  });
});
