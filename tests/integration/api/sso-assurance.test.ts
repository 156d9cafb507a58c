// docs/decisions/0005: a relying party learns how and when the person signed in (acr, amr, auth_time
// in the ID token), can ask for a certificate login (acr_values) and for a fresh one (max_age) — tried
// with openid-client, the certified relying-party library the demo system uses.
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../infra/password-hash';
import { ACR_CERTIFICATE, ACR_SINGLE_FACTOR } from '../../../domain/login-assurance';
import { demoIntegrationSecret } from '../../../prisma/seed-integrations';
import { createTestUser, testKeys, testPrisma } from '../db/helpers';
import { randomNationalId } from '../../support/applicant';
import { e2e, eventually } from '../../support/env';
import { apiSession } from '../../support/http';

const demoRp = () => new URL(process.env.DEMO_RP_URL!);
const prisma = testPrisma();
let config: oidc.Configuration;

beforeAll(async () => {
  config = await oidc.discovery(
    new URL('/oidc', e2e.baseUrl()),
    'demo-rp',
    demoIntegrationSecret('demo-rp', testKeys.hashKey),
    undefined,
    { execute: [oidc.allowInsecureRequests] },
  );
});
afterAll(() => prisma.$disconnect());

type Session = ReturnType<typeof apiSession>;

/** The demo system's authorization request, as openid-client builds it. */
async function authorization(extra: Record<string, string> = {}) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${demoRp().origin}/callback`,
    scope: 'openid profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url: url.href, checks: { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce } };
}

/** Follows the browser until it is back at the system (then exchanges the code) or on a login step. */
async function proceed(s: Session, url: string, checks: oidc.AuthorizationCodeGrantChecks) {
  let at = await s.follow(url, (u) => u.origin === demoRp().origin || u.pathname.startsWith('/login/sso/'));
  if (at.pathname.startsWith('/login/sso/')) {
    const uid = at.pathname.split('/').pop()!;
    const details = await s.get(`/api/sso/interaction/${uid}/details`);
    if (details.body.prompt !== 'consent') return { loginStep: uid, details: details.body };
    const consent = await s.post(`/api/sso/interaction/${uid}/consent`);
    at = await s.follow(consent.body.redirectTo, (u) => u.origin === demoRp().origin);
  }
  if (!at.searchParams.has('code')) throw new Error(`the provider did not return a code: ${at.href}`);
  const tokens = await oidc.authorizationCodeGrant(config, at, { ...checks, idTokenExpected: true });
  return { claims: tokens.claims()! };
}

async function passwordLogin(s: Session, uid: string, account = e2e.user()) {
  return s.post(`/api/sso/interaction/${uid}/password`, {
    account,
    password: e2e.password(),
    ...(await s.captcha()),
  });
}

/** 行動自然人憑證 on the login step: the person approves on the phone (MOI simulator's operator endpoint). */
async function mobileCertLogin(s: Session, uid: string, nationalId: string) {
  const started = await s.post('/api/identity/mobile-cert/start', { purpose: 'LOGIN', nationalId });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const approve = await fetch(`${process.env.MOI_SIMULATOR_URL}/__operator/approve`, {
    method: 'POST',
    body: JSON.stringify({ id_num: nationalId }),
  });
  expect(approve.status).toBe(200);
  await eventually(async () => (await s.get(`/api/identity/mobile-cert/${started.body.id}`)).body.status === 'APPROVED', {
    timeoutMs: 30_000,
    intervalMs: 500,
  });
  return s.post(`/api/sso/interaction/${uid}/mobile-cert`, { transactionId: started.body.id });
}

describe('單一帳號認證平台: acr, amr, auth_time and max_age for relying parties', () => {
  it('announces its assurance levels and the claims in discovery', async () => {
    const discovery = config.serverMetadata();
    expect(discovery.acr_values_supported).toEqual([ACR_SINGLE_FACTOR, ACR_CERTIFICATE]);
    expect(discovery.claims_supported).toEqual(expect.arrayContaining(['acr', 'amr', 'auth_time']));
  });

  it('一般登入 gives acr level 1, amr pwd and the time of the login; max_age=0 asks for the credentials again', async () => {
    const s = apiSession();
    const first = await authorization();
    const step = await proceed(s, first.url, first.checks);
    expect(step.loginStep).toBeTruthy();
    const before = Math.floor(Date.now() / 1000);
    const login = await passwordLogin(s, step.loginStep!);
    expect(login.status).toBe(200);
    const done = await proceed(s, login.body.redirectTo, first.checks);
    expect(done.claims).toMatchObject({ acr: ACR_SINGLE_FACTOR, amr: ['pwd'] });
    expect(done.claims!.auth_time).toBeGreaterThanOrEqual(before - 1);

    // Single sign-on: the next request is answered without a login step …
    const again = await authorization();
    expect((await proceed(s, again.url, again.checks)).claims?.auth_time).toBe(done.claims!.auth_time);
    // … unless the system wants a login no older than max_age.
    const fresh = await authorization({ max_age: '0' });
    const prompted = await proceed(s, fresh.url, fresh.checks);
    expect(prompted.loginStep).toBeTruthy();
    expect(prompted.details.methods).toContain('PASSWORD');
  });

  it('acr_values asking for a certificate offers and accepts only 行動自然人憑證 / 自然人憑證, even with a password session', async () => {
    const nationalId = randomNationalId();
    const org = await prisma.organization.findFirstOrThrow({ where: { code: 'G25' } });
    const user = await createTestUser(prisma, org.id, nationalId);
    // The same person steps up from a password session to a certificate.
    await prisma.user.update({
      where: { id: user.id },
      data: { status: 'ACTIVE', passwordHash: await hashPassword(e2e.password()), passwordChangedAt: new Date() },
    });

    const s = apiSession();
    const plain = await authorization();
    const step = await proceed(s, plain.url, plain.checks);
    const plainLogin = await passwordLogin(s, step.loginStep!, user.account);
    expect((await proceed(s, plainLogin.body.redirectTo, plain.checks)).claims).toMatchObject({
      sub: user.id,
      acr: ACR_SINGLE_FACTOR,
    });

    const strong = await authorization({ acr_values: ACR_CERTIFICATE });
    const prompted = await proceed(s, strong.url, strong.checks);
    expect(prompted.loginStep, 'a level-1 session must not satisfy a level-2 request').toBeTruthy();
    expect(prompted.details).toMatchObject({ methods: ['MOBILE_CERT', 'CITIZEN_CERT'], certificateRequired: true });
    const refused = await passwordLogin(s, prompted.loginStep!, user.account);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({
      code: 'METHOD_NOT_AVAILABLE',
      message: '此應用系統要求以行動自然人憑證或自然人憑證登入',
    });

    const login = await mobileCertLogin(s, prompted.loginStep!, nationalId);
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const { claims } = await proceed(s, login.body.redirectTo, strong.checks);
    expect(claims).toMatchObject({ sub: user.id, acr: ACR_CERTIFICATE, amr: ['hwk', 'mca', 'mfa'] });
    expect(JSON.stringify(claims)).not.toContain(nationalId);
  });
});
