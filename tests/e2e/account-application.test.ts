// 個人帳號申請 → 帳號申請審核 (核准) → 開通帳號 → 登入, as people do it in two browsers, against the real
// services (Temporal workflow, Samba AD over LDAPS, dev mailbox).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdClient, type AdClient } from '../../infra/ad/client';
import { adConfigFromEnv } from '../../infra/ad/config';
import { randomNationalId } from '../support/applicant';
import { type BrowserSession, openBrowser, screenshot, stepsInOrder } from './support/browser';
import { eventually, fillCaptcha, gotoPath, login, reloadUntilListed, submitGeneralLogin } from './support/portal';
import { verifyBackupEmail, waitForMail } from './support/verification';

describe('個人帳號申請 → 核准 → 開通帳號 → 登入', () => {
  const suffix = crypto.randomBytes(4).toString('hex');
  const email = `e2e-${suffix}@example.com`;
  const account = `e2e${suffix}`.slice(0, 12);
  const name = '林端測';
  const password = 'Str0ng!Pass';
  let applicant: BrowserSession;
  let approver: BrowserSession;

  beforeAll(async () => {
    applicant = await openBrowser();
    approver = await openBrowser();
  });

  // Each step needs the one before: after a failure the rest are skipped instead of waiting out their timeouts.
  stepsInOrder();

  afterAll(async () => {
    await applicant?.close();
    await approver?.close();
  });

  it('the applicant verifies the backup e-mail and submits 個人帳號申請', async () => {
    const { page } = applicant;
    await gotoPath(page, '/apply/account');
    await verifyBackupEmail(page, email, '確定', 'apply-1');

    const form = page.getByRole('form', { name: '帳號申請表單' });
    await form.waitFor();
    await form.getByRole('textbox', { name: /身分證號/ }).fill(randomNationalId());
    await form.getByRole('textbox', { name: /登入帳號/ }).fill(account);
    await form.getByRole('button', { name: '檢查帳號' }).click();
    await form.getByText('此帳號可以使用').waitFor();
    await form.getByRole('radio', { name: '不需要公務郵件' }).check();
    await form.getByRole('textbox', { name: /姓名/ }).fill(name);

    await form.getByRole('tab', { name: '府內單位' }).click();
    await form.getByLabel('機關單位第 1 層').selectOption({ label: '智慧發展中心' });
    const second = form.getByLabel('機關單位第 2 層');
    await second.waitFor();
    const unit = await second.locator('option').nth(1).innerText();
    await second.selectOption({ label: unit });
    await expect.poll(() => form.getByLabel('機關單位第 3 層').count()).toBe(0);

    await form.getByRole('textbox', { name: /職稱/ }).fill('工程師');
    await form.getByRole('textbox', { name: /公務電話/ }).fill('2991111');
    await screenshot(page, 'apply-2-form');
    await form.getByRole('button', { name: '確定', exact: true }).click();

    await page.getByRole('heading', { name: '已送出申請' }).waitFor();
    await screenshot(page, 'apply-3-submitted');
    expect(applicant.pageErrors).toEqual([]);
  });

  it('the agency admin approves it in 帳號申請審核', async () => {
    const { page } = approver;
    await login(page, { account: 'sdcadmin', password: process.env.E2E_DEMO_PASSWORD ?? '' });
    await gotoPath(page, '/console/accounts/applications');
    const link = page.getByRole('link', { name: account, exact: true });
    await reloadUntilListed(
      page,
      `the application of ${account} in the list`,
      link,
      page.getByRole('grid', { name: '帳號申請清單' }),
    );
    await screenshot(page, 'approve-1-list');
    await link.click();
    await page.getByRole('heading', { level: 2, name: `${name}（${account}）` }).waitFor();
    await page.getByRole('button', { name: '核准', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '核准帳號申請' });
    await dialog.waitFor();
    await screenshot(page, 'approve-2-dialog');
    await dialog.getByRole('button', { name: '確定', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const section = page.getByRole('region', { name: `${name}（${account}）` });
    await section
      .getByText(/帳號建立中|待開通帳號/)
      .first()
      .waitFor({ timeout: 60_000 });
    // The page follows 帳號建立中 to 待開通帳號 by itself once AD has the account, without a reload.
    await section.getByText('待開通帳號').first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'approve-3-approved');
    expect(approver.pageErrors).toEqual([]);
  });

  it('the applicant activates the account with the backup e-mail', async () => {
    await waitForMail(email, '開通帳號說明');
    const { page } = applicant;
    await gotoPath(page, '/login/activate');
    await page.getByRole('button', { name: /使用備用信箱/ }).click();
    await verifyBackupEmail(page, email, '繼續', 'activate-1');

    const form = page.getByRole('form', { name: '輸入新密碼' });
    await form.waitFor();
    await form.getByLabel(/^新密碼/).fill(password);
    await form.getByLabel(/^再次輸入新密碼/).fill(password);
    await screenshot(page, 'activate-2-password');
    await form.getByRole('button', { name: '繼續', exact: true }).click();
    await page.getByRole('heading', { name: '變更完成' }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'activate-3-done');
    expect(applicant.pageErrors).toEqual([]);
  });

  it('the account is enabled in AD under its agency OU', async () => {
    const ad = createAdClient(adConfigFromEnv(process.env));
    let user: Awaited<ReturnType<AdClient['findUser']>> = null;
    await eventually(
      `${account} enabled in AD`,
      async () => {
        user = await ad.findUser(account);
        return Boolean(user?.enabled);
      },
      60_000,
    );
    expect(user!.enabled).toBe(true);
    expect(user!.ouDn).toMatch(/^OU=G25-[^,]+,OU=G25,OU=TainanCityTest\d?(,|$)/i);
  });

  it('the applicant logs in with the new account and sees the name', async () => {
    const { page } = applicant;
    await gotoPath(page, '/login');
    await submitGeneralLogin(page, { account, password });
    await page.waitForURL('**/home', { timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name: '內容主頁' }).waitFor();
    await page.getByText(name, { exact: true }).first().waitFor();
    await screenshot(page, 'activate-4-home');
    expect(applicant.pageErrors).toEqual([]);
  });
});

describe('開通帳號 › 重新發送驗證碼 counts down, also after a reload', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the seconds left on the button and in the refusal, and counts them down', async () => {
    const { page } = session;
    // 開通帳號 answers the same for an address no account uses, so it waits the same way.
    const email = `e2e-cooldown-${crypto.randomBytes(4).toString('hex')}@example.com`;
    const sendCode = async () => {
      await page.getByRole('button', { name: /使用備用信箱/ }).click();
      const form = page.getByRole('form', { name: '備用信箱驗證' });
      await form.getByLabel(/^備用信箱/).fill(email);
      await fillCaptcha(form);
      await form.getByRole('button', { name: '繼續', exact: true }).click();
      return form;
    };
    const secondsIn = async (text: Promise<string | null>) => Number(/(\d+) 秒/.exec((await text) ?? '')?.[1]);

    await gotoPath(page, '/login/activate');
    await sendCode();
    const codeForm = page.getByRole('form', { name: '輸入驗證碼' });
    const resend = codeForm.getByRole('button', { name: /^重新發送驗證碼（\d+ 秒後可重新發送）$/ });
    await resend.waitFor();
    expect(await resend.isDisabled()).toBe(true);

    // After a reload the page no longer knows it sent; the server's refusal says how long to wait.
    await page.reload();
    const form = await sendCode();
    const notice = form.getByRole('status').filter({ hasText: /^驗證碼已寄出，請於 \d+ 秒後再重新發送$/ });
    await notice.waitFor();
    const button = form.getByRole('button', { name: /^繼續（\d+ 秒後可重新發送）$/ });
    expect(await button.isDisabled()).toBe(true);
    const first = await secondsIn(notice.textContent());
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(60);
    await screenshot(page, 'activate-resend-cooldown');
    await expect.poll(() => secondsIn(notice.textContent()), { timeout: 5_000 }).toBeLessThan(first);
    // The button counts the same seconds (read a moment apart, so within one).
    const [onButton, inNotice] = [await secondsIn(button.textContent()), await secondsIn(notice.textContent())];
    expect(Math.abs(onButton - inNotice)).toBeLessThanOrEqual(1);

    // Another address is not waiting.
    await form.getByLabel(/^備用信箱/).fill(`other-${email}`);
    expect(await form.getByRole('button', { name: '繼續', exact: true }).isDisabled()).toBe(false);
    expect(await notice.count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
