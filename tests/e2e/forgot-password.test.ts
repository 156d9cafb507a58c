// 忘記密碼 by 備用信箱 and by 手機簡訊, and the forced change of an expired password, as a person does
// them in Chromium against the real services (API, Temporal, PostgreSQL, Samba AD, SMTP sink, SMS simulator).
// 使用自然人憑證 / 使用行動自然人憑證 are covered by the certificate methods' own e2e tests.
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdClient } from '../../infra/ad/client';
import { adConfigFromEnv } from '../../infra/ad/config';
import { createPrisma } from '../../infra/db/prisma';
import { createResettableUser, FIRST_PASSWORD } from '../support/reset-users';
import { baseUrl, screenshot, useBrowserPerTest } from './support/browser';
import { eventually, fillCaptcha, gotoPath, login } from './support/portal';

const prisma = createPrisma(process.env.DATABASE_URL!);
const ad = createAdClient(adConfigFromEnv(process.env));
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const FIRST = FIRST_PASSWORD;
let ouDn: string;

beforeAll(async () => {
  ouDn = await ad.ensureOuPath([{ code: `t-e2e-pw-${crypto.randomBytes(3).toString('hex')}`, name: 'e2e 忘記密碼' }]);
});
afterAll(async () => {
  await ad.deleteSubtree(ouDn).catch(() => undefined);
  await prisma.$disconnect();
});

const session = useBrowserPerTest();

const activeUser = (options: { changedAt?: Date } = {}) =>
  createResettableUser({ prisma, ad, dataKey, hashKey, ouDn }, { prefix: 'fp', ...options });

