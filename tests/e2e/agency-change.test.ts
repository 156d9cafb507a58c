// 個人帳號管理 › 機關(單位)異動 (手冊 圖 14) in Chromium: the user picks the new unit level by level and
// is signed out at once; the NEW agency's admin approves in 機關異動審核; the user logs in again, in the
// new unit.
import { describe, expect, it } from 'vitest';
import { FIRST_PASSWORD } from '../support/reset-users';
import { baseUrl, screenshot, screenshotVariants, type BrowserSession } from './support/browser';
import { DEMO_PASSWORD, useAccountFixtures } from './support/account-fixtures';
import { gotoPath, login, logout } from './support/portal';

const { prisma, session: current, newUser } = useAccountFixtures('e2e 機關異動');
const password = DEMO_PASSWORD;

const shot = (page: BrowserSession['page'], name: string) => screenshot(page, `agency-change-${name}`);

describe('個人帳號管理 › 機關(單位)異動', () => {
  it('the user applies and is signed out; the new agency admin approves; the user logs in again in the new unit', async () => {
    const user = await newUser('eagc');
    const { page } = current();
    await login(page, { account: user.account, password: FIRST_PASSWORD });
    await gotoPath(page, '/account');
    const block = page.getByRole('region', { name: '機關(單位)異動' });
    await block.getByText('民政局').first().waitFor();
    await block.getByRole('button', { name: '機關(單位)異動申請' }).click();

    const dialog = page.getByRole('dialog', { name: '機關(單位)異動申請' });
    await dialog.getByText('帳號將強制停用及登出').waitFor();
    await dialog.getByText('※停用檢查').waitFor();
    await dialog.getByRole('button', { name: '送出' }).click();
    await dialog.getByText('請選擇調入單位').waitFor();
    await dialog.getByLabel('機關單位第 1 層').selectOption({ label: '智慧發展中心' });
    await dialog.getByLabel('機關單位第 2 層').selectOption({ label: '數據創新科' });
    await dialog.getByRole('textbox', { name: '說明（選填）' }).fill('調任智發中心');
    await shot(page, 'dialog');
    await dialog.getByRole('button', { name: '送出' }).click();

    // Signed out at once, on a public page that says what happens next.
    await page.waitForURL('**/login/agency-change-submitted');
    await page.getByText('您的機關(單位)異動申請已送出，帳號已強制停用及登出。').waitFor();
    await shot(page, 'submitted');
    expect((await page.request.get(`${baseUrl()}/api/session`)).status()).toBe(401);

    // 智慧發展中心's agency admin decides in 機關異動審核.
    await login(page, { account: 'sdcadmin', password });
    await gotoPath(page, '/console/accounts/agency-change-requests');
    const row = page.getByRole('grid', { name: '機關(單位)異動申請' }).getByRole('row').filter({ hasText: user.account });
    await row.getByText('智慧發展中心-數據創新科').waitFor();
    // Waiting for this admin: 待審核, and it can be chosen for 批次核准 / 批次駁回.
    await row.getByText(/^待新機關管理者審核/).waitFor();
    expect(await row.getByRole('checkbox').isEnabled()).toBe(true);
    await screenshotVariants(current(), 'agency-change-inbox');
    // 關鍵字 searches the applicants (account or name), and the address keeps it.
    const keyword = page.getByRole('searchbox', { name: '關鍵字' });
    await keyword.fill('no-such-applicant');
    await page.getByText('查無符合條件的申請').waitFor();
    await keyword.fill(user.account);
    await row.getByText('智慧發展中心-數據創新科').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(user.account);
    await row.getByText('智慧發展中心-數據創新科').click();
    await page.getByRole('heading', { level: 1, name: '機關異動申請明細' }).waitFor();
    await page.getByText('調任智發中心').first().waitFor();
    await page.getByRole('link', { name: '在 Temporal 檢視流程' }).waitFor();
    await page.getByRole('button', { name: '核准' }).click();
    await page.getByRole('dialog', { name: '核准機關(單位)異動申請' }).getByRole('button', { name: '確定' }).click();
    await page.getByText('已核准（已異動至新單位）').waitFor({ timeout: 60_000 });
    await shot(page, 'approved');
    await logout(page, (await prisma.user.findUniqueOrThrow({ where: { account: 'sdcadmin' } })).name);

    // The user logs in again and sees the new unit.
    await login(page, { account: user.account, password: FIRST_PASSWORD });
    await gotoPath(page, '/account');
    await page.getByRole('region', { name: '機關(單位)異動' }).getByText('智慧發展中心-數據創新科').first().waitFor();
  });
});
