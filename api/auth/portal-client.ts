import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { Router, type Request, type Response } from 'express';
import * as oidc from 'openid-client';
import { encryptField } from '../../infra/db/pii';
import type Provider from 'oidc-provider';
import { endSsoSession } from '../sso/end-session';
import { OIDC_MOUNT } from '../sso/provider';
import { clearSessionCookie, SESSION_COOKIE, sessionCookieOptions, type SessionStore } from './session';
import { noBody } from '../request-body';

export const PORTAL_CLIENT_ID = 'portal';
const FLOW_COOKIE = 'portal_oidc';
const FLOW_TTL_MS = 10 * 60_000;

export interface PortalClientConfig {
  /** Where browsers reach the portal (the issuer lives under it at /oidc). */
  webUrl: string;
  /** Where this API reaches the provider's back-channel endpoints (token, jwks) — itself. */
  internalUrl: string;
  dataKey: Buffer;
  secret: string;
  secureCookies: boolean;
}

/** The portal's own client secret: derived from the session secret, so nothing else needs storing. */
export const portalClientSecret = (sessionSecret: string) =>
  crypto.createHmac('sha256', sessionSecret).update('oidc-client:portal').digest('base64url');

/** The portal is a first-party relying party of its own SSO; its registration follows WEB_URL. */
export async function ensurePortalClient(prisma: PrismaClient, config: PortalClientConfig) {
  const data = {
    name: '臺南市政府公務入口網',
    clientSecretCipher: encryptField(config.secret, config.dataKey, 'client-secret'),
    firstParty: true,
    status: 'ACTIVE' as const,
    redirectUris: [`${config.webUrl}/api/auth/callback`],
    postLogoutRedirectUris: [`${config.webUrl}/`],
    scopes: ['profile', 'email', 'organization', 'phone'],
  };
  await prisma.integrationSystem.upsert({
    where: { clientId: PORTAL_CLIENT_ID },
    create: { clientId: PORTAL_CLIENT_ID, ...data },
    update: data,
  });
}

/** Only a path inside the portal may be returned to (no open redirect). */
export function safeReturnPath(value: unknown): string {
  const path = typeof value === 'string' ? value : '';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') && !path.startsWith('/api/') ? path : '/home';
}

/**
 * 個人帳號登入: the portal signs its users in through the SSO with the authorization code flow and
 * PKCE (openid-client), then keeps its own PostgreSQL session.
 */
export function portalAuthRoutes(deps: {
  prisma: PrismaClient;
  sessions: SessionStore;
  config: PortalClientConfig;
  provider: () => Provider;
}) {
  const { config, sessions } = deps;
  const issuer = `${config.webUrl}${OIDC_MOUNT}`;
  const internal = `${config.internalUrl}${OIDC_MOUNT}`;
  const client = new oidc.Configuration(
    {
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      end_session_endpoint: `${issuer}/session/end`,
      token_endpoint: `${internal}/token`,
      jwks_uri: `${internal}/jwks`,
      userinfo_endpoint: `${internal}/me`,
      id_token_signing_alg_values_supported: ['RS256'],
    },
    PORTAL_CLIENT_ID,
    config.secret,
  );
  if (!internal.startsWith('https://') || !issuer.startsWith('https://')) oidc.allowInsecureRequests(client);

  const sign = (value: string) => crypto.createHmac('sha256', config.secret).update(value).digest('base64url');
  const flowCookie = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.secureCookies,
    path: '/api/auth',
    maxAge: FLOW_TTL_MS,
  };

  function readFlow(req: Request): { verifier: string; state: string; nonce: string; returnTo: string } | undefined {
    const raw = req.headers.cookie
      ?.split(/;\s*/)
      .find((c) => c.startsWith(`${FLOW_COOKIE}=`))
      ?.slice(FLOW_COOKIE.length + 1);
    if (!raw) return undefined;
    const [body, mac] = raw.split('.');
    if (!body || !mac || mac.length !== sign(body).length || !crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(sign(body))))
      return undefined;
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  }

  const router = Router();

  router.get('/login', async (req, res) => {
    const returnTo = safeReturnPath(req.query.returnTo);
    if (req.actor) return res.redirect(303, returnTo);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const body = Buffer.from(JSON.stringify({ verifier, state, nonce, returnTo })).toString('base64url');
    res.cookie(FLOW_COOKIE, `${body}.${sign(body)}`, flowCookie);
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: `${config.webUrl}/api/auth/callback`,
      scope: 'openid profile email organization',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    res.redirect(303, url.href);
  });

  router.get('/callback', async (req: Request, res: Response) => {
    const flow = readFlow(req);
    res.clearCookie(FLOW_COOKIE, { ...flowCookie, maxAge: undefined });
    if (!flow) return res.redirect(303, '/login?error=expired');
    if (typeof req.query.error === 'string') {
      return res.redirect(303, req.query.error === 'access_denied' ? '/?login=cancelled' : '/login?error=failed');
    }
    const tokens = await oidc.authorizationCodeGrant(client, new URL(req.originalUrl, config.webUrl), {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const userId = tokens.claims()!.sub;
    const token = await sessions.create(userId, { ip: req.ip, userAgent: req.get('user-agent') });
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(config.secureCookies));
    res.redirect(303, flow.returnTo);
  });

  // 登出 (the SPA's POST, behind the same-origin check; a GET that any link could send ends nothing):
  // the portal session and the browser's SSO session end together, in one click.
  router.post('/logout', noBody, async (req, res) => {
    if (req.sessionToken) await sessions.revoke(req.sessionToken);
    await endSsoSession(deps.provider(), req, res);
    clearSessionCookie(res, config.secureCookies);
    res.status(204).end();
  });

  return router;
}
