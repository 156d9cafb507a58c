import type { PrismaClient } from '@prisma/client';
import { OPEN_ORGANIZATION_CHANGE_STATUSES } from '../../workflows/organization-change.messages';

/** An organisation's code ('' when there is none). */
export const organizationCode = async (prisma: PrismaClient, id: string) =>
  (await prisma.organization.findUnique({ where: { id }, select: { code: true } }))?.code ?? '';

/**
 * 組織管理: every unit in its order, how many accounts (not disabled) each holds, and the organisation
 * changes still being applied (their unit in the summary).
 */
export async function organizationTree(prisma: PrismaClient) {
  const [units, accounts, open] = await Promise.all([
    prisma.organization.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
    prisma.user.groupBy({ by: ['organizationId'], where: { status: { not: 'DISABLED' } }, _count: { _all: true } }),
    prisma.request.findMany({
      where: { type: 'ORGANIZATION_CHANGE', status: { in: OPEN_ORGANIZATION_CHANGE_STATUSES } },
      select: { workflowId: true, statusLabel: true, summary: true },
    }),
  ]);
  return { units, accounts, open };
}

/** An organisation by id (it must exist). */
export const organizationById = (prisma: PrismaClient, id: string) => prisma.organization.findUniqueOrThrow({ where: { id } });
