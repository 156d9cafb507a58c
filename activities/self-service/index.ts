import { adTelephoneNumber } from '../../domain/phone';
import type { PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AdClient } from '../../infra/ad/client';
import { adStep } from '../ad/ad-step';
import { organizationChain } from '../../infra/db/organization-chain';
import { approverAddresses, mailAddressOf } from '../../infra/db/accounts';
import type { createMailActivities } from '../mail';
import { ADMIN_ROLE_REQUEST_TYPE_LABEL } from '../../domain/requests/admin-role-request';
import { mailPath } from '../../domain/mail-links';
import { createAgencyAdminGroupActivities } from './agency-admin-group';

export { agencyAdminGroupName } from './agency-admin-group';

interface Deps {
  prisma: PrismaClient;
  ad: Pick<AdClient, 'updateUser' | 'ensureOuPath' | 'addGroupMember'>;
  mail: Pick<ReturnType<typeof createMailActivities>, 'sendMail'>;
}

/**
 * Side effects of the self-service account changes (個人帳號管理): the profile's AD attributes and
 * 機關管理者申請. Inputs and results are ids, names and flags only.
 */
export function createSelfServiceActivities({ prisma, ad, mail }: Deps) {
  async function user(userId: string) {
    const row = await prisma.user.findUnique({ where: { id: userId }, include: { organization: true } });
    if (!row) throw ApplicationFailure.nonRetryable(`找不到使用者 ${userId}`, 'UserMissing');
    return row;
  }

  return {
    /**
     * Writes the user's current 姓名 / 職稱 / 公務電話 from the database to AD (displayName, title,
     * telephoneNumber). Reads the row at run time, so the latest edit wins whatever the order.
     */
    async syncAdProfile({ userId }: { userId: string }): Promise<{ changed: boolean }> {
      const row = await user(userId);
      const telephoneNumber = adTelephoneNumber(row.officePhone, row.officeExt);
      const { changed } = await adStep(prisma, userId, `update AD user ${row.account}`, () =>
        ad.updateUser(row.account, { displayName: row.name, title: row.title, telephoneNumber }),
      );
      return { changed };
    },

    /** The requester and the agency whose admins decide. */
    async loadAdminRoleApplicant({ userId }: { userId: string }) {
      const row = await user(userId);
      const agencyId = row.organization.agencyId ?? row.organizationId;
      const chain = await organizationChain(prisma, row.organizationId);
      const agency = chain.find((o) => o.id === agencyId) ?? chain[0]!;
      return {
        account: row.account,
        name: row.name,
        // The backup e-mail first (this applicant's mails always went there), else the official mailbox.
        email: row.backupEmail ?? mailAddressOf(row),
        agencyId,
        agencyCode: agency.code,
        agencyName: agency.name,
        organizationPath: chain.map((o) => o.name).join('-'),
      };
    },

    /**
     * Mails the agency's admins, or the system admins when the agency has none (or `escalated`).
     * Other requests decided the same way (個人帳號復用) pass their own type label and inbox link.
     */
    async notifyAdminRoleApprovers(input: {
      workflowId: string;
      agencyId: string;
      agencyName: string;
      applicantName: string;
      submittedAt: string;
      requestId: string;
      kind: 'submitted' | 'reminder';
      requestType?: string;
      inboxUrl?: string;
    }) {
      const addresses = await approverAddresses(prisma, input.agencyId);
      for (const to of addresses) {
        await mail.sendMail({
          key: `${input.workflowId}:${input.kind}:${to}`,
          to,
          template: 'approvalReminder',
          data: {
            requestType: input.requestType ?? ADMIN_ROLE_REQUEST_TYPE_LABEL,
            applicantName: input.applicantName,
            agencyName: input.agencyName,
            submittedAt: input.submittedAt,
            inboxUrl: input.inboxUrl ?? mailPath('adminRoleRequestReview', input.requestId),
            escalated: false,
          },
        });
      }
      return { notified: addresses.length };
    },

    /** Grants 機關管理者 of the agency (idempotent). Sessions pick it up at the next login. */
    async grantAgencyAdmin({ userId, agencyId, grantedById }: { userId: string; agencyId: string; grantedById: string }) {
      const existing = await prisma.roleAssignment.findFirst({
        where: { userId, role: 'AGENCY_ADMIN', organizationId: agencyId },
      });
      if (existing) return { granted: false };
      await prisma.roleAssignment.create({ data: { userId, role: 'AGENCY_ADMIN', organizationId: agencyId, grantedById } });
      return { granted: true };
    },

    ...createAgencyAdminGroupActivities({ prisma, ad }),
  };
}

export type SelfServiceActivities = ReturnType<typeof createSelfServiceActivities>;
