// A client issued by 應用系統服務介接申請 › 單一登入 (issue 14), driven by openid-client — the certified
// relying-party library — as an outside system would: the authorization-code login releases exactly
// the claims of the approved scopes; after 更換金鑰 both secrets work until the grace instant, then
// only the new one; after 停用 its tokens are refused at once.
import crypto from 'node:crypto';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealClientSecret } from '../../../api/integrations/client-auth';
import { OFFICIAL_MAIL_DOMAIN } from '../../../api/sso/claims';
import { e2e, eventually } from '../../support/env';
import { apiSession, loggedInSession } from '../../support/http';
import { createApplicationSystem } from '../../support/integrations';
import { testKeys, testPrisma, uniq } from '../db/helpers';
import { createActiveUser } from './support-users';

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const newSecret = () => crypto.randomBytes(32).toString('base64url');
/** The approved 單一登入 form: 所需拋回的資料 基本資料 and 電子郵件 (scopes profile, email). */
const APPROVED_SCOPES = ['openid', 'profile', 'email'];

/** An IntegrationSystem row as integrationReview writes it on approving 單一登入. */
async function issueSsoClient(secret: string) {
  const host = `rp-${uniq()}.example.test`;
  const system = await prisma.integrationSystem.create({
    data: {
      name: `單一登入測試系統${uniq()}`,
      clientId: `app-${uniq()}`,
      clientSecretCipher: sealClientSecret(secret, testKeys.dataKey),
      redirectUris: [`https://${host}/callback`],
      scopes: APPROVED_SCOPES,
    },
  });
  return { ...system, redirectUri: system.redirectUris[0]! };
}

type Issued = Awaited<ReturnType<typeof issueSsoClient>>;
let server: oidc.ServerMetadata;

/** openid-client's configuration for the system with this secret (client_secret_post unless told). */
function relyingParty(client: Issued, secret: string, method: 'post' | 'basic' = 'post') {
  const config = new oidc.Configuration(
    server,
    client.clientId,
    { client_secret: secret },
    method === 'basic' ? oidc.ClientSecretBasic(secret) : oidc.ClientSecretPost(secret),
  );
  oidc.allowInsecureRequests(config);
  return config;
}

