// 管理主控台功能 › 帳號管理 › 帳號明細 in Chromium: the agency admin opens an account from the list,
// corrects 職稱 (AD follows), makes the user 機關管理者, and resets the account to 待開通.
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/env';
import { screenshot, screenshotVariants } from './support/browser';
import { DEMO_PASSWORD, useAccountFixtures } from './support/account-fixtures';
import { gotoPath, login } from './support/portal';

const { prisma, ad, session: current, newUser } = useAccountFixtures('e2e 帳號明細');
const password = DEMO_PASSWORD;

describe('帳號管理 › 帳號明細', () => {
  it('編輯, 設為機關管理者 and 重設為待開通 from the detail page', async () => {
    const user = await newUser('eacd');
    const { page } = current();
    await login(page, { account: 'cabadmin', password });
    await gotoPath(page, `/console/accounts?q=${user.account}`);
    await page.getByRole('link', { name: user.account }).click();
    await page.getByRole('heading', { level: 1, name: `帳號明細：${user.name}（${user.account}）` }).waitFor();
    await page.getByRole('region', { name: '帳號權限' }).getByText('一般使用者').waitFor();

    // 編輯: a bad phone is named on its field; then 職稱 is saved and reaches AD.
    await page.getByRole('button', { name: '編輯' }).click();
    const edit = page.getByRole('dialog', { name: '編輯帳號資料' });
    await edit.getByRole('textbox', { name: '職稱' }).fill('專員');
    await edit.getByRole('textbox', { name: '公務電話' }).fill('abc');
    await edit.getByRole('button', { name: '儲存' }).click();
    await edit.locator('.Mui-error').first().waitFor();
    await edit.getByRole('textbox', { name: '公務電話' }).fill('2991111');
    await edit.getByRole('button', { name: '儲存' }).click();
    await page.getByText('帳號資料已儲存，AD 同步中').waitFor();
    await page.getByRole('region', { name: '基本資料' }).getByText('專員').waitFor();
    await eventually(async () => (await ad.findUser(user.account))?.title === '專員');

    // 設為機關管理者 (confirm), effective at the next login.
    const roles = page.getByRole('region', { name: '帳號權限' });
    await roles.getByRole('button', { name: '設為機關管理者' }).click();
    await page.getByRole('dialog', { name: '設為機關管理者' }).getByRole('button', { name: '確定' }).click();
    await page.getByText(`已設為機關管理者：${user.name}（下次登入生效）`).waitFor();
    await roles.getByText('機關管理者（民政局）').waitFor();
    await screenshotVariants(current(), 'console-account-detail');

    // 重設為待開通: reason required; the request dialog follows it to 待使用者開通帳號.
    await page.getByRole('button', { name: '重設為待開通' }).click();
    const reset = page.getByRole('dialog', { name: '重設為待開通' });
    await reset.getByRole('button', { name: '確定重設' }).click();
    await reset.getByText('請填寫原因').waitFor();
    await reset.getByRole('textbox', { name: '原因' }).fill('使用者遺失密碼且無法自行重設');
    await reset.getByRole('button', { name: '確定重設' }).click();
    const progress = page.getByRole('dialog', { name: '重設為待開通作業' });
    await progress.getByText(`${user.name}（${user.account}）：待使用者開通帳號`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'console-account-reset');
    await progress.getByRole('button', { name: '關閉' }).click();
    await page.getByRole('region', { name: '帳號狀態' }).getByText('待開通').waitFor();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ status: 'PENDING_ACTIVATION', passwordHash: null });
  });

  it('another agency admin opening the account gets 您沒有使用此功能的權限', async () => {
    const user = await newUser('eacx');
    const { page } = current();
    await login(page, { account: 'sdcadmin', password });
    await gotoPath(page, `/console/accounts/${user.id}`);
    await page.getByRole('alert').getByText('您沒有使用此功能的權限').waitFor();
    expect(await page.getByRole('button', { name: '重設為待開通' }).count()).toBe(0);
  });
});
