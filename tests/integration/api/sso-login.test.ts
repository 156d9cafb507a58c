import { describe, expect, it } from 'vitest';
import { createPrisma } from '../../../infra/db/prisma';
import { e2e, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { ssoSessionPayload } from './support-sso';

// Accounts only this file touches (lockout and expiry change their state).
const LOCKOUT_ACCOUNT = 'ykuser2';
const EXPIRY_ACCOUNT = 'secuser2';

const withPrisma = async <T>(work: (prisma: ReturnType<typeof createPrisma>) => Promise<T>) => {
  const prisma = createPrisma(testEnv().DATABASE_URL);
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
};

describe('單一帳號認證平台: 一般登入 through OpenID Connect', () => {
  it('publishes discovery and signing keys for relying parties', async () => {
    const discovery = await (await fetch(`${e2e.baseUrl()}/oidc/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(`${e2e.baseUrl()}/oidc`);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'organization', 'offline_access']));
    expect(discovery.end_session_endpoint).toBe(`${e2e.baseUrl()}/oidc/session/end`);
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('logs the portal in through the code flow and reports the user without secrets; 登出 ends both sessions', async () => {
    const s = apiSession();
    const { status, body, landedOn } = await s.login(e2e.sysadmin());
    expect(status).toBe(200);
    expect(landedOn?.pathname).toBe('/home');
    expect(body.user).toMatchObject({ account: e2e.sysadmin(), roles: ['SYSTEM_ADMIN'] });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|nationalId|argon2/);

    // A second login while the SSO session lives needs no credentials (single sign-on).
    const again = await s.follow('/api/auth/login?returnTo=/home');
    expect(again.pathname).toBe('/home');

    // A GET — any link or image on any site — ends nothing (issue 10 item 5).
    const ssoSession = s.jar.get('_session')!;
    const grantId = (await ssoSessionPayload(ssoSession))?.authorizations?.portal?.grantId;
    expect(grantId).toEqual(expect.any(String));
    const viaGet = await s.download('/api/auth/logout');
    expect(viaGet.status).toBe(404);
    expect(await viaGet.json()).toEqual({ error: { code: 'NOT_FOUND', message: '找不到此功能。' } });
    expect((await s.get('/api/session')).status).toBe(200);

    // 登出 is the SPA's one POST: the portal session and the SSO session end together.
    expect((await s.logout()).status).toBe(204);
    expect((await s.get('/api/session')).status).toBe(401);
    expect(await ssoSessionPayload(ssoSession)).toBeUndefined();
    // …with the portal's grant and every code and token issued under it.
    expect(
      await withPrisma((prisma) => prisma.oidcPayload.count({ where: { OR: [{ grantId }, { type: 'Grant', id: grantId }] } })),
    ).toBe(0);
    expect(s.jar.get('_session')).toBeUndefined();
    // The next login asks for credentials again.
    expect(await s.startLogin()).toMatch(/^[\w-]+$/);
  });

  it('records every attempt in 帳號登入紀錄 and gives the same answer for a wrong password and an unknown account', async () => {
    const wrongSession = apiSession();
    const wrong = await wrongSession.login(e2e.user(), 'Wrong@Pass1');
    const unknown = await apiSession().login('no_such_user_x', 'Wrong@Pass1');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toEqual({ code: 'LOGIN_FAILED', message: '帳號或密碼錯誤' });
    const rows = await withPrisma((prisma) =>
      prisma.loginRecord.findMany({
        where: { account: { in: [e2e.user(), 'no_such_user_x'] }, result: 'FAILURE' },
        orderBy: { at: 'desc' },
      }),
    );
    expect(rows.find((r) => r.account === e2e.user())).toMatchObject({
      method: 'PASSWORD',
      action: 'LOGIN',
      reason: 'BAD_PASSWORD',
    });
    expect(rows.find((r) => r.account === 'no_such_user_x')).toMatchObject({ userId: null, reason: 'UNKNOWN_ACCOUNT' });
  });

  it('rejects an empty form with field messages, and a wrong or reused 圖形驗證碼 before the credentials', async () => {
    const s = apiSession();
    const uid = await s.startLogin();
    const empty = await s.post(`/api/sso/interaction/${uid}/password`, {
      account: '',
      password: '',
      captchaId: 'x',
      captchaAnswer: '',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual({
      account: '請輸入登入帳號',
      password: '請輸入密碼',
      captchaAnswer: '請輸入圖形驗證碼',
    });

    const captcha = await s.captcha();
    const wrong = await s.post(`/api/sso/interaction/${uid}/password`, {
      account: e2e.sysadmin(),
      password: e2e.password(),
      captchaId: captcha.captchaId,
      captchaAnswer: `${captcha.captchaAnswer}x`,
    });
    expect(wrong.body.error).toMatchObject({ code: 'CAPTCHA_INVALID', fields: { captchaAnswer: '驗證碼錯誤，請重新輸入' } });
    const reused = await s.post(`/api/sso/interaction/${uid}/password`, {
      account: e2e.sysadmin(),
      password: e2e.password(),
      ...captcha,
    });
    expect(reused.body.error.code).toBe('CAPTCHA_INVALID');
  });

  it('refuses a login step whose interaction is unknown or expired', async () => {
    const s = apiSession();
    const answer = await s.post('/api/sso/interaction/not-a-real-uid/password', {
      account: 'x',
      password: 'y',
      ...(await s.captcha()),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('INTERACTION_EXPIRED');
  });

  it('locks an account after the 登入失敗鎖定次數, with the same message for an unknown account', async () => {
    const threshold = await withPrisma(async (prisma) => {
      const row = await prisma.systemParameter.findUniqueOrThrow({ where: { key: 'login.lockoutThreshold' } });
      return Number(row.value);
    });
    const lockedMessages: string[] = [];
    for (const account of [LOCKOUT_ACCOUNT, 'no_such_lockout_user']) {
      let last;
      for (let i = 0; i < threshold; i++) last = await apiSession().login(account, 'Wrong@Pass1');
      expect(last!.status).toBe(423);
      lockedMessages.push(last!.body.error.message);
      // Locked: even the right password is refused now.
      const right = await apiSession().login(account, e2e.password());
      expect(right.status).toBe(423);
    }
    expect(lockedMessages[0]).toMatch(/^登入失敗次數過多，帳號已暫時鎖定，請於 \d+ 分鐘後再試$/);
    expect(lockedMessages[0]).toBe(lockedMessages[1]);
    const user = await withPrisma((prisma) => prisma.user.findUniqueOrThrow({ where: { account: LOCKOUT_ACCOUNT } }));
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it('answers an expired password with a forced change instead of a session', async () => {
    await withPrisma((prisma) =>
      prisma.user.update({ where: { account: EXPIRY_ACCOUNT }, data: { passwordChangedAt: new Date('2020-01-01T00:00:00Z') } }),
    );
    const s = apiSession();
    const uid = await s.startLogin();
    const answer = await s.post(`/api/sso/interaction/${uid}/password`, {
      account: EXPIRY_ACCOUNT,
      password: e2e.password(),
      ...(await s.captcha()),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ passwordExpired: true, account: EXPIRY_ACCOUNT });
    expect(answer.body.changeToken).toMatch(/^[\w-]{40,}$/);
    expect((await s.get('/api/session')).status).toBe(401);
  });

  it('offers and accepts only the two certificate methods outside 府內網路 (behind the trusted proxy)', async () => {
    const outside = apiSession(e2e.baseUrl(), { headers: { 'x-forwarded-for': '203.0.113.7' } });
    const uid = await outside.startLogin();
    const details = await outside.get(`/api/sso/interaction/${uid}/details`);
    expect(details.body).toMatchObject({ internal: false, methods: ['MOBILE_CERT', 'CITIZEN_CERT'] });
    const refused = await outside.post(`/api/sso/interaction/${uid}/password`, {
      account: e2e.sysadmin(),
      password: e2e.password(),
      ...(await outside.captcha()),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'METHOD_NOT_AVAILABLE',
      message: '府外網路僅可使用行動自然人憑證或自然人憑證登入',
    });

    const inside = apiSession();
    const insideUid = await inside.startLogin();
    const insideDetails = await inside.get(`/api/sso/interaction/${insideUid}/details`);
    expect(insideDetails.body.internal).toBe(true);
    expect(insideDetails.body.methods).toContain('PASSWORD');
  });
});
