// 個人帳號管理 in Chromium: 密碼修改 (wrong 舊密碼 refused, then changed; the new one logs in) and
// 權限異動申請 (申請原因 → 送出 → progress shown, a second request not offered), seen in the console inbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../infra/db/prisma';
import { e2e, testEnv } from '../support/env';
import { apiSession } from '../support/http';
import { createActiveUser } from '../integration/api/support-users';
import { openBrowser, screenshot, screenshotVariants, type BrowserSession } from './support/browser';
import { gotoPath, login, sideMenu } from './support/portal';

const prisma = createPrisma(testEnv().DATABASE_URL);

describe('個人帳號管理 › 密碼修改 and 帳號權限', () => {
  let session: BrowserSession;
  let user: Awaited<ReturnType<typeof createActiveUser>>;

  beforeAll(async () => {
    user = await createActiveUser(prisma);
    session = await openBrowser();
    await login(session.page, { account: user.account, password: e2e.password() });
  });
  afterAll(async () => {
    await session?.close();
    await prisma.$disconnect();
  });

  it('修改密碼: a wrong 舊密碼 is named on its field, the right one changes the password', async () => {
    const { page } = session;
    const NEW = 'Changed!2026e2e';
    await gotoPath(page, '/account');
    const block = page.getByRole('region', { name: '密碼修改' });
    await block.getByRole('button', { name: '修改密碼' }).click();
    const dialog = page.getByRole('dialog', { name: '修改密碼' });
    await dialog.locator('input[name="oldPassword"]').fill('Wrong!Password1');
    await dialog.locator('input[name="newPassword"]').fill(NEW);
    await dialog.locator('input[name="confirmPassword"]').fill(NEW);
    await dialog.getByRole('button', { name: '確定異動' }).click();
    await dialog.getByText('舊密碼錯誤，請重新輸入').waitFor();
    await screenshot(page, 'account-password-wrong-old');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);

    await dialog.locator('input[name="oldPassword"]').fill(e2e.password());
    await dialog.getByRole('button', { name: '確定異動' }).click();
    await block.getByText('密碼已變更', { exact: false }).waitFor();
    await block
      .getByRole('definition')
      .filter({ hasText: /^密碼修改$/ })
      .waitFor();
    await screenshot(page, 'account-password-changed');
    expect((await apiSession().login(user.account, NEW)).status).toBe(200);
  });

  it('權限異動申請: 申請原因 → 送出 → 審核中, no second request; the agency inbox lists it', async () => {
    const { page } = session;
    await gotoPath(page, '/account');
    const block = page.getByRole('region', { name: '帳號權限' });
    await block.getByText('一般使用者').waitFor();
    await block.getByRole('button', { name: '權限異動申請' }).click();
    const dialog = page.getByRole('dialog', { name: '權限異動申請' });
    await dialog.getByRole('button', { name: '送出' }).click();
    await dialog.getByText('請輸入申請原因').waitFor();
    await dialog.getByRole('textbox', { name: /申請原因/ }).fill('承辦本機關帳號管理業務');
    await screenshot(page, 'account-admin-role-dialog');
    await dialog.getByRole('button', { name: '送出' }).click();
    await block.getByText('權限異動申請已送出', { exact: false }).waitFor();
    await block.getByText('已送出權限異動申請').waitFor();
    await block.getByText('您已有一件審核中的權限異動申請', { exact: false }).waitFor();
    expect(await block.getByRole('button', { name: '權限異動申請' }).isDisabled()).toBe(true);
    await screenshot(page, 'account-admin-role-pending');

    // A system admin sees it in 機關管理者申請審核.
    const admin = await openBrowser();
    try {
      await login(admin.page, { account: e2e.sysadmin(), password: e2e.password() });
      await gotoPath(admin.page, '/console/accounts/admin-role-requests');
      const row = admin.page.getByRole('grid', { name: '機關管理者申請' }).getByRole('row').filter({ hasText: user.account });
      await row.getByText('承辦本機關帳號管理業務').waitFor();
      // Waiting for a decision: 待審核, and it can be chosen for 批次核准 / 批次駁回.
      await row.getByText('待機關管理者審核').waitFor();
      expect(await row.getByRole('checkbox').isEnabled()).toBe(true);
      await screenshotVariants(admin, 'console-admin-role-inbox');
      await row.getByText('承辦本機關帳號管理業務').click();
      const detail = admin.page.getByRole('dialog', { name: '機關管理者申請明細' });
      await detail.getByText('已送出權限異動申請').waitFor();
      await detail.getByRole('button', { name: '駁回' }).click();
      await detail.getByText('駁回時請填寫審核意見').waitFor();
      await screenshot(admin.page, 'console-admin-role-request');
      await detail.getByRole('textbox', { name: '審核意見' }).fill('請先完成機關管理者訓練');
      await detail.getByRole('button', { name: '駁回' }).click();
      await admin.page.getByText(`已駁回 ${user.name} 的機關管理者申請`).waitFor();
    } finally {
      await admin.close();
    }
    await gotoPath(page, '/account');
    await block.getByText('請先完成機關管理者訓練').waitFor();
    expect(await block.getByRole('button', { name: '權限異動申請' }).isDisabled()).toBe(false);
    await screenshot(page, 'account-admin-role-rejected');
  });

  it('個人圖像: 選擇檔案 → 存檔 shows the image in the side menu too; 移除 puts the initial back', async () => {
    const { page } = session;
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await gotoPath(page, '/account');
    const block = page.getByRole('region', { name: '個人圖像' });
    const menuAvatar = page.getByRole('link', { name: `個人帳號管理：${user.name}` }).locator('img');
    expect(await menuAvatar.count()).toBe(0);
    await block.locator('input[type="file"]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    await block.getByText('已選擇：me.png').waitFor();
    await block.getByRole('button', { name: '存檔' }).click();
    await block.getByText('個人圖像已更新').waitFor();
    await menuAvatar.waitFor();
    expect(await menuAvatar.getAttribute('src')).toMatch(/^\/api\/account\/avatar\?v=\w+$/);
    expect(await menuAvatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await screenshot(page, 'account-avatar-side-menu');

    await block.getByRole('button', { name: '移除' }).click();
    await page.getByRole('dialog', { name: '移除個人圖像' }).getByRole('button', { name: '確定' }).click();
    await block.getByText('個人圖像已移除').waitFor();
    await menuAvatar.waitFor({ state: 'detached' });
    expect(await prisma.userAvatar.count({ where: { userId: user.id } })).toBe(0);
  });

  it('線上申請作業 › 機關管理者申請: pre-filled, 申請原因 required, 確定 sends it; a second one is not offered', async () => {
    const { page } = session;
    await gotoPath(page, '/home');
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '線上申請作業' }).click();
    await menu.getByRole('link', { name: '機關管理者申請' }).click();
    await page.getByRole('heading', { name: '機關管理者申請' }).waitFor();
    const facts = page.locator('dl');
    await facts.getByText('新增機關管理者').waitFor();
    await facts.getByText(user.name, { exact: true }).waitFor();
    await page.getByRole('button', { name: '確定' }).click();
    await page.getByText('請輸入申請原因').waitFor();
    await page.getByRole('textbox', { name: /申請原因/ }).fill('原機關管理者退休，茲本人申請成為機關管理者');
    await screenshotVariants(session, 'agency-admin-application');
    await page.getByRole('button', { name: '確定' }).click();
    await page.getByText('機關管理者申請已送出', { exact: false }).waitFor();
    const open = await prisma.request.findFirstOrThrow({
      where: { applicantUserId: user.id, type: 'ADMIN_ROLE', status: 'PENDING' },
    });
    expect((open.summary as { reason: string }).reason).toBe('原機關管理者退休，茲本人申請成為機關管理者');

    await page.reload();
    await page.getByText('您已有一件審核中的機關管理者申請', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '確定' }).count()).toBe(0);
  });
});
