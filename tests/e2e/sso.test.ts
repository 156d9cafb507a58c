// 單一帳號認證平台 as other systems see it: a third application signs in with a standard OpenID Connect
// client (examples/demo-rp), the 授權 screen lists what it asked for, refresh and logout work; outside
// 府內網路 only the certificate methods appear; and no secret typed here reaches a workflow history.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIntegrationSecret } from '../../prisma/seed-integrations';
import { historiesContaining } from '../support/histories';
import { baseUrl, generalUser, openBrowser, screenshot, screenshotVariants, type BrowserSession } from './support/browser';
import { eventually, gotoPath, submitGeneralLogin } from './support/portal';

const demoRpUrl = process.env.DEMO_RP_URL!;

function startDemoRp(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('examples', 'demo-rp', 'server.ts')], {
    env: {
      ...process.env,
      DEMO_RP_URL: demoRpUrl,
      DEMO_RP_ISSUER: `${baseUrl()}/oidc`,
      DEMO_RP_CLIENT_ID: 'demo-rp',
      DEMO_RP_CLIENT_SECRET: demoIntegrationSecret('demo-rp', Buffer.from(process.env.HASH_KEY!, 'base64')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk) => process.stderr.write(`[demo-rp] ${chunk}`));
  return child;
}

describe('單一帳號認證平台 for other systems', () => {
  let session: BrowserSession;
  let demoRp: ChildProcess;

  beforeAll(async () => {
    demoRp = startDemoRp();
    await eventually('demo-rp answers', async () => (await fetch(demoRpUrl).catch(() => null))?.ok === true, 30_000);
    session = await openBrowser();
  });

  afterAll(async () => {
    await session?.close();
    demoRp?.kill('SIGTERM');
  });

  it('lets a third application sign in through the SSO with 授權, refresh its tokens and log out', async () => {
    const { page } = session;
    await page.goto(demoRpUrl);
    await page.getByRole('link', { name: '以臺南市政府單一帳號登入' }).click();

    await page.waitForURL('**/login/sso/**');
    await page.getByText('登入「示範應用系統（單一登入）」').waitFor();
    await submitGeneralLogin(page, generalUser());

    // 授權: what the system asked for, in words.
    await page.getByRole('heading', { name: '授權' }).waitFor();
    const requested = page.getByRole('list', { name: '要求的資料' });
    for (const label of ['姓名、登入帳號、職稱', '服務機關及單位', '公務電子郵件', '在您未使用時維持連線（更新權杖）']) {
      await requested.getByText(label).waitFor();
    }
    await screenshotVariants(session, 'sso-consent');
    await page.getByRole('button', { name: '授權' }).click();

    await page.waitForURL((url) => url.origin === new URL(demoRpUrl).origin);
    expect(await page.locator('#error').count(), await page.locator('body').innerText()).toBe(0);
    const who = await page.locator('#who').innerText();
    expect(who).toMatch(new RegExp(`已登入：.+（${generalUser().account}）`));
    expect(await page.locator('#org').innerText()).toBe('服務單位：應用服務科');
    const userinfo = JSON.parse(await page.locator('#userinfo').innerText());
    expect(userinfo).toMatchObject({
      preferred_username: generalUser().account,
      agency_name: '智慧發展中心',
      organization_code: 'G25-02',
    });
    const idToken = JSON.parse(await page.locator('#id-token').innerText());
    expect(idToken.iss).toBe(`${baseUrl()}/oidc`);
    expect(idToken.aud).toBe('demo-rp');
    await screenshot(page, 'sso-demo-rp-signed-in');

    await page.getByRole('link', { name: '更新權杖' }).click();
    await page.locator('#refresh-state', { hasText: '已更新權杖' }).waitFor();

    // Signed in once: the portal itself needs no second login (single sign-on).
    await gotoPath(page, '/login');
    await page.waitForURL('**/home');

    await page.goto(demoRpUrl);
    await page.getByRole('link', { name: '登出' }).click();
    // The SSO's 登出 page waits for the person's click (one that submitted itself could be linked from
    // any site); its content-security policy lets the form return to the system.
    await page.waitForURL(`${baseUrl()}/oidc/session/end**`);
    await page.getByRole('button', { name: '確定登出' }).click();
    await page.waitForURL(`${demoRpUrl}/`);
    await page.getByRole('link', { name: '以臺南市政府單一帳號登入' }).waitFor();
  });

  it('reports 不同意 on the 授權 screen back to the system', async () => {
    const { page } = session;
    await page.goto(demoRpUrl);
    await page.getByRole('link', { name: '以臺南市政府單一帳號登入' }).click();
    await page.waitForURL('**/login/sso/**');
    await submitGeneralLogin(page, generalUser());
    // The demo asks with prompt=consent every time, so the screen shows; 不同意 returns an error to it.
    await page.getByRole('heading', { name: '授權' }).waitFor();
    await page.getByRole('button', { name: '不同意' }).click();
    await page.waitForURL(`${demoRpUrl}/callback**`);
    expect(await page.locator('#error').innerText()).toMatch(/登入失敗/);
  });

  it('offers only 行動自然人憑證 and 自然人憑證 outside 府內網路', async () => {
    const outside = await openBrowser();
    try {
      await outside.context.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.25' });
      const { page } = outside;
      await gotoPath(page, '/login');
      await page.waitForURL('**/login/sso/**');
      await page.getByText('您目前位於府外網路，僅可使用行動自然人憑證或自然人憑證登入。').waitFor();
      const tabs = await page.getByRole('tab').allInnerTexts();
      expect(tabs).toEqual(['行動自然人憑證', '自然人憑證']);
      await screenshot(page, 'sso-outside-network');
    } finally {
      await outside.close();
    }
  });

  it('keeps every password typed in these tests out of all workflow histories', async () => {
    expect(await historiesContaining([generalUser().password, 'Wrong-Password-1!'])).toEqual([]);
  });
});
