import type { PrismaClient } from '@prisma/client';

/** The SSO tokens that end with a user's sign-in (oidc-provider models carrying accountId). */
export const OIDC_SESSION_MODELS = [
  'Session',
  'AccessToken',
  'RefreshToken',
  'AuthorizationCode',
  'BackchannelAuthenticationRequest',
];

/**
 * Every portal session and SSO session/token of a user, revoked — the one implementation behind
 * a password change (keeps the current portal session) and 停用 / 閒置停用 / 機關異動 (keeps none).
 * Returns the two writes so callers can put them in their own transaction.
 */
export function revokeUserSessionsOps(
  prisma: Pick<PrismaClient, 'session' | 'oidcPayload'>,
  userId: string,
  options: { at?: Date; keepSessionId?: string } = {},
) {
  return [
    prisma.session.updateMany({
      where: { userId, revokedAt: null, ...(options.keepSessionId ? { id: { not: options.keepSessionId } } : {}) },
      data: { revokedAt: options.at ?? new Date() },
    }),
    prisma.oidcPayload.deleteMany({
      where: { type: { in: OIDC_SESSION_MODELS }, payload: { path: ['accountId'], equals: userId } },
    }),
  ] as const;
}

/** Runs revokeUserSessionsOps in one transaction; counts of revoked portal sessions and SSO rows. */
export async function revokeUserSessions(prisma: PrismaClient, userId: string, options: { at?: Date } = {}) {
  const [sessions, tokens] = await prisma.$transaction([...revokeUserSessionsOps(prisma, userId, options)]);
  return { portalSessions: sessions.count, ssoTokens: tokens.count };
}
