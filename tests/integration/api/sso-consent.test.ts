import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { e2e } from '../../support/env';
import { apiSession } from '../../support/http';

const demoRpUrl = () => process.env.DEMO_RP_URL!;

function authorizeUrl(extra: Record<string, string> = {}) {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  const params = new URLSearchParams({
    client_id: 'demo-rp',
    redirect_uri: `${demoRpUrl()}/callback`,
    response_type: 'code',
    scope: 'openid profile organization',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-1',
    nonce: 'nonce-1',
    ...extra,
  });
  return `/oidc/auth?${params}`;
}

describe('單一帳號認證平台: 授權 for a registered system', () => {
  it('asks the person to 授權 the listed data, then returns a code to the system', async () => {
    const s = apiSession();
    const uid = await s.startLogin('/', authorizeUrl());
    const login = await s.post(`/api/sso/interaction/${uid}/password`, {
      account: e2e.user(),
      password: e2e.password(),
      ...(await s.captcha()),
    });
    expect(login.status).toBe(200);
    const consentStep = await s.follow(login.body.redirectTo, (url) => url.pathname.startsWith('/login/sso/'));
    const consentUid = consentStep.pathname.split('/').pop()!;
    const details = await s.get(`/api/sso/interaction/${consentUid}/details`);
    expect(details.body).toMatchObject({ prompt: 'consent', client: { id: 'demo-rp', name: '示範應用系統（單一登入）' } });
    expect(details.body.scopes.map((s: { label: string }) => s.label)).toEqual([
      '您的帳號識別碼',
      '姓名、登入帳號、職稱',
      '服務機關及單位',
    ]);

    const consent = await s.post(`/api/sso/interaction/${consentUid}/consent`);
    expect(consent.status, JSON.stringify(consent.body)).toBe(200);
    const back = await s.follow(consent.body.redirectTo, (url) => url.origin === new URL(demoRpUrl()).origin);
    expect(back.pathname).toBe('/callback');
    expect(back.searchParams.get('code')).toBeTruthy();
    expect(back.searchParams.get('state')).toBe('state-1');

    // Granted once: the next sign-in of the same system goes straight back with a code.
    const again = await s.follow(authorizeUrl(), (url) => url.origin === new URL(demoRpUrl()).origin);
    expect(again.searchParams.get('code')).toBeTruthy();
  });

  it('refuses an unregistered redirect URI and an unknown system with a zh-TW page', async () => {
    const wrongRedirect = await fetch(new URL(authorizeUrl({ redirect_uri: 'https://evil.example/callback' }), e2e.baseUrl()), {
      redirect: 'manual',
    });
    expect(wrongRedirect.status).toBe(400);
    expect(await wrongRedirect.text()).toContain('應用系統的返回網址未經註冊');
    const page = await fetch(new URL(authorizeUrl({ client_id: 'no-such-system' }), e2e.baseUrl()));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('此應用系統尚未註冊或已停用');
  });
});
