import type { PrismaClient } from '@prisma/client';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { ACR_VALUES, satisfies } from '../../domain/login-assurance';
import type { Logger } from 'pino';
import { createClientDirectory, createPrismaAdapter, type ClientDirectory } from './adapter';
import { createClientSecretGrace } from './client-secret-grace';
import { accountClaims } from './claims';
import { errorPage, logoutPage, postLogoutPage } from './pages';
import { SSO_SESSION_COOKIE } from './end-session';
import type { SigningKeys } from './signing-keys';

export const OIDC_MOUNT = '/oidc';
const HOUR = 3600;

/** Scopes a registered system can be granted, and the claims each one releases (the 授權 screen lists them). */
export const SCOPE_CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'preferred_username', 'title', 'updated_at'],
  email: ['email', 'email_verified'],
  organization: ['organization_code', 'organization_name', 'agency_code', 'agency_name'],
  phone: ['phone_number'],
} as const;

/**
 * The ID token says how and when the person signed in (acr, amr, auth_time: docs/decisions/0005), so
 * every system gets them with `openid`; the provider takes them from the login, not from the account.
 */
const PROTOCOL_CLAIMS = { ...SCOPE_CLAIMS, openid: [...SCOPE_CLAIMS.openid, 'acr', 'amr', 'auth_time'] };

/**
 * oidc-provider's login prompt plus one check: a session whose login is weaker than the system's
 * `acr_values` asks (e.g. 一般登入 when a certificate is required) signs in again. `max_age` is
 * already one of the base checks.
 */
function interactionPolicyWithAcr() {
  const policy = interactionPolicy.base();
  policy.get('login')!.checks.add(
    new interactionPolicy.Check('acr_values', '應用系統要求較高的登入驗證強度', (ctx) => {
      const { session, params } = ctx.oidc;
      if (!session?.accountId) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      const requested = typeof params?.acr_values === 'string' ? params.acr_values : undefined;
      return satisfies(session.acr, requested)
        ? interactionPolicy.Check.NO_NEED_TO_PROMPT
        : interactionPolicy.Check.REQUEST_PROMPT;
    }),
  );
  return policy;
}

export interface SsoProviderDeps {
  prisma: PrismaClient;
  /** node-postgres pool for the adapter's own statements (api/sso/adapter.ts). */
  pool: Pool;
  log: Logger;
  issuer: string;
  dataKey: Buffer;
  cookieKeys: string[];
  signingKeys: SigningKeys;
}

async function configuration(deps: SsoProviderDeps, clients: ClientDirectory): Promise<Configuration> {
  const { prisma } = deps;
  const keys = await deps.signingKeys.all();
  return {
    adapter: createPrismaAdapter(deps.pool, clients),
    jwks: { keys: keys.map((key) => ({ ...key.privateKey, kid: key.kid, alg: key.alg, use: 'sig' })) as never },
    findAccount: async (_ctx, id) => {
      const user = await prisma.user.findUnique({ where: { id }, select: { id: true, status: true } });
      if (!user || user.status !== 'ACTIVE') return undefined;
      return { accountId: id, claims: async () => accountClaims(prisma, id) };
    },
    claims: PROTOCOL_CLAIMS as unknown as Configuration['claims'],
    acrValues: [...ACR_VALUES],
    scopes: ['openid', 'offline_access', ...Object.keys(SCOPE_CLAIMS).filter((s) => s !== 'openid')],
    extraClientMetadata: { properties: ['urn:tainan:first_party'] },
    interactions: { policy: interactionPolicyWithAcr(), url: (_ctx, interaction) => `/api/sso/interaction/${interaction.uid}` },
    cookies: {
      keys: deps.cookieKeys,
      names: { session: SSO_SESSION_COOKIE.name },
      long: SSO_SESSION_COOKIE.options,
      short: { signed: true, sameSite: 'lax' },
    },
    pkce: { methods: ['S256'], required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      // A system may ask about its own tokens only (a revoked one's are gone: active false to anyone).
      introspection: {
        enabled: true,
        allowedPolicy: async (ctx, _client, token) => 'clientId' in token && token.clientId === ctx.oidc.client?.clientId,
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage, postLogoutSuccessSource: postLogoutPage },
    },
    // Refresh tokens for systems that ask for offline_access and may use refresh_token.
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && (code.scopes.has('offline_access') || code.scopes.has('openid')),
    rotateRefreshToken: true,
    // First-party systems (the portal itself) need no 授權 screen: grant what they ask for.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!(client as unknown as Record<string, unknown>)['urn:tainan:first_party']) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    ttl: {
      AccessToken: HOUR,
      AuthorizationCode: 60,
      IdToken: HOUR,
      RefreshToken: 8 * HOUR,
      Interaction: HOUR,
      Session: 8 * HOUR,
      Grant: 365 * 24 * HOUR,
    },
    renderError: errorPage,
    conformIdTokenClaims: false,
  };
}

/**
 * The OpenID Connect provider as Express middleware. The provider is rebuilt when the signing keys
 * change (a rotation on any replica), which is safe because all its state is in PostgreSQL.
 */
export async function createSsoProvider(deps: SsoProviderDeps) {
  // One client cache across provider rebuilds, shared with the rotation-grace step below.
  const clients = createClientDirectory(deps.prisma, deps.dataKey);
  const clientSecretGrace = createClientSecretGrace({ prisma: deps.prisma, dataKey: deps.dataKey, clients });
  let fingerprint = await deps.signingKeys.fingerprint();
  let provider = await build();
  let handler = provider.callback();
  let checkedAt = Date.now();

  async function build() {
    const instance = new Provider(deps.issuer, await configuration(deps, clients));
    instance.proxy = true;
    instance.on('server_error', (_ctx, error) => deps.log.error({ err: error }, 'oidc server_error'));
    return instance;
  }

  async function refresh() {
    if (Date.now() - checkedAt < 30_000) return;
    checkedAt = Date.now();
    const now = await deps.signingKeys.fingerprint();
    if (now !== fingerprint) {
      provider = await build();
      handler = provider.callback();
      fingerprint = now;
      deps.log.info('oidc signing keys changed: provider rebuilt');
    }
  }

  const middleware: RequestHandler = async (req, res, next) => {
    // Express strips the mount path; oidc-provider wants the original URL under its issuer path.
    req.url = req.originalUrl.slice(OIDC_MOUNT.length) || '/';
    try {
      await refresh();
      await clientSecretGrace(req, req.url);
    } catch (error) {
      return next(error);
    }
    handler(req, res);
  };

  return {
    middleware,
    current: () => provider,
    /** Forces the key check now (after a rotation in this process). */
    async reload() {
      checkedAt = 0;
      await refresh();
    },
  };
}

export type SsoProvider = Awaited<ReturnType<typeof createSsoProvider>>;
