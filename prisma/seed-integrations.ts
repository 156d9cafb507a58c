// Demo registered systems (應用系統) for development and tests, until 應用系統服務介接申請 registers real
// ones: one using the 帳號驗證 API, one using 轉登. The OIDC clients (portal, demo-rp) are seeded
// elsewhere and not touched here.
//
// Their client secrets are derived from HASH_KEY (HMAC), so a test or a developer with the state
// directory's secrets can compute them: `demoIntegrationSecret('demo-verify', HASH_KEY)`. They are
// stored like every client secret: AES-256-GCM with DATA_KEY. Not seeded in production.
import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { decryptField, encryptField } from '../infra/db/pii';

export const DEMO_VERIFY_CLIENT_ID = 'demo-verify';
export const DEMO_REDIRECT_CLIENT_ID = 'demo-redirect';
/** The form field the demo 轉登 handler reads the assertion from. */
export const DEMO_REDIRECT_PARAM = 'ssoAssertion';
/** The demo 轉登 handler in the API (development and tests only): api/routes/dev-integrations.ts. */
export const DEMO_REDIRECT_PATH = '/dev/integrations/redirect-login-demo';
/**
 * Whose users see the demo 轉登 system in 應用程式儀表板 / 應用程式列表: 智慧發展中心 (G25), the agency of
 * sysadmin, sdcadmin, sdcuser1 and sdcuser2 (prisma/seed-users.ts). 民政局's users (cab*) do not.
 */
export const DEMO_REDIRECT_AGENCY_CODES = ['G25'];

export function demoIntegrationSecret(clientId: string, hashKey: Buffer): string {
  return crypto.createHmac('sha256', hashKey).update(`demo-integration-secret:${clientId}`).digest('base64url');
}

export function demoIntegrationSystems(publicUrl: string) {
  return [
    {
      clientId: DEMO_VERIFY_CLIENT_ID,
      name: '示範系統（帳號驗證）',
      verifyApiEnabled: true,
      allowedCidrs: ['127.0.0.1/32'],
      scopes: ['openid', 'profile', 'email', 'organization'],
      redirectLoginUrl: null,
      redirectLoginParam: null,
    },
    {
      clientId: DEMO_REDIRECT_CLIENT_ID,
      name: '示範系統（轉登）',
      verifyApiEnabled: false,
      allowedCidrs: [],
      scopes: ['openid', 'profile', 'organization'],
      redirectLoginUrl: new URL(DEMO_REDIRECT_PATH, publicUrl).toString(),
      redirectLoginParam: DEMO_REDIRECT_PARAM,
    },
  ];
}

/** Creates or corrects the demo systems; returns how many rows it wrote. */
export async function seedIntegrationSystems(
  prisma: PrismaClient,
  opts: { dataKey: Buffer; hashKey: Buffer; publicUrl: string },
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (const demo of demoIntegrationSystems(opts.publicUrl)) {
    const secret = demoIntegrationSecret(demo.clientId, opts.hashKey);
    const fields = { ...demo, status: 'ACTIVE' as const, firstParty: false, redirectUris: [], postLogoutRedirectUris: [] };
    const existing = await prisma.integrationSystem.findUnique({ where: { clientId: demo.clientId } });
    if (!existing) {
      const row = await prisma.integrationSystem.create({
        data: { ...fields, clientSecretCipher: encryptField(secret, opts.dataKey, 'client-secret') },
      });
      if (demo.redirectLoginUrl) await seedRedirectAgencies(prisma, row.id);
      created++;
      continue;
    }
    if (demo.redirectLoginUrl) await seedRedirectAgencies(prisma, existing.id);
    let secretOk = false;
    try {
      secretOk = decryptField(existing.clientSecretCipher, opts.dataKey, 'client-secret') === secret;
    } catch {
      secretOk = false;
    }
    const same =
      secretOk &&
      existing.name === demo.name &&
      existing.status === 'ACTIVE' &&
      existing.verifyApiEnabled === demo.verifyApiEnabled &&
      existing.redirectLoginUrl === demo.redirectLoginUrl &&
      existing.redirectLoginParam === demo.redirectLoginParam &&
      existing.allowedCidrs.join() === demo.allowedCidrs.join() &&
      existing.scopes.join() === demo.scopes.join();
    if (same) continue;
    await prisma.integrationSystem.update({
      where: { clientId: demo.clientId },
      data: { ...fields, ...(secretOk ? {} : { clientSecretCipher: encryptField(secret, opts.dataKey, 'client-secret') }) },
    });
    updated++;
  }
  return { created, updated };
}

/** The demo 轉登 system's agencies (DEMO_REDIRECT_AGENCY_CODES), added when missing; others are left alone. */
async function seedRedirectAgencies(prisma: PrismaClient, integrationSystemId: string) {
  const agencies = await prisma.organization.findMany({
    where: { code: { in: DEMO_REDIRECT_AGENCY_CODES } },
    select: { id: true },
  });
  await prisma.integrationRedirectAgency.createMany({
    data: agencies.map((agency) => ({ integrationSystemId, agencyId: agency.id })),
    skipDuplicates: true,
  });
}
