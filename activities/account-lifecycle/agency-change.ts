import type { PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AdClient } from '../../infra/ad/client';
import { adStep } from '../ad/ad-step';
import type { AdError } from '../../infra/ad/errors';
import { organizationChain } from '../../infra/db/organization-chain';
import type { createMailActivities } from '../mail';
import { agencyAdminGroupName } from '../self-service';
import { AGENCY_CHANGE_TYPE_LABEL } from '../../domain/requests/agency-change';
import { mailPath } from '../../domain/mail-links';
import { approverAddresses } from '../../infra/db/accounts';
import { agencyOf, mailAddressOf } from './index';

interface Deps {
  prisma: PrismaClient;
  ad: Pick<AdClient, 'ensureOuPath' | 'moveUser' | 'enableUser' | 'removeGroupMember'>;
  mail: Pick<ReturnType<typeof createMailActivities>, 'sendMail'>;
}

/**
 * One AD step of 機關(單位)異動. An outage is retried by the workflow (the user row shows 同步中 and the
 * last error meanwhile); a user with no AD account has nothing to change there (null).
 */
const noAdUser = (error: AdError) => error.code === 'NOT_FOUND' && /^AD user .* not found$/.test(error.message);
const step = <T>(prisma: PrismaClient, userId: string, what: string, fn: () => Promise<T>) =>
  adStep(prisma, userId, what, fn, { absent: noAdUser });

/** Side effects of 機關(單位)異動 only (the shared disable steps are in ./index.ts). Ids, names and flags in and out. */
export function createAgencyChangeActivities({ prisma, ad, mail }: Deps) {
  async function user(userId: string) {
    const row = await prisma.user.findUnique({ where: { id: userId } });
    if (!row) throw ApplicationFailure.nonRetryable(`找不到帳號 ${userId}`, 'UserMissing');
    return row;
  }

  return {
    /** The applicant, their current unit and the new one, with the agencies whose admins are involved. */
    async loadAgencyChange({ userId, organizationId }: { userId: string; organizationId: string }) {
      const u = await user(userId);
      const to = await prisma.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
      if (!to) throw ApplicationFailure.nonRetryable(`找不到單位 ${organizationId}`, 'OrganizationMissing');
      return {
        userId: u.id,
        account: u.account,
        name: u.name,
        mailTo: mailAddressOf(u),
        from: { organizationId: u.organizationId, ...(await agencyOf(prisma, u.organizationId)) },
        to: { organizationId, ...(await agencyOf(prisma, organizationId)) },
      };
    },

    /** Mails the new agency's admins, or the system admins when it has none. */
    async notifyAgencyChangeApprovers(input: {
      workflowId: string;
      agencyId: string;
      agencyName: string;
      applicantName: string;
      submittedAt: string;
      requestId: string;
      kind: 'submitted' | 'reminder';
    }) {
      const addresses = await approverAddresses(prisma, input.agencyId);
      for (const to of addresses) {
        await mail.sendMail({
          key: `${input.workflowId}:${input.kind}:${to}`,
          to,
          template: 'approvalReminder',
          data: {
            requestType: AGENCY_CHANGE_TYPE_LABEL,
            applicantName: input.applicantName,
            agencyName: input.agencyName,
            submittedAt: input.submittedAt,
            inboxUrl: mailPath('agencyChangeReview', input.requestId),
            escalated: false,
          },
        });
      }
      return { notified: addresses.length };
    },

    /**
     * 核准: the user belongs to the new unit, and 機關管理者 of the old agency ends (it was granted for
     * that agency). Idempotent: a retry finds the user already moved and the role already gone.
     */
    async moveUserToNewUnit({
      userId,
      organizationId,
      oldAgencyId,
    }: {
      userId: string;
      organizationId: string;
      oldAgencyId: string;
    }) {
      const to = await agencyOf(prisma, organizationId);
      return prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: userId }, data: { organizationId } });
        if (to.agencyId === oldAgencyId) return { droppedAdminRole: false };
        const { count } = await tx.roleAssignment.deleteMany({
          where: { userId, role: 'AGENCY_ADMIN', organizationId: oldAgencyId },
        });
        return { droppedAdminRole: count > 0 };
      });
    },

    /** AD `modifyDN` into the new unit's OU (created when missing); already there = no change. */
    async moveAdUserToNewUnit({ userId, organizationId }: { userId: string; organizationId: string }) {
      const u = await user(userId);
      const chain = await organizationChain(prisma, organizationId);
      const moved = await step(prisma, userId, `move AD user ${u.account}`, async () => {
        const ouDn = await ad.ensureOuPath(chain.map((o) => ({ code: o.code, name: o.name })));
        return ad.moveUser(u.account, ouDn);
      });
      return { dn: moved?.dn ?? null, moved: moved?.moved ?? false };
    },

    /** Leaves the old agency's AD group of 機關管理者 (no group or no membership: nothing to do). */
    async leaveOldAgencyAdminGroup({ userId, agencyId }: { userId: string; agencyId: string }) {
      const u = await user(userId);
      const chain = await organizationChain(prisma, agencyId);
      const agency = chain.at(-1);
      if (!agency) return { removed: false };
      const result = await step(prisma, userId, `remove AD user ${u.account} from admin group`, async () => {
        const ouDn = await ad.ensureOuPath(chain.map((o) => ({ code: o.code, name: o.name })));
        return ad.removeGroupMember(u.account, { name: agencyAdminGroupName(agency.code), ouDn });
      });
      return { removed: result?.removed ?? false };
    },

    /** The account may log in again (核准, 駁回 or 逾期: the disable was only for the review). */
    async reactivateAfterAgencyChange({ userId }: { userId: string }) {
      await prisma.user.updateMany({
        where: { id: userId, status: 'DISABLED' },
        data: { status: 'ACTIVE', disabledAt: null, disabledReason: null },
      });
      return { active: true };
    },

    async enableAdAfterAgencyChange({ userId }: { userId: string }) {
      const u = await user(userId);
      const enabled = await step(prisma, userId, `enable AD user ${u.account}`, () => ad.enableUser(u.account));
      return { dn: enabled?.dn ?? null };
    },
  };
}

export type AgencyChangeActivities = ReturnType<typeof createAgencyChangeActivities>;
