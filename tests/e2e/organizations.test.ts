// 管理主控台功能 › 組織管理 in Chromium: the system admin adds a unit under 民政局 and renames it; each
// change shows 已完成 once AD has it, and the tree shows the unit.
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createAdClient } from '../../infra/ad/client';
import { adConfigFromEnv } from '../../infra/ad/config';
import { createPrisma } from '../../infra/db/prisma';
import { screenshot, screenshotVariants, sysadmin, useBrowserPerTest } from './support/browser';
import { login, sideMenu } from './support/portal';

const prisma = createPrisma(process.env.DATABASE_URL!);
const ad = createAdClient(adConfigFromEnv(process.env));
const createdOus: string[] = [];

afterAll(async () => {
  for (const dn of createdOus) await ad.deleteSubtree(dn).catch(() => undefined);
  await prisma.$disconnect();
});

const session = useBrowserPerTest();

describe('組織管理', () => {
  it('the system admin adds a unit under 民政局, renames it, and sees it in the tree', async () => {
    const tag = crypto.randomBytes(3).toString('hex');
    const name = `e2e測試科${tag}`;
    const { page } = session();
    await login(page, sysadmin());
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '管理主控台功能' }).click();
    await menu.getByRole('link', { name: '組織管理', exact: true }).click();
    await page.waitForURL('**/console/organizations');
    const tree = page.getByRole('list', { name: '組織樹' });
    await tree.getByTestId('org-G01').waitFor();

    await tree.getByRole('button', { name: '民政局 的操作' }).click();
    await page.getByRole('menuitem', { name: '新增下級單位' }).click();
    const dialog = page.getByRole('dialog', { name: '新增下級單位' });
    await dialog.getByText('上級單位：民政局（G01）').waitFor();
    await dialog.getByRole('button', { name: '確定新增' }).click();
    await dialog.getByText('請輸入單位名稱').waitFor();
    await dialog.getByRole('textbox', { name: '單位名稱' }).fill(name);
    await dialog.getByRole('textbox', { name: '簡稱' }).fill('e2e科');
    await dialog.getByRole('button', { name: '確定新增' }).click();

    const result = page.getByRole('dialog', { name: '組織異動作業' });
    await result.getByText(/已完成$/).waitFor({ timeout: 30_000 });
    await result.getByText('已套用至 AD').waitFor();
    await result.getByRole('link', { name: '在 Temporal UI 查看流程' }).waitFor();
    await screenshot(page, 'organizations-created');
    await result.getByRole('button', { name: '關閉' }).click();

    const unit = await prisma.organization.findFirstOrThrow({ where: { name } });
    createdOus.push(`OU=${unit.code},OU=G01,${ad.rootDn}`);
    await page.getByRole('textbox', { name: '搜尋單位名稱或代碼' }).fill(tag);
    const row = tree.getByTestId(`org-${unit.code}`);
    await row.getByText(name, { exact: true }).waitFor();
    await row.getByText('科/室/課').waitFor();
    await row.getByText('帳號 0').waitFor();

    await row.getByRole('button', { name: `${name} 的操作` }).click();
    await page.getByRole('menuitem', { name: '修改名稱' }).click();
    const rename = page.getByRole('dialog', { name: '修改名稱' });
    await rename.getByRole('textbox', { name: '單位名稱' }).fill(`${name}二`);
    await rename.getByRole('button', { name: '確定修改名稱' }).click();
    await result.getByText(/已完成$/).waitFor({ timeout: 30_000 });
    await result.getByRole('button', { name: '關閉' }).click();
    await row.getByText(`${name}二`, { exact: true }).waitFor();
    await screenshotVariants(session(), 'organizations-tree');
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: unit.id } })).name).toBe(`${name}二`);
  });
});
