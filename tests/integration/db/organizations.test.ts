import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { createTestOrg, createTestUser, testPrisma } from './helpers';

let prisma: PrismaClient;
beforeAll(() => {
  prisma = testPrisma();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe('organizations.agency_id (maintained by trigger)', () => {
  it('is the unit itself for agencies and the nearest agency for sections', async () => {
    const { agency, section } = await createTestOrg(prisma);
    expect(agency.agencyId).toBe(agency.id);
    expect(section.agencyId).toBe(agency.id);

    const second = await prisma.organization.create({
      data: { code: `${agency.code}-51`, name: '二級機關', kind: 'SECOND_LEVEL_AGENCY', parentId: agency.id, adOu: 'x' },
    });
    const sub = await prisma.organization.create({
      data: { code: `${agency.code}-51-01`, name: '課', kind: 'SECTION', parentId: second.id, adOu: 'x' },
    });
    expect(second.agencyId).toBe(second.id);
    expect(sub.agencyId).toBe(second.id);
  });

  it('ignores a written value and follows moves of a subtree', async () => {
    const a = await createTestOrg(prisma);
    const b = await createTestOrg(prisma);
    const deep = await prisma.organization.create({
      data: {
        code: `${a.section.code}-01`,
        name: '股',
        kind: 'SECTION',
        parentId: a.section.id,
        adOu: 'x',
        agencyId: b.agency.id,
      },
    });
    expect(deep.agencyId).toBe(a.agency.id);

    await prisma.organization.update({ where: { id: a.section.id }, data: { parentId: b.agency.id } });
    const [movedSection, movedDeep] = await Promise.all([
      prisma.organization.findUniqueOrThrow({ where: { id: a.section.id } }),
      prisma.organization.findUniqueOrThrow({ where: { id: deep.id } }),
    ]);
    expect(movedSection.agencyId).toBe(b.agency.id);
    expect(movedDeep.agencyId).toBe(b.agency.id);

    // A section promoted to a second-level agency becomes its own agency, and so for its units.
    await prisma.organization.update({ where: { id: a.section.id }, data: { kind: 'SECOND_LEVEL_AGENCY' } });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: deep.id } })).agencyId).toBe(a.section.id);
  });
});

describe('role_assignments constraints', () => {
  it('allows one SYSTEM_ADMIN row per user and requires an agency for AGENCY_ADMIN only', async () => {
    const { agency, section } = await createTestOrg(prisma);
    const user = await createTestUser(prisma, section.id);
    await prisma.roleAssignment.create({ data: { userId: user.id, role: 'SYSTEM_ADMIN' } });
    await expect(prisma.roleAssignment.create({ data: { userId: user.id, role: 'SYSTEM_ADMIN' } })).rejects.toMatchObject({
      code: 'P2002',
    });
    await expect(prisma.roleAssignment.create({ data: { userId: user.id, role: 'AGENCY_ADMIN' } })).rejects.toThrow(
      /role_assignments_scope_ck/,
    );
    await expect(
      prisma.roleAssignment.create({ data: { userId: user.id, role: 'SYSTEM_ADMIN', organizationId: agency.id } }),
    ).rejects.toThrow(/role_assignments_scope_ck/);
    await prisma.roleAssignment.create({ data: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: agency.id } });
    await expect(
      prisma.roleAssignment.create({ data: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: agency.id } }),
    ).rejects.toMatchObject({ code: 'P2002' });
    expect(await prisma.roleAssignment.count({ where: { userId: user.id } })).toBe(2);
  });
});
