// For browser tests that change accounts: fresh 民政局 (G01-91) users in the database and enabled
// in their own AD OU (removed afterwards), and one Chromium session per test that must end without
// page errors. Call at the top of a test file; it registers the hooks.
import crypto from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createAdClient } from '../../../infra/ad/client';
import { adConfigFromEnv } from '../../../infra/ad/config';
import { createPrisma } from '../../../infra/db/prisma';
import { createResettableUser } from '../../support/reset-users';
import { useBrowserPerTest } from './browser';

export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026';

export function useAccountFixtures(ouName: string) {
  const prisma = createPrisma(process.env.DATABASE_URL!);
  const ad = createAdClient(adConfigFromEnv(process.env));
  const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
  const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
  let ouDn: string;
  const session = useBrowserPerTest();

  beforeAll(async () => {
    ouDn = await ad.ensureOuPath([{ code: `t-e2e-${crypto.randomBytes(4).toString('hex')}`, name: ouName }]);
  });
  afterAll(async () => {
    await ad.deleteSubtree(ouDn).catch(() => undefined);
    await prisma.$disconnect();
  });

  return {
    prisma,
    ad,
    /** This test's browser session. */
    session,
    /** An active G01 user (cabadmin's agency), enabled in AD with FIRST_PASSWORD. */
    newUser: (prefix: string) => createResettableUser({ prisma, ad, dataKey, hashKey, ouDn }, { prefix }),
  };
}