beforeAll(async () => {
  const discovered = await oidc.discovery(new URL('/oidc', e2e.baseUrl()), 'discovery-only', undefined, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  server = discovered.serverMetadata();
});

/** The user's browser through the authorization endpoint, 一般登入 and 授權; the system exchanges the code. */
async function login(s: ReturnType<typeof apiSession>, client: Issued, config: oidc.Configuration, account?: string) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: client.redirectUri,
    scope: APPROVED_SCOPES.join(' '),
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const atSystem = (u: URL) => u.href.startsWith(client.redirectUri);
  let at = await s.follow(url.href, (u) => atSystem(u) || u.pathname.startsWith('/login/sso/'));
  if (at.pathname.startsWith('/login/sso/') && account) {
    const uid = at.pathname.split('/').pop()!;
    const answer = await s.post(`/api/sso/interaction/${uid}/password`, {
      account,
      password: e2e.password(),
      ...(await s.captcha()),
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    at = await s.follow(answer.body.redirectTo, (u) => atSystem(u) || u.pathname.startsWith('/login/sso/'));
  }
  if (at.pathname.startsWith('/login/sso/')) {
    const uid = at.pathname.split('/').pop()!;
    const details = await s.get(`/api/sso/interaction/${uid}/details`);
    expect(details.body.prompt).toBe('consent');
    const consent = await s.post(`/api/sso/interaction/${uid}/consent`);
    at = await s.follow(consent.body.redirectTo, atSystem);
  }
  expect(at.searchParams.get('code'), at.href).toBeTruthy();
  return oidc.authorizationCodeGrant(config, at, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
}

/** The OAuth error a refused call ended with (in the body, or in WWW-Authenticate for a Basic client). */
async function refusal(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
  } catch (error) {
    if (error instanceof oidc.ResponseBodyError) return error.error;
    if (error instanceof oidc.WWWAuthenticateChallengeError) return String(error.cause[0]?.parameters.error);
    throw error;
  }
  return undefined;
}

/** What the ID token says besides the protocol's own claims (issuer, audience, times, how the person signed in). */
const PROTOCOL = ['iss', 'aud', 'exp', 'iat', 'nonce', 'at_hash', 'c_hash', 'sid', 'azp', 'acr', 'amr', 'auth_time'];
const personClaims = (claims: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(claims).filter(([name]) => !PROTOCOL.includes(name)));

describe('an issued 單一登入 client with openid-client', () => {
  let client: Issued;
  let secret: string;
  let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
  let user: Awaited<ReturnType<typeof prisma.user.findUniqueOrThrow>>;
  const s = apiSession();

  beforeAll(async () => {
    secret = newSecret();
    client = await issueSsoClient(secret);
    // A seeded user with a title, an official mailbox and an office phone: each could be released.
    user = await prisma.user.findUniqueOrThrow({ where: { account: e2e.user() } });
    expect(user.title && user.officialMail && user.officePhone).toBeTruthy();
  });

  it('logs a seeded user in; the ID token and userinfo hold exactly the approved scopes’ claims', async () => {
    tokens = await login(s, client, relyingParty(client, secret), user.account);
    // (The login itself touches the account row: 上次登入.)
    user = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const expected = {
      sub: user.id,
      name: user.name,
      preferred_username: user.account,
      title: user.title,
      updated_at: Math.floor(user.updatedAt.getTime() / 1000),
      email: `${user.account}@${OFFICIAL_MAIL_DOMAIN}`,
      email_verified: true,
    };
    const idToken = tokens.claims()!;
    expect(idToken.aud).toBe(client.clientId);
    expect(personClaims(idToken)).toEqual(expected);
    const userinfo = await oidc.fetchUserInfo(relyingParty(client, secret), tokens.access_token, user.id);
    expect(userinfo).toEqual(expected);
    for (const claims of [idToken, userinfo]) {
      for (const withheld of ['organization_code', 'organization_name', 'agency_code', 'agency_name', 'phone_number'])
        expect(claims).not.toHaveProperty(withheld);
    }
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('after 更換金鑰 accepts the previous secret at the token endpoint until the grace instant, then only the new one', async () => {
    const previous = secret;
    secret = newSecret();
    await prisma.integrationSystem.update({
      where: { id: client.id },
      data: {
        previousSecretCipher: client.clientSecretCipher,
        previousSecretExpiresAt: new Date(Date.now() + 7 * 24 * 3600_000),
        clientSecretCipher: sealClientSecret(secret, testKeys.dataKey),
      },
    });
    // Within the grace: both secrets, sent either way (client_secret_post and client_secret_basic).
    for (const [key, method] of [
      [previous, 'post'],
      [previous, 'basic'],
      [secret, 'post'],
      [secret, 'basic'],
    ] as const) {
      tokens = await oidc.refreshTokenGrant(relyingParty(client, key, method), tokens.refresh_token!);
      expect(tokens.access_token, `${key === previous ? 'previous' : 'new'} secret, ${method}`).toBeTruthy();
    }
    // A whole new login with the previous secret works too.
    expect((await login(s, client, relyingParty(client, previous))).claims()!.sub).toBe(user.id);

    // The grace instant passes: the previous secret is now a wrong one; the new one still works.
    await prisma.integrationSystem.update({
      where: { id: client.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1000) },
    });
    for (const method of ['post', 'basic'] as const) {
      const refused = await refusal(oidc.refreshTokenGrant(relyingParty(client, previous, method), tokens.refresh_token!));
      expect(refused, method).toBe('invalid_client');
    }
    tokens = await oidc.refreshTokenGrant(relyingParty(client, secret), tokens.refresh_token!);
    expect(tokens.access_token).toBeTruthy();
  });

  it('after 停用 refuses the client and its tokens at once', async () => {
    const config = relyingParty(client, secret);
    expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(true);
    // Another system may not learn about this system's tokens.
    const otherSecret = newSecret();
    const other = await issueSsoClient(otherSecret);
    expect((await oidc.tokenIntrospection(relyingParty(other, otherSecret), tokens.access_token)).active).toBe(false);

    // What the 停用 activity does: status REVOKED, every oidc_payloads row of the client deleted.
    await prisma.integrationSystem.update({ where: { id: client.id }, data: { status: 'REVOKED' } });
    await prisma.oidcPayload.deleteMany({ where: { payload: { path: ['clientId'], equals: client.clientId } } });

    // Within the adapter's client cache (the row was read moments ago): refused all the same.
    expect(await refusal(oidc.tokenIntrospection(config, tokens.access_token))).toBe('invalid_client');
    expect((await oidc.tokenIntrospection(relyingParty(other, otherSecret), tokens.access_token)).active).toBe(false);
    const userinfo = await fetch(server.userinfo_endpoint!, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
    expect(userinfo.headers.get('www-authenticate')).toMatch(/invalid_token/);
    expect(await refusal(oidc.refreshTokenGrant(config, tokens.refresh_token!))).toBe('invalid_client');
  });
});

describe('the integrations API’s Basic client authentication and 更換金鑰', () => {
  it('accepts the previous secret until previousSecretExpiresAt, then refuses it', async () => {
    const previous = newSecret();
    const current = newSecret();
    const system = await prisma.integrationSystem.create({
      data: {
        name: `帳號驗證測試系統${uniq()}`,
        clientId: `app-${uniq()}`,
        clientSecretCipher: sealClientSecret(current, testKeys.dataKey),
        previousSecretCipher: sealClientSecret(previous, testKeys.dataKey),
        previousSecretExpiresAt: new Date(Date.now() + 3600_000),
        verifyApiEnabled: true,
        allowedCidrs: ['127.0.0.1/32', '::1/128'],
        scopes: ['openid', 'profile'],
      },
    });
    const account = (await createActiveUser(prisma)).account;
    const verify = (secret: string) =>
      fetch(`${e2e.baseUrl()}/api/integrations/v1/account-verifications`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${system.clientId}:${secret}`).toString('base64')}`,
        },
        body: JSON.stringify({ account, password: e2e.password() }),
      });
    expect((await verify(previous)).status).toBe(200);
    expect((await verify(current)).status).toBe(200);
    expect((await verify(newSecret())).status).toBe(401);
    await prisma.integrationSystem.update({
      where: { id: system.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1000) },
    });
    expect((await verify(previous)).status).toBe(401);
    expect((await verify(current)).status).toBe(200);
  });
});

describe('the whole chain: applied for, approved, revealed, then used by openid-client', () => {
  it('a system applies for 單一登入 with two claims, a system admin approves it, and the revealed credentials sign a user in with exactly those claims', async () => {
    const applicantUser = await createActiveUser(prisma);
    const system = await createApplicationSystem(prisma, applicantUser);
    const redirectUri = `https://${new URL(system.url).host}/callback`;
    const [applicant, admin] = await Promise.all([loggedInSession(applicantUser.account), loggedInSession(e2e.sysadmin())]);

    // 我要申請 › 單一登入: 所需拋回的資料 = 姓名、帳號及職稱 (profile) and 公務電子郵件 (email).
    const applied = await applicant.post(`/api/application-systems/${system.id}/services/sso/applications`, {
      claims: ['profile', 'email'],
      redirectUris: [redirectUri],
      description: '以公務帳號登入',
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const { key } = applied.body as { key: string };
    const approved = await admin.post(`/api/console/integration-requests/${key}/decision`, { decision: 'APPROVE' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    let revealed: { clientId: string; clientSecret: string } | undefined;
    await eventually(async () => {
      const shown = await applicant.post(`/api/integration-applications/${key}/secret`);
      if (shown.status === 200) revealed = shown.body;
      return revealed !== undefined;
    });
    const issued = await prisma.integrationSystem.findUniqueOrThrow({ where: { clientId: revealed!.clientId } });
    expect(issued.redirectUris).toEqual([redirectUri]);
    const client = { ...issued, redirectUri };

    const user = await prisma.user.findUniqueOrThrow({ where: { account: e2e.user() } });
    const tokens = await login(apiSession(), client, relyingParty(client, revealed!.clientSecret), user.account);
    const released = Object.keys(personClaims(tokens.claims()!)).sort();
    expect(released).toEqual(['email', 'email_verified', 'name', 'preferred_username', 'sub', 'title', 'updated_at']);
    const userinfo = await oidc.fetchUserInfo(relyingParty(client, revealed!.clientSecret), tokens.access_token, user.id);
    expect(Object.keys(userinfo).sort()).toEqual(released);
    // A wrong secret is refused at the token endpoint.
    expect(await refusal(login(apiSession(), client, relyingParty(client, newSecret()), user.account))).toBe('invalid_client');
  });
});
