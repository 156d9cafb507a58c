// 管理主控台功能 › AD 同步管理作業 › 連線測試, run by a system administrator against the real services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotVariants, sysadmin, type BrowserSession } from './support/browser';
import { eventually, gotoPath, login, sideMenu } from './support/portal';

const TARGETS = ['資料庫', 'AD 主機', '郵件伺服器', '簡訊平台'];

describe('connectivity check (system administrator)', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
    await login(session.page, sysadmin());
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows 管理主控台功能 with every console function', async () => {
    const { page } = session;
    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '管理主控台功能' }).click();
    for (const title of ['訊息管理', '組織管理', '帳號管理', 'AD 同步管理作業', '系統參數管理', '物品管理', '票選管理']) {
      await menu.getByRole('link', { name: title, exact: true }).waitFor();
    }
    await menu.getByRole('link', { name: 'AD 同步管理作業', exact: true }).click();
    await page.waitForURL('**/console/ad-sync');
    await page.getByRole('heading', { level: 1, name: 'AD 同步管理作業' }).waitFor();
    const crumbs = await page.getByRole('navigation', { name: '導覽路徑' }).innerText();
    expect(crumbs.replace(/\s+/g, ' ')).toMatch(/首頁.*管理主控台功能.*AD 同步管理作業/);
  });

  it('runs 連線測試 and sees the four targets turn 成功', async () => {
    const { page } = session;
    await gotoPath(page, '/console/ad-sync');
    await page.getByRole('heading', { level: 2, name: '連線測試', exact: true }).waitFor();

    await page.getByRole('button', { name: '執行連線測試' }).click();
    await page.waitForURL(/[?&]run=/);

    const table = page.getByRole('table', { name: '連線測試結果' });
    await table.waitFor();
    for (const label of TARGETS) {
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
      await row.getByText('成功', { exact: true }).waitFor({ timeout: 60_000 });
    }
    await page.getByTestId('connectivity-summary').getByText('4 項全部正常').waitFor();

    const temporal = page.getByRole('link', { name: /在 Temporal 檢視流程/ });
    expect(await temporal.getAttribute('target')).toBe('_blank');
    expect(await temporal.getAttribute('href')).toMatch(/\/namespaces\/[^/]+\/workflows\/.+/);

    // The run appears at the top of the recent runs with its summary.
    const grid = page.getByRole('grid', { name: '最近的連線測試' });
    await eventually('the recent runs list the new run as 4 項全部正常', async () =>
      (await grid.getByRole('row').nth(1).innerText()).includes('4 項全部正常'),
    );

    expect(session.pageErrors).toEqual([]);
    await screenshotVariants(session, 'console-ad-sync', async (p) => {
      await p.getByTestId('connectivity-summary').waitFor();
    });
  });
});
