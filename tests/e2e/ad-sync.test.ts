// 管理主控台功能 › AD 同步管理作業 › 同步比對 in Chromium: the system admin starts a reconcile, follows its
// progress, finds the drift an AD operator made by hand and repairs it; AD matches the database again.
import crypto from 'node:crypto';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createAdClient } from '../../infra/ad/client';
import { adConfigFromEnv } from '../../infra/ad/config';
import { organizationChain } from '../../infra/db/organization-chain';
import { createPrisma } from '../../infra/db/prisma';
import { createResettableUser } from '../support/reset-users';
import { screenshot, screenshotVariants, sysadmin, useBrowserPerTest } from './support/browser';
import { login, sideMenu } from './support/portal';

const prisma = createPrisma(process.env.DATABASE_URL!);
const adConfig = adConfigFromEnv(process.env);
const ad = createAdClient(adConfig);
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');

afterAll(async () => {
  await prisma.$disconnect();
});

const session = useBrowserPerTest();

/** The OU of an organisation (created like the portal creates it). */
async function ouOf(code: string) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { code } });
  return ad.ensureOuPath((await organizationChain(prisma, org.id)).map((o) => ({ code: o.code, name: o.name })));
}

describe('AD 同步管理作業 › 同步比對', () => {
  it('the system admin starts a reconcile, sees its progress and the drift made in AD, and repairs it', async () => {
    const ouDn = await ouOf('G01-91');
    const user = await createResettableUser({ prisma, ad, dataKey, hashKey, ouDn }, { prefix: 'eads' });
    await ad.updateUser(user.account, { title: '手改職稱' });
    // An AD account the portal does not know, put into a 機關管理者 group by hand.
    const outsider = `eadx${crypto.randomBytes(3).toString('hex')}`;
    await ad.createUser({
      account: outsider,
      ouDn: `CN=Users,${adConfig.baseDN}`,
      displayName: '群組外人',
    });
    onTestFinished(async () => void (await ad.deleteUser(outsider)));
    await ad.addGroupMember(outsider, { name: 'G01-admins', ouDn: await ouOf('G01') });

    const { page } = session();
    await login(page, sysadmin());
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '管理主控台功能' }).click();
    await menu.getByRole('link', { name: 'AD 同步管理作業', exact: true }).click();
    await page.getByRole('tab', { name: '同步比對' }).click();
    await page.getByRole('button', { name: '開始比對' }).click();

    const progress = page.getByTestId('reconcile-progress');
    await progress.getByText(/已比對 \d+ \/ \d+ 個帳號/).waitFor();
    await progress.getByText(/^比對完成/).waitFor({ timeout: 60_000 });
    await page
      .getByRole('link', { name: /在 Temporal 檢視流程/ })
      .first()
      .waitFor();

    await progress.getByText(/機關管理者群組中有 \d+ 個入口網未管理的成員/).waitFor();
    const grid = page.getByRole('grid', { name: '差異清單' });
    await page.getByRole('textbox', { name: '帳號' }).fill(outsider);
    const listed = grid.getByRole('row').filter({ hasText: '機關管理者群組不一致' });
    await listed.getByText('G01-admins', { exact: true }).waitFor();
    await listed.getByText('僅列出，不自動移出群組').waitFor();
    expect(await listed.getByRole('button', { name: /^修復/ }).count()).toBe(0);

    await page.getByRole('textbox', { name: '帳號' }).fill(user.account);
    const row = grid.getByRole('row').filter({ hasText: '屬性不一致' });
    await row.getByText('手改職稱').waitFor();
    await row.getByText('title', { exact: true }).waitFor();
    await screenshotVariants(session(), 'ad-sync-reconcile');

    await row.getByRole('button', { name: `修復 ${user.account} 屬性不一致 title` }).click();
    await grid.getByText('沒有未修復的差異').waitFor({ timeout: 30_000 });
    await page.getByRole('combobox', { name: '顯示' }).click();
    await page.getByRole('option', { name: '全部' }).click();
    await grid
      .getByRole('row')
      .filter({ hasText: '屬性不一致' })
      .getByText(/^已修復/)
      .waitFor();
    await page.getByRole('list', { name: '處理歷程' }).getByText('修復完成：成功 1 筆').waitFor();
    await screenshot(page, 'ad-sync-repaired');
    expect((await ad.findUser(user.account))?.title).toBeNull();
  });
});
