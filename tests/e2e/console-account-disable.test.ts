// 管理主控台功能 › 帳號管理 › 停用 (手冊 圖 10) in Chromium: the agency admin disables an account of their
// agency with a reason and sees the result; the sole agency admin is refused with what to hand over.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { DEMO_PASSWORD, useAccountFixtures } from './support/account-fixtures';
import { gotoPath, login, sideMenu } from './support/portal';

const { prisma, session: current, newUser } = useAccountFixtures('e2e 停用');
const password = DEMO_PASSWORD;

/** An active user of 民政局 (G01), whose agency admin is cabadmin. */
const g01User = () => newUser('edis');

describe('帳號管理 › 停用', () => {
  it('the agency admin disables an account with a reason and sees 已停用 with its timeline', async () => {
    const user = await g01User();
    const { page } = current();
    await login(page, { account: 'cabadmin', password });
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '管理主控台功能' }).click();
    await menu.getByRole('link', { name: '帳號管理', exact: true }).click();
    await page.waitForURL('**/console/accounts');
    await page.getByRole('textbox', { name: '帳號或姓名' }).fill(user.account);
    await page.getByRole('button', { name: '查詢' }).click();
    const row = page.getByRole('table', { name: '帳號列表' }).getByRole('row').filter({ hasText: user.account });
    await row.getByText('啟用').waitFor();
    await screenshot(page, 'console-accounts');

    await row.getByRole('button', { name: `停用 ${user.account}` }).click();
    const dialog = page.getByRole('dialog', { name: '停用帳號' });
    await dialog.getByRole('radio', { name: '其他' }).check();
    await dialog.getByRole('button', { name: '確定停用' }).click();
    await dialog.getByText('請說明停用原因').waitFor();
    await dialog.getByRole('textbox', { name: '說明（必填）' }).fill('借調他機關');
    await screenshot(page, 'console-accounts-disable-dialog');
    await dialog.getByRole('button', { name: '確定停用' }).click();

    const result = page.getByRole('dialog', { name: '停用作業' });
    await result.getByText(`王忘記（${user.account}）：已停用`).waitFor({ timeout: 30_000 });
    await result.getByText('AD 帳號已停用').waitFor();
    await result.getByText('停用原因：其他：借調他機關').waitFor();
    await screenshot(page, 'console-accounts-disable-result');
    // The list behind has refreshed: 停用, without a 停用 button.
    await row.getByRole('button', { name: `停用 ${user.account}` }).waitFor({ state: 'detached' });
    await result.getByRole('button', { name: '關閉' }).click();
    await row.getByText(/^停用/).waitFor();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('DISABLED');
  });

  it('refuses the sole agency admin and says to appoint another agency admin first', async () => {
    const user = await g01User();
    const code = `T${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
    const agency = await prisma.organization.create({
      data: { code, name: `測試機關${code}`, kind: 'EXTERNAL_AGENCY', adOu: `OU=${code}` },
    });
    await prisma.roleAssignment.create({ data: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: agency.id } });
    const { page } = current();
    await login(page, { account: 'cabadmin', password });
    await gotoPath(page, `/console/accounts?q=${user.account}`);
    const row = page.getByRole('table', { name: '帳號列表' }).getByRole('row').filter({ hasText: user.account });
    await row.getByRole('button', { name: `停用 ${user.account}` }).click();
    const dialog = page.getByRole('dialog', { name: '停用帳號' });
    await dialog.getByRole('button', { name: '確定停用' }).click();
    await dialog
      .getByRole('alert')
      .getByText(`${agency.name}唯一的機關管理者，請先指定其他機關管理者`, { exact: false })
      .waitFor();
    await screenshot(page, 'console-accounts-disable-precheck');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('ACTIVE');
  });
});
