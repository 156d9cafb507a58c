import type { PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AdClient } from '../../infra/ad/client';
import { adStep } from '../ad/ad-step';
import { organizationChain } from '../../infra/db/organization-chain';

/** The agency's AD group of 機關管理者, in the agency's OU. */
export const agencyAdminGroupName = (agencyCode: string) => `${agencyCode}-admins`;
export const agencyAdminGroupDescription = (agencyName: string) => `${agencyName} 機關管理者`;

/**
 * 機關管理者 → AD, as an approved 機關管理者申請 does it. The seed runs this same activity for its demo
 * admins, so a seeded admin and an approved one look alike in AD (and to the reconcile).
 */
export function createAgencyAdminGroupActivities({
  prisma,
  ad,
}: {
  prisma: PrismaClient;
  ad: Pick<AdClient, 'ensureOuPath' | 'addGroupMember'>;
}) {
  return {
    /** Adds the user to the agency's 機關管理者 group in AD (created in the agency's OU when missing). */
    async addAgencyAdminGroup({ userId, agencyId }: { userId: string; agencyId: string }) {
      const row = await prisma.user.findUnique({ where: { id: userId }, select: { account: true } });
      if (!row) throw ApplicationFailure.nonRetryable(`找不到使用者 ${userId}`, 'UserMissing');
      const chain = await organizationChain(prisma, agencyId);
      const agency = chain.at(-1);
      if (!agency) throw ApplicationFailure.nonRetryable(`找不到機關 ${agencyId}`, 'OrganizationMissing');
      // The group is not the whole user: the user's sync status is left as it was.
      return adStep(
        prisma,
        userId,
        `add AD user ${row.account} to admin group`,
        async () => {
          const ouDn = await ad.ensureOuPath(chain.map((o) => ({ code: o.code, name: o.name })));
          return ad.addGroupMember(row.account, {
            name: agencyAdminGroupName(agency.code),
            ouDn,
            description: agencyAdminGroupDescription(agency.name),
          });
        },
        { markSynced: false },
      );
    },
  };
}
