import type { PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AdClient } from '../../infra/ad/client';
import { AdError, toAdError } from '../../infra/ad/errors';
import { organizationChain } from '../../infra/db/organization-chain';
import { agencyAdminGroupDescription, agencyAdminGroupName } from '../self-service/agency-admin-group';

interface Deps {
  prisma: PrismaClient;
  ad: Pick<AdClient, 'ensureOuPath' | 'addGroupMember' | 'removeGroupMember' | 'listGroups'>;
}

const ADMIN_GROUP = /^(.+)-admins$/;

/**
 * 帳號管理 › 權限異動 → AD: the user's <agency>-admins group memberships made equal to their
 * AGENCY_ADMIN roles in the database. Reads both sides when it runs and holds a per-user advisory
 * lock meanwhile, so of two quick changes the later state always wins, whatever order runs finish.
 */
export function createRoleSyncActivities({ prisma, ad }: Deps) {
  async function groupOuDn(agencyId: string) {
    const chain = await organizationChain(prisma, agencyId);
    return ad.ensureOuPath(chain.map((o) => ({ code: o.code, name: o.name })));
  }

  return {
    async syncAgencyAdminGroups({ userId }: { userId: string }) {
      return prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`admin-groups:${userId}`}))`;
          const user = await tx.user.findUnique({
            where: { id: userId },
            include: { roles: { where: { role: 'AGENCY_ADMIN' }, include: { organization: true } } },
          });
          if (!user) throw ApplicationFailure.nonRetryable(`找不到帳號 ${userId}`, 'UserMissing');
          try {
            const wanted = new Map(user.roles.map((r) => [agencyAdminGroupName(r.organization!.code), r.organization!]));
            const current = (await ad.listGroups(user.account)).filter((g) => ADMIN_GROUP.test(g));
            const added: string[] = [];
            const removed: string[] = [];
            for (const [group, agency] of wanted) {
              if (current.includes(group)) continue;
              // Created when missing with the same description as an approved 機關管理者申請 gives it.
              await ad.addGroupMember(user.account, {
                name: group,
                ouDn: await groupOuDn(agency.id),
                description: agencyAdminGroupDescription(agency.name),
              });
              added.push(group);
            }
            for (const group of current.filter((g) => !wanted.has(g))) {
              const code = ADMIN_GROUP.exec(group)![1]!;
              const agency = await tx.organization.findUnique({ where: { code } });
              // A group of a unit the portal does not know was not made by the portal: leave it alone.
              if (!agency) continue;
              await ad.removeGroupMember(user.account, { name: group, ouDn: await groupOuDn(agency.id) });
              removed.push(group);
            }
            await tx.user.update({
              where: { id: userId },
              data: { adSyncStatus: 'SYNCED', adSyncedAt: new Date(), adLastError: null },
            });
            return { added, removed };
          } catch (raw) {
            const error = raw instanceof AdError ? raw : toAdError(raw, `sync AD admin groups of ${user.account}`);
            throw ApplicationFailure.create({
              type: `AdError.${error.code}`,
              message: error.message,
              nonRetryable: !error.retryable,
            });
          }
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
    },
  };
}

export type RoleSyncActivities = ReturnType<typeof createRoleSyncActivities>;
