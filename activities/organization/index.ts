import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '@prisma/client';
import type { AdClient } from '../ad/client';
import { toApplicationFailure } from '../ad';
import { organizationChain } from '../db/organization-chain';
import { ouDescription } from '../../domain/org-tree';

/**
 * Side effects of 組織管理. The database already holds the change (made by the API in one
 * transaction); these bring AD in line with what the database says *now*, so a retried or late
 * activity never applies a stale picture of the tree.
 */
export function createOrganizationActivities({ prisma, ad }: { prisma: PrismaClient; ad: AdClient }) {
  return {
    async loadOrganizationUnit({ organizationId }: { organizationId: string }) {
      const org = await prisma.organization.findUnique({
        where: { id: organizationId },
        include: { agency: { select: { id: true, code: true } } },
      });
      if (!org) throw ApplicationFailure.nonRetryable(`找不到單位 ${organizationId}`, 'OrganizationMissing');
      return {
        id: org.id,
        code: org.code,
        name: org.name,
        agencyId: org.agency?.id ?? org.id,
        agencyCode: org.agency?.code ?? org.code,
      };
    },

    /** The unit's OU placed under its parent's OU and described as the database says (retried while AD is down). */
    async applyOrganizationToAd({ organizationId }: { organizationId: string }) {
      const chain = await organizationChain(prisma, organizationId);
      if (chain[chain.length - 1]?.id !== organizationId) {
        throw ApplicationFailure.nonRetryable(`找不到單位 ${organizationId}`, 'OrganizationMissing');
      }
      const rows = await prisma.organization.findMany({
        where: { id: { in: chain.map((c) => c.id) } },
        select: { id: true, name: true, retiredAt: true },
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      const path = chain.map((c) => ({ code: c.code, name: ouDescription(byId.get(c.id) ?? { name: c.name, retiredAt: null }) }));
      try {
        return await ad.placeOu(path, path[path.length - 1]!.name);
      } catch (error) {
        throw toApplicationFailure(error, `place AD OU ${chain[chain.length - 1]!.code}`);
      }
    },
  };
}
