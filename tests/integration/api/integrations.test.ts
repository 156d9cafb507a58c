import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptField } from '../../../infra/db/pii';
import {
  DEMO_REDIRECT_CLIENT_ID,
  DEMO_REDIRECT_PARAM,
  DEMO_VERIFY_CLIENT_ID,
  demoIntegrationSecret,
} from '../../../prisma/seed-integrations';
import { e2e } from '../../support/env';
import { apiSession } from '../../support/http';
import { testKeys, testPrisma, uniq } from '../db/helpers';
import { createActiveUser } from './support-users';

const prisma = testPrisma();
const API = `${e2e.baseUrl()}/api/integrations/v1`;
const basic = (clientId: string, secret = demoIntegrationSecret(clientId, testKeys.hashKey)) =>
  `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;

async function call(path: string, init: { auth?: string; body?: unknown; from?: string; method?: string } = {}) {
  const response = await fetch(`${API}${path}`, {
    method: init.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      ...(init.auth ? { authorization: init.auth } : {}),
      ...(init.from ? { 'x-forwarded-for': init.from } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const verify = (account: string, password: string, auth = basic(DEMO_VERIFY_CLIENT_ID), from?: string) =>
  call('/account-verifications', { auth, body: { account, password }, from });

let user: Awaited<ReturnType<typeof createActiveUser>>;
beforeAll(async () => {
  user = await createActiveUser(prisma);
});
afterAll(() => prisma.$disconnect());

describe('帳號驗證 API (POST /api/integrations/v1/account-verifications)', () => {
  it('verifies the right password and answers the claims the system was granted; 帳號登入紀錄 names the system', async () => {
    const { status, body, headers } = await verify(user.account.toUpperCase(), e2e.password());
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.verified).toBe(true);
    expect(body.claims).toMatchObject({ sub: user.id, name: user.name, preferred_username: user.account });
    expect(body.claims.organization_name).toBeTruthy();
    // phone is not one of the demo system's scopes.
    expect(body.claims).not.toHaveProperty('phone_number');

    const row = await prisma.loginRecord.findFirstOrThrow({ where: { userId: user.id }, orderBy: { at: 'desc' } });
    expect(row).toMatchObject({
      method: 'PASSWORD',
      action: 'LOGIN',
      result: 'SUCCESS',
      reason: `VERIFY_API:${DEMO_VERIFY_CLIENT_ID}`,
    });
    const s = apiSession();
    expect((await s.login(user.account)).status).toBe(200);
    const detail = await s.get(`/api/account/login-records/${row.id}`);
    expect(detail.body.via).toEqual({ clientId: DEMO_VERIFY_CLIENT_ID, name: '示範系統（帳號驗證）' });
  });

  it('answers a wrong password and an unknown account the same, and records the failure', async () => {
    const wrong = await verify(user.account, 'Wrong@Pass1');
    const unknown = await verify(`nobody_${uniq()}`, 'Wrong@Pass1');
    expect(wrong.status).toBe(200);
    expect(wrong.body).toEqual({ verified: false, reason: 'INVALID_CREDENTIALS' });
    expect(unknown.body).toEqual(wrong.body);
    const row = await prisma.loginRecord.findFirstOrThrow({ where: { userId: user.id }, orderBy: { at: 'desc' } });
    expect(row).toMatchObject({ result: 'FAILURE', reason: `VERIFY_API:${DEMO_VERIFY_CLIENT_ID}:BAD_PASSWORD` });
    const missing = await call('/account-verifications', { auth: basic(DEMO_VERIFY_CLIENT_ID), body: { account: user.account } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ password: '請提供 password（密碼）' });
  });

  it('refuses wrong client credentials alike, a system without the API, and an address outside its CIDRs', async () => {
    const wrongSecret = await verify(user.account, e2e.password(), basic(DEMO_VERIFY_CLIENT_ID, 'not-the-secret'));
    const unknownClient = await verify(user.account, e2e.password(), basic('no-such-client', 'x'));
    const noHeader = await call('/account-verifications', { body: { account: user.account, password: e2e.password() } });
    for (const answer of [wrongSecret, unknownClient, noHeader]) {
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('CLIENT_AUTH_FAILED');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Basic realm="integrations"/);
    }
    expect(unknownClient.body).toEqual(wrongSecret.body);

    const disabled = await verify(user.account, e2e.password(), basic(DEMO_REDIRECT_CLIENT_ID));
    expect(disabled.status).toBe(403);
    expect(disabled.body.error).toEqual({ code: 'VERIFY_API_DISABLED', message: '此應用系統未啟用帳號驗證 API' });

    // Through the trusted proxy from an address the system did not register.
    const outside = await verify(user.account, e2e.password(), basic(DEMO_VERIFY_CLIENT_ID), '203.0.113.9');
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('CLIENT_ADDRESS_NOT_ALLOWED');
  });

  it('limits calls per source address and per system', async () => {
    const clientId = `rate-${uniq()}`;
    const secret = crypto.randomBytes(24).toString('base64url');
    await prisma.integrationSystem.create({
      data: {
        name: '限流測試系統',
        clientId,
        clientSecretCipher: encryptField(secret, testKeys.dataKey, 'client-secret'),
        verifyApiEnabled: true,
        allowedCidrs: ['198.51.100.0/24'],
        scopes: ['openid'],
      },
    });
    const auth = basic(clientId, secret);
    const octet = crypto.randomInt(1, 50);
    // Empty bodies: each call counts, none checks a password.
    const hit = (ip: string) => call('/account-verifications', { auth, body: {}, from: ip });
    for (let i = 0; i < 60; i++) expect((await hit(`198.51.100.${octet}`)).status).toBe(400);
    const limited = await hit(`198.51.100.${octet}`);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', message: '呼叫次數過多，請稍後再試' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    // 120 per system: 60 more from two other addresses fill it up.
    for (let i = 0; i < 59; i++) await hit(`198.51.100.${octet + 50}`);
    expect((await hit(`198.51.100.${octet + 100}`)).status).toBe(400);
    const perSystem = await hit(`198.51.100.${octet + 100}`);
    expect(perSystem.status).toBe(429);
  });

  it('shares the lockout with the login page: after the threshold even the right password is refused, by both', async () => {
    const locked = await createActiveUser(prisma);
    const threshold = Number(
      (await prisma.systemParameter.findUniqueOrThrow({ where: { key: 'login.lockoutThreshold' } })).value,
    );
    let last;
    for (let i = 0; i < threshold; i++) last = await verify(locked.account, 'Wrong@Pass1');
    expect(last!.body).toMatchObject({ verified: false, reason: 'ACCOUNT_LOCKED' });
    expect(last!.body.retryAfterSeconds).toBeGreaterThan(0);
    expect((await verify(locked.account, e2e.password())).body).toMatchObject({ verified: false, reason: 'ACCOUNT_LOCKED' });
    const login = await apiSession().login(locked.account, e2e.password());
    expect(login.status).toBe(423);
    const rows = await prisma.loginRecord.findMany({ where: { userId: locked.id }, orderBy: { at: 'asc' } });
    expect(rows.map((r) => r.reason)).toEqual([
      ...Array(threshold).fill(`VERIFY_API:${DEMO_VERIFY_CLIENT_ID}:BAD_PASSWORD`),
      `VERIFY_API:${DEMO_VERIFY_CLIENT_ID}:LOCKED`,
    ]);
  });
});

describe('轉登 (GET /redirect-login/:systemId, POST /redirect-login/verify)', () => {
  let session: ReturnType<typeof apiSession>;
  let systemId: string;
  beforeAll(async () => {
    session = apiSession();
    expect((await session.login(user.account)).status).toBe(200);
    systemId = (await prisma.integrationSystem.findUniqueOrThrow({ where: { clientId: DEMO_REDIRECT_CLIENT_ID } })).id;
  });

  async function redirectPage() {
    const response = await fetch(`${API}/redirect-login/${systemId}`, {
      headers: { cookie: session.jar.header() },
      redirect: 'manual',
    });
    const html = await response.text();
    const action = /<form id="redirect-login" method="post" action="([^"]+)"/.exec(html)?.[1];
    const field = new RegExp(`name="${DEMO_REDIRECT_PARAM}" value="([^"]+)"`).exec(html)?.[1];
    return { response, html, action, assertion: field ?? '' };
  }

  const redeem = (assertion: string, clientId = DEMO_REDIRECT_CLIENT_ID) =>
    call('/redirect-login/verify', { auth: basic(clientId), body: { assertion } });

  it('gives the logged-in user a page posting a one-time assertion to the system, which redeems it exactly once', async () => {
    const page = await redirectPage();
    expect(page.response.status).toBe(200);
    expect(page.response.headers.get('cache-control')).toBe('no-store');
    expect(page.response.headers.get('content-security-policy')).toContain(`form-action ${new URL(e2e.baseUrl()).origin}`);
    expect(page.html).toContain('正在轉登至「示範系統（轉登）」');
    expect(page.action).toBe(`${e2e.baseUrl()}/dev/integrations/redirect-login-demo`);
    const [header, payload] = page.assertion
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'RS256', typ: 'redirect-login+jwt' });
    expect(payload).toMatchObject({ aud: DEMO_REDIRECT_CLIENT_ID, sub: user.id });
    expect(payload.exp - payload.iat).toBe(60);

    const first = await redeem(page.assertion);
    expect(first.status).toBe(200);
    expect(first.body.claims).toMatchObject({ sub: user.id, preferred_username: user.account, name: user.name });
    const second = await redeem(page.assertion);
    expect(second.status).toBe(401);
    expect(second.body.error).toEqual({ code: 'ASSERTION_INVALID', message: '轉登憑證無效、已逾時或已使用，請重新由入口網進入' });

    const usage = await session.get('/api/account/usage-records');
    expect(usage.body.items[0]).toMatchObject({
      action: 'integration.redirectLogin',
      actionLabel: '轉登應用系統',
      target: '示範系統（轉登）',
    });
  });

  it('refuses an assertion for another system (without spending it), an expired one and a tampered one', async () => {
    const { assertion } = await redirectPage();
    expect((await redeem(assertion, DEMO_VERIFY_CLIENT_ID)).body.error.code).toBe('ASSERTION_INVALID');
    expect((await redeem(assertion)).status).toBe(200);

    const late = await redirectPage();
    const { jti } = JSON.parse(Buffer.from(late.assertion.split('.')[1]!, 'base64url').toString());
    await prisma.redirectLoginAssertion.update({ where: { jti }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await redeem(late.assertion)).status).toBe(401);

    const fresh = await redirectPage();
    const [h, p, sig] = fresh.assertion.split('.');
    const forged = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...forged, sub: 'someone-else' })).toString('base64url')}.${sig}`;
    expect((await redeem(tampered)).body.error.code).toBe('ASSERTION_INVALID');
    expect((await redeem('not-a-jwt')).status).toBe(401);
    expect((await call('/redirect-login/verify', { auth: basic(DEMO_REDIRECT_CLIENT_ID), body: {} })).status).toBe(400);
  });

  it("refuses a user whose agency the system's icon is not shown to, even at the address typed by hand", async () => {
    const outsider = await createActiveUser(prisma, 'G01');
    const outsiderSession = apiSession();
    expect((await outsiderSession.login(outsider.account)).status).toBe(200);
    const response = await fetch(`${API}/redirect-login/${systemId}`, { headers: { cookie: outsiderSession.jar.header() } });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('您所屬的機關未開放使用此應用系統');
    expect(await prisma.redirectLoginAssertion.count({ where: { userId: outsider.id } })).toBe(0);
  });

  it('sends a browser without a portal session to the login page, and says when a system has no 轉登', async () => {
    const anonymous = await fetch(`${API}/redirect-login/${systemId}`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login');
    const verifyOnly = (await prisma.integrationSystem.findUniqueOrThrow({ where: { clientId: DEMO_VERIFY_CLIENT_ID } })).id;
    for (const id of [verifyOnly, 'no-such-system']) {
      const response = await fetch(`${API}/redirect-login/${id}`, { headers: { cookie: session.jar.header() } });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('此應用系統不存在、已停用或未提供轉登');
    }
  });

  it('the demo system’s 轉登 handler redeems the posted assertion and shows who logged in', async () => {
    const page = await redirectPage();
    const response = await fetch(page.action!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [DEMO_REDIRECT_PARAM]: page.assertion }),
    });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('示範系統（轉登）：轉登成功');
    expect(html).toContain(`<dd data-claim="preferred_username">${user.account}</dd>`);
    const again = await fetch(page.action!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [DEMO_REDIRECT_PARAM]: page.assertion }),
    });
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('轉登憑證無效、已逾時或已使用');
  });
});

describe('OpenAPI document', () => {
  it('is served at /api/integrations/v1/openapi.yaml', async () => {
    const response = await fetch(`${API}/openapi.yaml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(await response.text()).toMatch(/^openapi: 3\.0\.3$/m);
  });
});
