import type { Request, Response } from 'express';
import type Provider from 'oidc-provider';

/** The provider's browser-session cookie (its name is oidc-provider's default), shared with the logout below. */
export const SSO_SESSION_COOKIE = { name: '_session', options: { signed: true, sameSite: 'lax' } } as const;

/**
 * Ends the browser's SSO session from the portal's own 登出 (a same-origin POST), as 確定登出 on the
 * provider's end-session page does with `logout=yes` (oidc-provider 8.8 lib/actions/end_session.js):
 * every grant the session holds is revoked with its codes and tokens — unless it persists logout
 * (offline_access) — the session is deleted and its cookie cleared. The portal does it here, not by
 * sending the browser through /oidc/session/end, because that page must wait for a click (one that
 * submits itself lets any site log the user out) and 8.8 offers no way to skip it, id_token_hint or not.
 */
export async function endSsoSession(provider: Provider, req: Request, res: Response) {
  const ctx = provider.app.createContext(req, res);
  const session = await provider.Session.get(ctx);
  if (session.accountId || session.authorizations) {
    for (const { grantId, persistsLogout } of Object.values(session.authorizations ?? {})) {
      if (!grantId || persistsLogout) continue;
      await Promise.all([
        provider.AccessToken.revokeByGrantId(grantId),
        provider.RefreshToken.revokeByGrantId(grantId),
        provider.AuthorizationCode.revokeByGrantId(grantId),
        provider.Grant.find(grantId).then((grant) => grant?.destroy()),
      ]);
    }
    await session.destroy();
  }
  ctx.cookies.set(SSO_SESSION_COOKIE.name, null, SSO_SESSION_COOKIE.options);
}
