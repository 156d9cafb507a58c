import { createPrisma } from '../../../infra/db/prisma';
import { testEnv } from '../../support/env';

/** The browser session oidc-provider stores under the id its `_session` cookie carries, if any. */
export async function ssoSessionPayload(id: string) {
  const prisma = createPrisma(testEnv().DATABASE_URL);
  try {
    const row = await prisma.oidcPayload.findUnique({ where: { type_id: { type: 'Session', id } } });
    return row?.payload as { accountId?: string; authorizations?: Record<string, { grantId?: string }> } | undefined;
  } finally {
    await prisma.$disconnect();
  }
}
