// Issue 10 items 3 and 5 in Chromium: a page on another port of the same host — same site, so the
// SameSite=Lax session cookie goes along — posts a form to 個人帳號管理's OTP 驗證 and fetches an admin
// action while the victim is logged in; both are refused and nothing changes. 登出 in the portal is
// still one click and ends the SSO session too.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../infra/db/prisma';
import { testEnv } from '../support/env';
import { createTestOrg } from '../integration/db/helpers';
import { createActiveUser } from '../integration/api/support-users';
import { baseUrl, useBrowserPerTest } from './support/browser';
import { gotoPath, login, logout } from './support/portal';

const prisma = createPrisma(testEnv().DATABASE_URL);
const password = process.env.E2E_DEMO_PASSWORD!;

/** The other site's pages, by path: each acts on the portal as soon as it loads. */
const attackerPages = new Map<string, string>();
const attacker = http.createServer((req, res) => {
  const body = attackerPages.get(req.url ?? '');
  res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
});
let attackerUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  expect(new URL(attackerUrl).origin).not.toBe(new URL(baseUrl()).origin);
});
afterAll(async () => {
  attacker.closeAllConnections();
  await new Promise((resolve) => attacker.close(resolve));
  await prisma.$disconnect();
});

/**
 * What Chromium put on the wire for `url` and the status that came back, read from its network log:
 * Playwright leaves out the cookie of a request whose answer the page may not read.
 */
async function watchWire(page: Page, url: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const ids = new Set<string>();
  const cookies = new Map<string, string>();
  const statuses = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => e.request.url === url && ids.add(e.requestId));
  cdp.on('Network.requestWillBeSentExtraInfo', (e) =>
    cookies.set(e.requestId, String(e.headers.Cookie ?? e.headers.cookie ?? '')),
  );
  cdp.on('Network.responseReceivedExtraInfo', (e) => statuses.set(e.requestId, e.statusCode));
  return async () => {
    await expect.poll(() => [...ids].filter((id) => statuses.has(id)).length, { timeout: 15_000 }).toBe(1);
    const id = [...ids][0]!;
    return { cookie: cookies.get(id) ?? '', status: statuses.get(id) };
  };
}

const session = useBrowserPerTest();

/** A fresh active user (a system admin if asked), logged in to the portal in this test's Chromium. */
async function loggedIn(role?: 'SYSTEM_ADMIN') {
  const user = await createActiveUser(prisma);
  if (role) await prisma.roleAssignment.create({ data: { userId: user.id, role } });
  const { page } = session();
  await login(page, { account: user.account, password });
  return { user, page };
}

describe('another origin of the same site, with the victim logged in (issue 10 item 3)', () => {
  it('cannot set up OTP 驗證 by a form that posts itself', async () => {
    const { user, page } = await loggedIn();
    attackerPages.set(
      '/otp',
      `<!doctype html><form method="post" action="${baseUrl()}/api/account/otp/setup"></form><script>document.forms[0].submit()</script>`,
    );

    const wire = await watchWire(page, `${baseUrl()}/api/account/otp/setup`);
    await page.goto(`${attackerUrl}/otp`);
    const { cookie, status } = await wire();
    expect(cookie).toContain('portal_session=');
    expect(status).toBe(403);
    await page.waitForURL(`${baseUrl()}/api/account/otp/setup`);
    expect(JSON.parse(await page.locator('body').innerText())).toEqual({
      error: { code: 'CROSS_ORIGIN_REQUEST', message: '已拒絕來自其他網站的請求，請直接在臺南市政府公務入口網的頁面上操作' },
    });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.otpSecretCipher).toBeNull();
  });

  it('cannot retire an organisation with a system admin’s session by fetch', async () => {
    const { section } = await createTestOrg(prisma);
    const { user: admin, page } = await loggedIn('SYSTEM_ADMIN');
    const retire = `${baseUrl()}/api/console/organizations/${section.id}/retire`;
    attackerPages.set(
      '/admin',
      `<!doctype html><script>
fetch(${JSON.stringify(retire)}, { method: 'POST', mode: 'no-cors', credentials: 'include' })
  .catch(() => undefined) // the answer is not the attacker's to read; the request went anyway
  .then(() => (document.title = 'sent'));
</script>`,
    );

    const wire = await watchWire(page, retire);
    await page.goto(`${attackerUrl}/admin`);
    await page.waitForFunction(() => document.title === 'sent');
    const { cookie, status } = await wire();
    expect(cookie).toContain('portal_session=');
    expect(status).toBe(403);
    const unit = await prisma.organization.findUniqueOrThrow({ where: { id: section.id } });
    expect(unit.retiredAt).toBeNull();
    expect(await prisma.request.count({ where: { applicantUserId: admin.id } })).toBe(0);
  });
});

describe('登出 (issue 10 item 5)', () => {
  it('is one click in the portal and ends the SSO session too', async () => {
    const { user, page } = await loggedIn();
    await logout(page, user.name);
    // Signing in again asks for credentials: the SSO session is gone as well.
    await gotoPath(page, '/login');
    await page.waitForURL('**/login/sso/**');
    await page.getByLabel('登入帳號').waitFor();
  });
});
