// 自然人憑證 in Chromium, with the card reader simulator as the user's PC (the page calls it as it calls
// HiPKI): bind a card in 個人帳號管理 (a wrong PIN first), log out, log in on the 自然人憑證 tab with the
// PIN; refused with a revoked card, an unbound card, no card; three wrong PINs lock the card; 解除綁定.
// 忘記密碼 › 使用自然人憑證: PIN CODE → 繼續 → 輸入新密碼 → 變更完成, then the new password logs in.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdClient } from '../../infra/ad/client';
import { adConfigFromEnv } from '../../infra/ad/config';
import { createPrisma } from '../../infra/db/prisma';
import { insertCard, resetCards, simCards, TEST_PIN } from '../support/card-signer';
import { testEnv } from '../support/env';
import { createActiveUser } from '../integration/api/support-users';
import { openBrowser, screenshot, screenshotVariants, type BrowserSession } from './support/browser';
import { arrivesAt, gotoPath, login, logout } from './support/portal';

const prisma = createPrisma(testEnv().DATABASE_URL);
const CARD = 'sdcuser1';
const HOLDER = '陳志明';
afterAll(() => prisma.$disconnect());

describe('自然人憑證: binding in 個人帳號管理 and 自然人憑證登入', () => {
  let session: BrowserSession;
  let user: Awaited<ReturnType<typeof createActiveUser>>;

  beforeAll(async () => {
    await resetCards();
    user = await createActiveUser(prisma);
    session = await openBrowser();
  });
  afterAll(async () => {
    await resetCards();
    await session?.close();
  });

  async function citizenCertTab() {
    const { page } = session;
    await gotoPath(page, '/login');
    await page.waitForURL('**/login/sso/**');
    await page.getByRole('tab', { name: '自然人憑證', exact: true }).click();
    return page.getByRole('form', { name: '自然人憑證驗證' });
  }

  it('binds the card in the reader after a wrong PIN, with the note to insert the card', async () => {
    const { page } = session;
    await insertCard(CARD);
    await login(page, { account: user.account, password: process.env.E2E_DEMO_PASSWORD! });
    await gotoPath(page, '/account');
    const block = page.getByRole('region', { name: '自然人憑證' });
    await block.getByText('尚未綁定').waitFor();
    await block.getByRole('button', { name: '進行「自然人憑證綁定」' }).click();

    await block.getByText('請確認讀卡機已插入自然人憑證').waitFor();
    await block.getByText(`已偵測到自然人憑證：${HOLDER}`).waitFor();
    await screenshot(page, 'account-citizen-cert-bind');

    await block.getByLabel(/^PIN碼/).fill('000000');
    await block.getByRole('button', { name: '進行「自然人憑證綁定」' }).click();
    await block.getByText('PIN 碼錯誤，剩餘兩次機會（連續錯誤 3 次將鎖卡）').waitFor();
    expect(await block.getByLabel(/^PIN碼/).inputValue()).toBe('');

    await block.getByLabel(/^PIN碼/).fill(TEST_PIN);
    await block.getByRole('button', { name: '進行「自然人憑證綁定」' }).click();
    await block.getByRole('status').filter({ hasText: '綁定成功' }).waitFor();
    await block.getByText(HOLDER).waitFor();
    await block.getByRole('button', { name: '解除綁定' }).waitFor();
    await screenshot(page, 'account-citizen-cert-bound');

    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.citizenCertSubject).toBe(HOLDER);
    await logout(page, user.name);
  });

  it('logs in on the 自然人憑證 tab with the PIN CODE', async () => {
    const { page } = session;
    const form = await citizenCertTab();
    await form.getByText(`已偵測到自然人憑證：${HOLDER}`).waitFor();
    await screenshotVariants(session, 'sso-citizen-cert', async (p) => {
      await p.getByRole('form', { name: '自然人憑證驗證' }).getByText(`已偵測到自然人憑證：${HOLDER}`).waitFor();
    });
    await form.getByLabel(/^PIN CODE/).fill(TEST_PIN);
    await form.getByRole('button', { name: '登入', exact: true }).click();
    await page.waitForURL('**/home');
    await page.getByRole('heading', { level: 1, name: '內容主頁' }).waitFor();
    await page.getByRole('button', { name: user.name }).waitFor();
    const record = await prisma.loginRecord.findFirst({ where: { userId: user.id, method: 'CITIZEN_CERT' } });
    expect(record).toMatchObject({ action: 'LOGIN', result: 'SUCCESS' });
    await logout(page, user.name);
  });

  it('refuses a revoked card, an unbound card and an empty reader, each with its reason', async () => {
    const { page } = session;
    await insertCard('revoked');
    let form = await citizenCertTab();
    await form.getByText('已偵測到自然人憑證：黃淑芬').waitFor();
    await form.getByLabel(/^PIN CODE/).fill(TEST_PIN);
    await form.getByRole('button', { name: '登入', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: '此自然人憑證已被廢止，無法使用' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/login\/sso\//);
    await screenshot(page, 'sso-citizen-cert-revoked');

    await insertCard('cabuser1');
    await form.getByRole('button', { name: '重新偵測' }).click();
    await form.getByText('已偵測到自然人憑證：李雅婷').waitFor();
    await form.getByLabel(/^PIN CODE/).fill(TEST_PIN);
    await form.getByRole('button', { name: '登入', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: '此自然人憑證尚未綁定公務帳號，請先登入後於個人帳號管理綁定' }).waitFor();

    await insertCard(null);
    form = await citizenCertTab();
    await form.getByRole('alert').filter({ hasText: '請確認讀卡機已插入自然人憑證。' }).waitFor();
    expect(await form.getByRole('button', { name: '登入', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'sso-citizen-cert-no-card');
  });

  it('locks the card after three wrong PINs and says where to unlock it', async () => {
    await insertCard('sysadmin');
    const form = await citizenCertTab();
    await form.getByText('已偵測到自然人憑證：系統管理者').waitFor();
    const messages = [
      'PIN 碼錯誤，剩餘兩次機會（連續錯誤 3 次將鎖卡）',
      'PIN 碼錯誤，剩餘一次機會（再錯一次將鎖卡）',
      'PIN 碼錯誤次數過多，自然人憑證已鎖卡，請攜帶自然人憑證至戶政事務所辦理解鎖。',
    ];
    for (const message of messages) {
      await form.getByLabel(/^PIN CODE/).fill('999999');
      await form.getByRole('button', { name: '登入', exact: true }).click();
      await form.getByText(message).waitFor();
    }
    // Locked: even the right PIN is refused by the card.
    await form.getByLabel(/^PIN CODE/).fill(TEST_PIN);
    await form.getByRole('button', { name: '登入', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: '已鎖卡' }).waitFor();
    await screenshot(session.page, 'sso-citizen-cert-locked');
    await resetCards();
  });

  it('unbinds after the confirmation, and the card no longer logs in', async () => {
    const { page } = session;
    await insertCard(CARD);
    await login(page, { account: user.account, password: process.env.E2E_DEMO_PASSWORD! });
    await gotoPath(page, '/account');
    const block = page.getByRole('region', { name: '自然人憑證' });
    await block.getByRole('button', { name: '解除綁定' }).click();
    const dialog = page.getByRole('dialog', { name: '解除綁定' });
    await dialog.getByText(`確定要解除綁定自然人憑證（${HOLDER}）嗎？`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: '確定' }).click();
    await block.getByRole('status').filter({ hasText: '解除綁定成功' }).waitFor();
    await block.getByText('尚未綁定', { exact: false }).waitFor();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).citizenCertSerial).toBeNull();
    const usage = await prisma.usageRecord.findMany({ where: { userId: user.id }, orderBy: { at: 'asc' } });
    expect(usage.map((r) => r.action)).toEqual(
      expect.arrayContaining(['binding.citizenCert.bind', 'binding.citizenCert.unbind']),
    );
    await logout(page, user.name);

    const form = await citizenCertTab();
    await form.getByLabel(/^PIN CODE/).fill(TEST_PIN);
    await form.getByRole('button', { name: '登入', exact: true }).click();
    await form.getByRole('alert').filter({ hasText: '此自然人憑證尚未綁定公務帳號' }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});

describe('忘記密碼 › 使用自然人憑證', () => {
  const ad = createAdClient(adConfigFromEnv(process.env));
  let session: BrowserSession;
  let ouDn: string;

  beforeAll(async () => {
    await resetCards();
    ouDn = await ad.ensureOuPath([{ code: `t-e2e-cc-${crypto.randomBytes(3).toString('hex')}`, name: 'e2e 自然人憑證' }]);
    session = await openBrowser();
  });
  afterAll(async () => {
    await resetCards();
    await session?.close();
    await ad.deleteSubtree(ouDn).catch(() => undefined);
  });

  /** 一般登入 › 忘記密碼 › 使用自然人憑證, on the SSO login page. */
  async function openCertificateReset() {
    const { page } = session;
    await gotoPath(page, '/login');
    await page.waitForURL('**/login/sso/**');
    await page.getByRole('link', { name: '忘記密碼' }).click();
    await page.waitForURL('**/login/forgot-password');
    await page.getByRole('button', { name: /^使用自然人憑證/ }).click();
    return page.getByRole('form', { name: '自然人憑證驗證' });
  }

  it('resets the password of the account the card is bound to; the new password logs in', async () => {
    const { page } = session;
    // A user (in the database and AD) whose card is bound; the binding itself is tested above.
    const user = await createActiveUser(prisma);
    await ad.createUser({ account: user.account, ouDn, displayName: user.name });
    await ad.setPassword(user.account, process.env.E2E_DEMO_PASSWORD!);
    await ad.enableUser(user.account);
    const card = (await simCards()).find((c) => c.id === 'sdcadmin')!;
    await prisma.user.update({
      where: { id: user.id },
      data: { citizenCertSerial: card.serial, citizenCertSubject: card.holder, citizenCertBoundAt: new Date() },
    });
    await insertCard('sdcadmin');

    const form = await openCertificateReset();
    await form.getByText(`已偵測到自然人憑證：${card.holder}`).waitFor();
    await screenshot(page, 'forgot-password-citizen-cert');
    await form.getByLabel(/^PIN CODE/).fill(TEST_PIN);
    await form.getByRole('button', { name: '繼續' }).click();
    await page.getByText('使用自然人憑證/重設密碼').waitFor();
    await page.getByText(user.account, { exact: true }).first().waitFor();

    const password = `Card!${crypto.randomBytes(2).toString('hex')}C7`;
    await page.getByLabel(/^新密碼/).fill(password);
    await page.getByLabel(/^再次輸入新密碼/).fill(password);
    await page.getByRole('button', { name: '繼續' }).click();
    await page.getByRole('heading', { name: '變更完成' }).waitFor();
    await arrivesAt(page, /^\/login\/sso\//);
    await login(page, { account: user.account, password });
    expect(new URL(page.url()).pathname).toBe('/home');

    const record = await prisma.loginRecord.findFirst({ where: { userId: user.id, action: 'FORGOT_PASSWORD' } });
    expect(record).toMatchObject({ method: 'CITIZEN_CERT', result: 'SUCCESS' });
    await logout(page, user.name);
  });

  it('refuses a card that is not bound, and says to use another method', async () => {
    await insertCard('cabuser1');
    const form = await openCertificateReset();
    await form.getByText('已偵測到自然人憑證：李雅婷').waitFor();
    await form.getByLabel(/^PIN CODE/).fill(TEST_PIN);
    await form.getByRole('button', { name: '繼續' }).click();
    await form.getByRole('alert').filter({ hasText: '此自然人憑證尚未綁定公務帳號，請改用其他驗證方式' }).waitFor();
    await screenshot(session.page, 'forgot-password-citizen-cert-not-bound');
    expect(session.pageErrors).toEqual([]);
  });
});
