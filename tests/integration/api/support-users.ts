import type { PrismaClient } from '@prisma/client';
import { ARGON2_OPTIONS } from '../../../infra/password-hash';
import argon2 from 'argon2';
import { e2e } from '../../support/env';
import { loggedInSession } from '../../support/http';
import { createTestUser } from '../db/helpers';

/**
 * An active user of its own (in the demo user's organisation, or the one whose code is given) with the demo password, for tests that
 * lock accounts or fill their records: the demo accounts stay untouched for other suites.
 */
export async function createActiveUser(prisma: PrismaClient, organizationCode?: string) {
  const organizationId = organizationCode
    ? (await prisma.organization.findUniqueOrThrow({ where: { code: organizationCode } })).id
    : (await prisma.user.findUniqueOrThrow({ where: { account: e2e.user() } })).organizationId;
  const user = await createTestUser(prisma, organizationId);
  return prisma.user.update({
    where: { id: user.id },
    data: {
      status: 'ACTIVE',
      activatedAt: new Date(),
      passwordHash: await argon2.hash(e2e.password(), ARGON2_OPTIONS),
      passwordChangedAt: new Date(),
    },
  });
}

/** An active user of `unitCode` who is 機關管理者 of `agencyCode` (granted a minute ago, so a new session carries it). */
export async function createAgencyAdmin(prisma: PrismaClient, agencyCode: string, unitCode: string) {
  const user = await createActiveUser(prisma, unitCode);
  const agency = await prisma.organization.findUniqueOrThrow({ where: { code: agencyCode } });
  await prisma.roleAssignment.create({
    data: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: agency.id, grantedAt: new Date(Date.now() - 60_000) },
  });
  return user;
}

/** A user with a logged-in API session of their own. */
export async function loggedIn(user: { id: string; account: string; name: string }) {
  return { id: user.id, account: user.account, name: user.name, session: await loggedInSession(user.account) };
}
export type LoggedIn = Awaited<ReturnType<typeof loggedIn>>;