async function devMessages(kind: 'mailbox' | 'sms', to: string): Promise<{ id: string; body: string; subject?: string }[]> {
  const response = await fetch(`${baseUrl()}/dev/${kind}/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { messages: { id: string; body: string; subject?: string }[] }).messages;
}

async function sixDigits(kind: 'mailbox' | 'sms', to: string): Promise<string> {
  let code: string | undefined;
  await eventually(
    `a code sent to ${to}`,
    async () => {
      const message = (await devMessages(kind, to)).find((m) => kind === 'sms' || m.subject?.includes('驗證碼'));
      code = message && /\b(\d{6})\b/.exec(message.body)?.[1];
      return Boolean(code);
    },
    60_000,
  );
  return code!;
}

/** From the SSO login page's 一般登入, 忘記密碼, then the method. */
async function openForgotPassword(page: Page, method: string) {
  await gotoPath(page, '/login');
  await page.getByRole('link', { name: '忘記密碼' }).click();
  await page.waitForURL('**/login/forgot-password');
  await page.getByRole('heading', { level: 1, name: '忘記密碼' }).waitFor();
  for (const label of ['使用自然人憑證', '使用行動自然人憑證', '使用備用信箱', '使用手機簡訊']) {
    await expect(page.getByText(label, { exact: true }).count()).resolves.toBeGreaterThan(0);
  }
  await screenshot(page, 'forgot-password-methods');
  await page.getByRole('button', { name: new RegExp(`^${method}`) }).click();
}

/** 輸入新密碼: the rules react as one types; a reused password is refused by the server; then a good one. */
async function setNewPassword(page: Page, account: string, password: string, shot: string) {
  await page.getByRole('heading', { name: '輸入新密碼' }).waitFor();
  const newPassword = page.getByLabel(/^新密碼/);
  const rule = (id: string) => page.locator(`[data-rule="${id}"]`);
  await newPassword.fill(`${account.toUpperCase()}!a1`);
  await expect(rule('account').getAttribute('data-state')).resolves.toBe('fail');
  await newPassword.fill('short');
  await expect(rule('length').getAttribute('data-state')).resolves.toBe('fail');
  await screenshot(page, `${shot}-rules`);

  await newPassword.fill(FIRST);
  await page.getByLabel(/^再次輸入新密碼/).fill(FIRST);
  await page.getByRole('button', { name: '繼續' }).click();
  await page.getByText('新密碼不可與最近 3 次使用過的密碼相同').first().waitFor();
  await expect(rule('history').getAttribute('data-state')).resolves.toBe('fail');

  await newPassword.fill(password);
  await page.getByLabel(/^再次輸入新密碼/).fill(password);
  await page.getByRole('button', { name: '繼續' }).click();
  await page.getByRole('heading', { name: '變更完成' }).waitFor();
  await screenshot(page, `${shot}-done`);
  // 變更完成 goes back to the login page by itself.
  await page.waitForURL('**/login/sso/**', { timeout: 20_000 });
}

describe('忘記密碼 (Chromium)', () => {
  it('使用備用信箱: 信箱 + 圖形驗證碼 → 驗證碼 → 新密碼 → 變更完成 → back at login, where only the new password works', async () => {
    const user = await activeUser();
    const { page } = session();
    await openForgotPassword(page, '使用備用信箱');
    await page.getByRole('textbox', { name: /^備用信箱/ }).fill(user.email);
    await fillCaptcha(page);
    await page.getByRole('button', { name: '繼續' }).click();
    await page.getByLabel(/^驗證碼/).fill(await sixDigits('mailbox', user.email));
    await page.getByRole('button', { name: '繼續' }).click();
    await page.getByText('使用備用信箱/重設密碼').waitFor();
    await screenshot(page, 'forgot-password-email-new-password');

    const password = `Mail!${crypto.randomBytes(2).toString('hex')}A9`;
    await setNewPassword(page, user.account, password, 'forgot-password-email');
    await login(page, { account: user.account, password });
    expect(new URL(page.url()).pathname).toBe('/home');
    await eventually('AD has the new password', () => ad.verifyPassword(user.account, password), 45_000);
  });

  it('使用手機簡訊: 手機號碼 + 圖形驗證碼 → 簡訊驗證碼 → 新密碼; the old password no longer logs in', async () => {
    const user = await activeUser();
    const { page } = session();
    await openForgotPassword(page, '使用手機簡訊');
    await page.getByLabel(/^手機號碼/).fill(user.mobile);
    await fillCaptcha(page);
    await screenshot(page, 'forgot-password-sms-start');
    await page.getByRole('button', { name: '繼續' }).click();
    await page.getByLabel(/^簡訊驗證碼/).waitFor();
    await screenshot(page, 'forgot-password-sms-code');
    await page.getByLabel(/^簡訊驗證碼/).fill(await sixDigits('sms', user.mobile));
    await page.getByRole('button', { name: '繼續' }).click();
    await page.getByText('使用手機簡訊/重設密碼').waitFor();

    const password = `Sms!${crypto.randomBytes(2).toString('hex')}B8`;
    await setNewPassword(page, user.account, password, 'forgot-password-sms');

    // The old password is refused on the login page; the new one gets in.
    await page.getByLabel('登入帳號').fill(user.account);
    await page.getByLabel(/^密碼/).fill(FIRST);
    await fillCaptcha(page);
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.getByText('帳號或密碼錯誤').first().waitFor();
    await login(page, { account: user.account, password });
    expect(new URL(page.url()).pathname).toBe('/home');
  });

  it('密碼已逾期: the login sends the user to set a new password, then back to 個人帳號登入', async () => {
    const user = await activeUser({ changedAt: new Date(Date.now() - 400 * 86_400_000) });
    const { page } = session();
    await gotoPath(page, '/login');
    await page.getByLabel('登入帳號').fill(user.account);
    await page.getByLabel(/^密碼/).fill(FIRST);
    await fillCaptcha(page);
    await page.getByRole('button', { name: '登入', exact: true }).click();
    await page.waitForURL('**/login/password-expired');
    await page.getByText('的密碼已超過有效期限').waitFor();
    await screenshot(page, 'password-expired');

    const password = `Renew!${crypto.randomBytes(2).toString('hex')}C7`;
    await setNewPassword(page, user.account, password, 'password-expired');
    await login(page, { account: user.account, password });
    expect(new URL(page.url()).pathname).toBe('/home');
  });
});
