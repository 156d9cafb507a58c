import type { PrismaClient } from '@prisma/client';

/**
 * An application as 帳號申請審核 reads it, with its unit and agency, and the agency whose admins decide
 * it (a unit's agency, or the unit itself when it is an agency); null when there is none.
 */
export async function applicationForReview(prisma: PrismaClient, id: string) {
  const row = await prisma.accountApplication.findUnique({
    where: { id },
    include: { organization: { include: { agency: true } } },
  });
  return row && { row, agencyId: row.organization.agencyId ?? row.organizationId };
}

/** The applications made with a backup e-mail (申請進度, 修改個人帳號申請內容), newest first. */
export const applicationsOf = (prisma: PrismaClient, backupEmail: string) =>
  prisma.accountApplication.findMany({ where: { backupEmail }, include: { organization: true }, orderBy: { createdAt: 'desc' } });
