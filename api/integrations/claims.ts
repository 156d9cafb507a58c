import type { PrismaClient } from '@prisma/client';
import { accountClaims } from '../sso/claims';
import { SCOPE_CLAIMS } from '../sso/provider';

/**
 * The claims a registered system was granted, by its scopes (the same scope → claims table as the
 * OpenID Connect provider). `sub` is always there: it is how the system tells its users apart.
 */
export async function grantedClaims(prisma: PrismaClient, userId: string, scopes: readonly string[]) {
  const all: Record<string, unknown> = await accountClaims(prisma, userId);
  const names = new Set<string>(SCOPE_CLAIMS.openid);
  for (const scope of scopes) {
    if (Object.hasOwn(SCOPE_CLAIMS, scope)) for (const name of SCOPE_CLAIMS[scope as keyof typeof SCOPE_CLAIMS]) names.add(name);
  }
  return Object.fromEntries(Object.entries(all).filter(([name, value]) => names.has(name) && value !== undefined));
}
