import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { decryptNationalId, hashNationalId } from '../../../infra/db/pii';
import { flattenOrgTree } from '../../../prisma/org-tree';
import { runSeed } from '../../../prisma/seed';
import { seedUsers } from '../../../prisma/seed-users';
import { SYSTEM_PARAMETERS } from '../../../domain/system-parameters';
import { testKeys, testPrisma } from './helpers';

let prisma: PrismaClient;
beforeAll(() => {
  prisma = testPrisma();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe('runSeed', () => {
  it('runs twice without duplicates; the second run changes nothing', async () => {
    // The database may already be seeded (npm test seeds it): only the second run's summary is exact.
    await runSeed(prisma, testKeys);
    const second = await runSeed(prisma, testKeys);
    expect(second).toEqual({
      organizations: { created: 0, updated: 0 },
      parameters: { created: 0, updated: 0 },
      users: { created: 0, updated: 0 },
      roles: { created: 0 },
    });

    const codes = flattenOrgTree().map((r) => r.code);
    expect(await prisma.organization.count({ where: { code: { in: codes } } })).toBe(codes.length);
    expect(await prisma.systemParameter.count({ where: { key: { in: SYSTEM_PARAMETERS.map((p) => p.key) } } })).toBe(
      SYSTEM_PARAMETERS.length,
    );
    const accounts = seedUsers.map((u) => u.account);
    expect(await prisma.user.count({ where: { account: { in: accounts } } })).toBe(accounts.length);
    const roles = await prisma.roleAssignment.findMany({
      where: { user: { account: { in: accounts } } },
      include: { user: true, organization: true },
    });
    const expected = seedUsers.flatMap((u) =>
      u.roles.map((r) => `${u.account}:${r.role}:${r.role === 'AGENCY_ADMIN' ? r.agencyCode : ''}`),
    );
    for (const e of expected) {
      expect(roles.filter((r) => `${r.user.account}:${r.role}:${r.organization?.code ?? ''}` === e)).toHaveLength(1);
    }
  });

  it('creates usable demo accounts', async () => {
    const sysadmin = await prisma.user.findUniqueOrThrow({ where: { account: 'sysadmin' }, include: { organization: true } });
    expect(sysadmin).toMatchObject({ name: '系統管理者', status: 'ACTIVE' });
    expect(sysadmin.organization.name).toBe('智慧發展中心');
    expect(sysadmin.passwordHash).toMatch(/^\$argon2id\$/);
    const argon2 = (await import('argon2')).default;
    // The demo password unless the run that created them used SEED_DEMO_PASSWORD.
    const demo = process.env.SEED_DEMO_PASSWORD || 'Tainan@2026';
    expect(await argon2.verify(sysadmin.passwordHash!, demo)).toBe(true);
  });

  it('keeps the administrator’s parameter values and the tree’s agency ids consistent', async () => {
    const param = await prisma.systemParameter.findUniqueOrThrow({ where: { key: 'password.historyCount' } });
    expect(param).toMatchObject({ type: 'INT', defaultValue: '3', label: '密碼歷史筆數' });

    const section = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01-51-01' }, include: { agency: true } });
    expect(section.agency?.code).toBe('G01-51'); // a 戶政事務所's 課 belongs to the 戶政事務所
    const office = await prisma.organization.findUniqueOrThrow({
      where: { code: 'D07-91' },
      include: { agency: true, parent: true },
    });
    expect(office.agency?.name).toBe('永康區公所');
    expect(office.adOu).toBe('OU=D07-91,OU=D07');
  });

  it('encrypts demo national IDs with the keys of the run that created them', async () => {
    // Only checkable when this file's keys created the users (a fresh database).
    const u = seedUsers[0]!;
    const row = await prisma.user.findUniqueOrThrow({ where: { account: u.account } });
    if (row.nationalIdHash === hashNationalId(u.nationalId, testKeys.hashKey)) {
      expect(decryptNationalId(row.nationalIdCipher, testKeys.dataKey)).toBe(u.nationalId);
    } else {
      expect(row.nationalIdHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
