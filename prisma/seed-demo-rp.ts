// The demo relying party (examples/demo-rp): a third system that signs in through the SSO with a
// standard OpenID Connect client. Development and tests only; its secret derives from HASH_KEY like the
// other demo systems' (prisma/seed-integrations.ts).
import type { PrismaClient } from '@prisma/client';
import { encryptField } from '../infra/db/pii';
import { demoIntegrationSecret } from './seed-integrations';

export const DEMO_RP_CLIENT_ID = 'demo-rp';

export async function seedDemoRelyingParty(prisma: PrismaClient, opts: { dataKey: Buffer; hashKey: Buffer; demoRpUrl: string }) {
  const data = {
    name: '示範應用系統（單一登入）',
    clientSecretCipher: encryptField(demoIntegrationSecret(DEMO_RP_CLIENT_ID, opts.hashKey), opts.dataKey, 'client-secret'),
    status: 'ACTIVE' as const,
    firstParty: false,
    redirectUris: [`${opts.demoRpUrl}/callback`],
    postLogoutRedirectUris: [`${opts.demoRpUrl}/`],
    scopes: ['profile', 'email', 'organization'],
  };
  await prisma.integrationSystem.upsert({
    where: { clientId: DEMO_RP_CLIENT_ID },
    create: { clientId: DEMO_RP_CLIENT_ID, ...data },
    update: data,
  });
}
