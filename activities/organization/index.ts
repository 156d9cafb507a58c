import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '@prisma/client';
import type { AdClient } from '../../infra/ad/client';
import { toApplicationFailure } from '../ad';
import { organizationChain } from '../../infra/db/organization-chain';
import { ouDescription } from '../../domain/org-tree';
import type { OrganizationChangeInput, OrganizationChangeKind } from '../../domain/requests/organization-change';

/** What the API stored with a change's request row, enough to start its workflow later. */
interface StoredChange {
  organizationId: string;
  change: OrganizationChangeKind;
  description: string;
  applyIds?: string[];
}

/**
 * Side effects of 組織管理. The database already holds the change (made by the API in one
 * transaction); these bring AD in line with what the database says *now*, so a retried or late
 * activity never applies a stale picture of the tree.
 */
export function createOrganizationActivities({ prisma, ad }: { prisma: PrismaClient; ad: AdClient }) {
  return {
    /** Changes saved while Temporal was unreachable (oldest first), with their workflows' input. */
    async listUnstartedOrganizationChanges({ limit }: { limit: number }) {
      const rows = await prisma.request.findMany({
        where: { type: 'ORGANIZATION_CHANGE', status: 'NOT_STARTED' },
        orderBy: { createdAt: 'asc' },
        take: limit,
        select: { workflowId: true, summary: true, applicantUserId: true, applicantAccount: true, applicantName: true },
      });
      return rows.map((row): { workflowId: string; input: OrganizationChangeInput } => {
        const stored = row.summary as unknown as StoredChange;
        return {
          workflowId: row.workflowId,
          input: {
            kind: stored.change,
            organizationId: stored.organizationId,
            applyIds: stored.applyIds ?? [stored.organizationId],
            description: stored.description,
            actor: { userId: row.applicantUserId ?? '', account: row.applicantAccount ?? '', name: row.applicantName ?? '' },
          },
        };
      });
    },

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
