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
