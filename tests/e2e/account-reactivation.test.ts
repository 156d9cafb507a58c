// 個人帳號復用 (手冊 圖 25) in Chromium: a disabled user verifies the bound backup e-mail on the public
// page, changes 單位 and 職稱 and submits; the new unit's agency admin approves in 復用申請審核.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdClient } from '../../infra/ad/client';
import { adConfigFromEnv } from '../../infra/ad/config';
import { createPrisma } from '../../infra/db/prisma';
import { createResettableUser } from '../support/reset-users';
import { type BrowserSession, openBrowser, screenshot, screenshotVariants, stepsInOrder } from './support/browser';
import { eventually, gotoPath, login, reloadUntilListed } from './support/portal';
import { verifyBackupEmail, waitForMail } from './support/verification';

const prisma = createPrisma(process.env.DATABASE_URL!);
const ad = createAdClient(adConfigFromEnv(process.env));
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const password = process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026';
let ouDn: string;
let user: Awaited<ReturnType<typeof createResettableUser>>;

const shot = (session: BrowserSession, name: string) => screenshot(session.page, `reactivation-${name}`);

beforeAll(async () => {
  ouDn = await ad.ensureOuPath([{ code: `t-e2e-rea-${crypto.randomBytes(3).toString('hex')}`, name: 'e2e 復用' }]);
  // A 民政局 user disabled the way 停用 leaves one.
  user = await createResettableUser({ prisma, ad, dataKey, hashKey, ouDn }, { prefix: 'erea' });
  await prisma.user.update({
    where: { id: user.id },
    data: { status: 'DISABLED', disabledAt: new Date(), disabledReason: '離職' },
  });
  await ad.disableUser(user.account);
});
afterAll(async () => {
  await ad.deleteUser(user.account).catch(() => undefined);
  await ad.deleteSubtree(ouDn).catch(() => undefined);
  await prisma.$disconnect();
});

describe('個人帳號復用 → 復用申請審核 (核准)', () => {
  let applicant: BrowserSession;
  let approver: BrowserSession;
  beforeAll(async () => {
    applicant = await openBrowser();
    approver = await openBrowser();
  });
  afterAll(async () => {
    await applicant?.close();
    await approver?.close();
  });
  stepsInOrder();

  it('the disabled user verifies the backup e-mail, edits 單位 and 職稱 and submits', async () => {
    const { page } = applicant;
    await gotoPath(page, '/apply/reactivation');
    await page.getByRole('heading', { level: 1, name: '個人帳號復用' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /使用行動自然人憑證驗證/ }).count()).toBe(1);
    await shot(applicant, '1-methods');
    await page.getByRole('button', { name: /使用備用信箱/ }).click();
    await verifyBackupEmail(page, user.email, '確定', 'reactivation-verify');

    const form = page.getByRole('form', { name: '帳號復用申請表單' });
    await form.waitFor();
    await expect.poll(() => form.getByRole('textbox', { name: '登入帳號' }).inputValue()).toBe(user.account);
    await form.getByRole('tab', { name: '府內單位' }).click();
    await form.getByLabel('機關單位第 1 層').selectOption({ label: '智慧發展中心' });
    const second = form.getByLabel('機關單位第 2 層');
    await second.waitFor();
    await second.selectOption({ index: 1 });
    await form.getByRole('textbox', { name: /職稱/ }).fill('');
    await form.getByRole('button', { name: '確定', exact: true }).click();
    await form.getByText('請輸入職稱').waitFor();
    await form.getByRole('textbox', { name: /職稱/ }).fill('資訊專員');
    await form.getByRole('textbox', { name: /公務電話/ }).fill('2991111');
    await screenshotVariants(applicant, 'reactivation-2-form');
    await form.getByRole('button', { name: '確定', exact: true }).click();

    await page.getByText('已送出，待機關管理者審核').waitFor();
    await page.getByText('需使用「開通帳號」功能').first().waitFor();
    await shot(applicant, '3-submitted');
    await waitForMail(user.email, '個人帳號復用已送出');
    expect(applicant.pageErrors).toEqual([]);
  });

  it('the agency admin of the new unit approves it in 復用申請審核', async () => {
    const { page } = approver;
    await login(page, { account: 'sdcadmin', password });
    await gotoPath(page, '/console/accounts/reactivation-requests');
    const grid = page.getByRole('grid', { name: '復用申請清單' });
    const row = grid.getByRole('row').filter({ hasText: user.account });
    await reloadUntilListed(page, `the request of ${user.account} in the list`, row, grid);
    await expect.poll(() => row.getByText('資訊專員').count()).toBe(1);
    await screenshotVariants(approver, 'reactivation-4-inbox');
    await row.getByText(user.account).click();
    await page.getByRole('heading', { level: 2, name: `${user.name}（${user.account}）` }).waitFor();
    await page.getByText('已送出帳號復用申請').waitFor();
    expect(await page.getByRole('link', { name: '在 Temporal 檢視流程' }).getAttribute('href')).toContain(
      'account-reactivation-',
    );
    await page.getByRole('button', { name: '核准', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '核准帳號復用申請' });
    await dialog.getByRole('button', { name: '確定', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已核准 ${user.name} 的帳號復用申請`).waitFor();
    await page.getByText(/狀態：已核准/).waitFor();
    await shot(approver, '5-approved');

    await eventually(
      `${user.account} 待開通`,
      async () => (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status === 'PENDING_ACTIVATION',
    );
    await waitForMail(user.email, '個人帳號復用已核准');
    expect(approver.pageErrors).toEqual([]);
  });
});
