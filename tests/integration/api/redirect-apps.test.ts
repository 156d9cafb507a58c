// 應用程式儀表板 / 應用程式列表 (issue 14, 轉登 in the portal): a user sees the 轉登 systems that list
// their agency, and only while the system is active.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptField } from '../../../infra/db/pii';
import { DEMO_REDIRECT_CLIENT_ID } from '../../../prisma/seed-integrations';
import { apiSession } from '../../support/http';
import { createTestOrg, testKeys, testPrisma, uniq } from '../db/helpers';
import { createActiveUser } from './support-users';

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function sessionOf(organizationCode: string) {
  const user = await createActiveUser(prisma, organizationCode);
  const s = apiSession();
  expect((await s.login(user.account)).status).toBe(200);
  return s;
}

async function redirectApps(s: ReturnType<typeof apiSession>) {
  const answer = await s.get('/api/portal/redirect-apps');
  expect(answer.status).toBe(200);
  return answer.body.items as { id: string; name: string; shortName: string | null; launchUrl: string }[];
}

describe('GET /api/portal/redirect-apps', () => {
  let listed: Awaited<ReturnType<typeof createTestOrg>>;
  let other: Awaited<ReturnType<typeof createTestOrg>>;
  let systemId: string;
  let listedUser: ReturnType<typeof apiSession>;
  let otherUser: ReturnType<typeof apiSession>;

  beforeAll(async () => {
    [listed, other] = [await createTestOrg(prisma), await createTestOrg(prisma)];
    const system = await prisma.integrationSystem.create({
      data: {
        name: `轉登測試系統${uniq()}`,
        clientId: `app-${uniq()}`,
        clientSecretCipher: encryptField(crypto.randomBytes(32).toString('base64url'), testKeys.dataKey, 'client-secret'),
        scopes: ['openid', 'profile', 'organization'],
        redirectLoginUrl: 'https://redirect.example.test/sso',
        redirectLoginParam: 'assertion',
        redirectAgencies: { create: [{ agencyId: listed.agency.id }] },
      },
    });
    systemId = system.id;
    // A user of a section: the agency is the section's (organization.agencyId), not the unit itself.
    listedUser = await sessionOf(listed.section.code);
    otherUser = await sessionOf(other.section.code);
  });

  it('shows a system to the users of an agency it lists, with the 轉登 page to open', async () => {
    const items = await redirectApps(listedUser);
    expect(items).toEqual([
      {
        id: systemId,
        name: expect.stringMatching(/^轉登測試系統/),
        shortName: null,
        launchUrl: `/api/integrations/v1/redirect-login/${systemId}`,
      },
    ]);
    // The link is the existing 轉登 page: it answers the auto-posting form for this system.
    const page = await listedUser.download(items[0]!.launchUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="https://redirect.example.test/sso"');
  });

  it('does not show it to another agency', async () => {
    expect(await redirectApps(otherUser)).toEqual([]);
  });

  it('shows the seeded demo 轉登 system to 智慧發展中心 (G25) users', async () => {
    const demo = await prisma.integrationSystem.findUniqueOrThrow({ where: { clientId: DEMO_REDIRECT_CLIENT_ID } });
    const sdc = await sessionOf('G25-02');
    expect((await redirectApps(sdc)).map((item) => item.id)).toContain(demo.id);
    expect((await redirectApps(await sessionOf('G01'))).map((item) => item.id)).not.toContain(demo.id);
  });

  it('drops a suspended or revoked system at once', async () => {
    for (const status of ['SUSPENDED', 'REVOKED'] as const) {
      await prisma.integrationSystem.update({ where: { id: systemId }, data: { status } });
      expect(await redirectApps(listedUser), status).toEqual([]);
      await prisma.integrationSystem.update({ where: { id: systemId }, data: { status: 'ACTIVE' } });
      expect(await redirectApps(listedUser)).toHaveLength(1);
    }
  });

  it('needs a session', async () => {
    const anonymous = await apiSession().get('/api/portal/redirect-apps');
    expect(anonymous.status).toBe(401);
  });
});
