// 應用程式儀表板 and 應用程式列表 (issue 14, 轉登 in the portal): a user of 智慧發展中心 sees the demo 轉登
// system as a tile on 內容主頁 and in the side menu; the tile opens the system logged in as that user.
// A user of another agency sees neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REDIRECT_AGENCY_CODES, DEMO_REDIRECT_CLIENT_ID } from '../../prisma/seed-integrations';
import { testPrisma } from '../integration/db/helpers';
import { createActiveUser } from '../integration/api/support-users';
import { openBrowser, screenshot, screenshotVariants, type BrowserSession } from './support/browser';
import { login, sideMenu } from './support/portal';

const prisma = testPrisma();
const password = process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026';
afterAll(() => prisma.$disconnect());

describe('轉登 icons in the portal', () => {
  let session: BrowserSession;
  let demoName: string;
  beforeAll(async () => {
    demoName = (await prisma.integrationSystem.findUniqueOrThrow({ where: { clientId: DEMO_REDIRECT_CLIENT_ID } })).name;
    session = await openBrowser();
  });
  afterAll(() => session?.close());

  it('shows the agency’s 轉登 system on 內容主頁 and in 應用程式列表; the tile logs the user in there', async () => {
    // A user of a section of the listed agency (its agency is the section's).
    const user = await createActiveUser(prisma, `${DEMO_REDIRECT_AGENCY_CODES[0]}-02`);
    const { page, context } = session;
    await login(page, { account: user.account, password });

    const dashboard = page.getByRole('region', { name: '應用程式儀表板' });
    const tile = dashboard.getByRole('link', { name: new RegExp(demoName.replace(/[()（）]/g, '.')) });
    await tile.waitFor();
    expect(await page.getByText('應用程式儀表板尚未開放').count()).toBe(0);

    const menu = sideMenu(page);
    await menu.getByRole('button', { name: '應用程式列表' }).click();
    const menuEntry = menu.getByRole('link', { name: new RegExp(`^${demoName.replace(/[()（）]/g, '.')}`) });
    await menuEntry.waitFor();
    await screenshot(page, 'redirect-apps-home');

    // The tile opens the 轉登 page in a new window, which posts the assertion to the system's handler.
    const [opened] = await Promise.all([context.waitForEvent('page'), tile.click()]);
    await opened.getByRole('heading', { name: '示範系統（轉登）：轉登成功' }).waitFor();
    expect(await opened.locator('[data-claim="preferred_username"]').innerText()).toBe(user.account);
    expect(await opened.locator('[data-claim="sub"]').innerText()).toBe(user.id);
    await screenshot(opened, 'redirect-apps-landed');
    await opened.close();

    // The menu entry goes the same way.
    const [again] = await Promise.all([context.waitForEvent('page'), menuEntry.click()]);
    await again.getByRole('heading', { name: '示範系統（轉登）：轉登成功' }).waitFor();
    await again.close();
    await screenshotVariants(session, 'redirect-apps-home', async (p) => {
      await p.getByRole('region', { name: '應用程式儀表板' }).getByRole('link').first().waitFor();
    });
    expect(session.pageErrors).toEqual([]);
  });

  it('shows nothing to a user of another agency', async () => {
    const other = await openBrowser();
    try {
      const user = await createActiveUser(prisma, 'G01');
      const { page } = other;
      await login(page, { account: user.account, password });
      const dashboard = page.getByRole('region', { name: '應用程式儀表板' });
      await dashboard.getByText('貴機關目前沒有可轉登的應用系統。').waitFor();
      const menu = sideMenu(page);
      await menu.getByRole('button', { name: '應用程式列表' }).click();
      await menu.getByRole('link').first().waitFor();
      expect(await menu.getByRole('link', { name: new RegExp(demoName.replace(/[()（）]/g, '.')) }).count()).toBe(0);
      await screenshot(page, 'redirect-apps-other-agency');
    } finally {
      await other.close();
    }
  });
});
