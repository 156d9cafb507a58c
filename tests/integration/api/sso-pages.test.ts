// Issue 10 items 5 and 8: what oidc-provider answers itself under /oidc (discovery, its error page, the
// 登出 confirmation) carries the security headers the rest of the portal does, and the confirmation
// ends the SSO session only when the person clicks 確定登出 — a link from any site cannot.
import { describe, expect, it } from 'vitest';
import { e2e } from '../../support/env';
import { apiSession } from '../../support/http';
import { ssoSessionPayload } from './support-sso';

function expectSecurityHeaders(headers: Headers, label: string) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(csp, label).toContain("default-src 'self'");
  expect(csp, label).toContain("object-src 'none'");
  // A form-action would stop Chromium following 確定登出 to the system's post_logout_redirect_uri.
  expect(csp, label).not.toContain('form-action');
  expect(headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(headers.get('x-frame-options'), label).toBe('DENY');
  expect(headers.get('referrer-policy'), label).toBe('no-referrer');
}

describe('/oidc pages (issue 10 items 5 and 8)', () => {
  it('discovery carries the security headers', async () => {
    const response = await fetch(`${e2e.baseUrl()}/oidc/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response.headers, 'discovery');
  });

  it('the error page carries them too, in zh-TW', async () => {
    const response = await fetch(`${e2e.baseUrl()}/oidc/auth?client_id=no-such-system&response_type=code&scope=openid`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('此應用系統尚未註冊或已停用');
    expectSecurityHeaders(response.headers, 'error page');
  });

  it('the 登出 page waits for a click on 確定登出, which ends the SSO session', async () => {
    const s = apiSession();
    expect((await s.login(e2e.user())).status).toBe(200);
    const endSession = `/oidc/session/end?client_id=portal&post_logout_redirect_uri=${encodeURIComponent(`${e2e.baseUrl()}/`)}`;
    const page = await s.download(endSession);
    const html = await page.text();
    expectSecurityHeaders(page.headers, 'end-session page');
    expect(html).toContain('<button type="submit">確定登出</button>');
    expect(html).not.toMatch(/<script/i);
    // Showing the page ends nothing.
    const ssoSession = s.jar.get('_session')!;
    expect(await ssoSessionPayload(ssoSession)).toMatchObject({ accountId: expect.any(String) });

    // The click: the form as the page has it.
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const fields = new URLSearchParams(
      [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    expect(fields.get('logout')).toBe('yes');
    const confirmed = await fetch(new URL(action, e2e.baseUrl()), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.jar.header() },
      body: fields,
    });
    s.jar.store(confirmed);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${e2e.baseUrl()}/`);
    expect(await ssoSessionPayload(ssoSession)).toBeUndefined();
    expect(s.jar.get('_session')).toBeUndefined();
  });
});
