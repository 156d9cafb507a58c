import { adTelephoneNumber } from '../../domain/phone';
import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AdClient } from '../../infra/ad/client';
import { AdError } from '../../infra/ad/errors';
import type { createMailActivities } from '../mail';
import type { ApplicationChanges, ApplicationStatus } from '../../domain/requests/account-application';
import { organizationChain } from '../../infra/db/organization-chain';
import { openSecret } from '../../infra/db/secret-box';
import { uniqueViolation } from '../../infra/db/unique-violation';
import { mailPath } from '../../domain/mail-links';
import { approverAddresses } from '../../infra/db/accounts';

interface Deps {
  prisma: PrismaClient;
  ad: AdClient;
  mail: Pick<ReturnType<typeof createMailActivities>, 'sendMail'>;
  dataKey: Buffer;
}

const fail = (type: string, message: string) => ApplicationFailure.nonRetryable(message, type);

function adFailure(error: unknown): never {
  if (error instanceof AdError) {
    throw ApplicationFailure.create({ type: `AdError.${error.code}`, message: error.message, nonRetryable: !error.retryable });
  }
  throw error;
}

/** Side effects of 個人帳號申請. Results carry no ID number, password or token. */
export function createAccountApplicationActivities({ prisma, ad, mail, dataKey }: Deps) {
  async function orgChain(organizationId: string) {
    const chain = await organizationChain(prisma, organizationId);
    if (chain.length === 0) throw fail('OrganizationMissing', `找不到機關單位 ${organizationId}`);
    return chain;
  }

  async function application(applicationId: string) {
    const row = await prisma.accountApplication.findUnique({ where: { id: applicationId }, include: { organization: true } });
    if (!row) throw fail('ApplicationMissing', `找不到申請 ${applicationId}`);
    return row;
  }

  return {
    async loadApplication({ applicationId }: { applicationId: string }) {
      const row = await application(applicationId);
      const chain = await orgChain(row.organizationId);
      const agencyId = row.organization.agencyId ?? row.organizationId;
      const agency = chain.find((o) => o.id === agencyId) ?? chain[0]!;
      return {
        account: row.account,
        name: row.name,
        backupEmail: row.backupEmail,
        needOfficialMail: row.needOfficialMail,
        agencyId,
        agencyCode: agency.code,
        organizationPath: chain.map((o) => o.name).join('-'),
      };
    },

    async applyAmendment({ applicationId, changes }: { applicationId: string; changes: ApplicationChanges }) {
      await prisma.accountApplication.update({ where: { id: applicationId }, data: changes });
    },

    async setApplicationStatus({ applicationId, status }: { applicationId: string; status: ApplicationStatus }) {
      await prisma.accountApplication.update({ where: { id: applicationId }, data: { status } });
    },

    /**
     * Creates the user (待開通) for an approved application, once. The unique account name makes
     * exactly one of two competing approvals win; the loser gets AccountTaken.
     */
    async reserveAccount({ applicationId, grantOfficialMail }: { applicationId: string; grantOfficialMail: boolean }) {
      const row = await application(applicationId);
      if (row.userId) return { userId: row.userId };
      try {
        const userId = await prisma.$transaction(async (tx) => {
          const user = await tx.user.create({
            data: {
              account: row.account,
              name: row.name,
              title: row.title,
              officePhone: row.officePhone,
              officeExt: row.officeExt,
              backupEmail: row.backupEmail,
              organizationId: row.organizationId,
              status: 'PENDING_ACTIVATION',
              officialMail: grantOfficialMail,
              nationalIdCipher: row.nationalIdCipher,
              nationalIdHash: row.nationalIdHash,
            },
          });
          await tx.backupEmailBinding.create({ data: { userId: user.id, email: row.backupEmail } });
          await tx.accountApplication.update({
            where: { id: applicationId },
            data: { userId: user.id, officialMailGranted: grantOfficialMail },
          });
          return user.id;
        });
        return { userId };
      } catch (error) {
        const columns = uniqueViolation(error);
        if (columns) {
          const target = columns.join(',');
          if (target.includes('account'))
            throw fail('AccountTaken', `登入帳號「${row.account}」已被使用，請駁回此申請並說明原因`);
          if (target.includes('national_id')) throw fail('NationalIdInUse', '此身分證字號已有帳號，請駁回此申請並說明原因');
          if (target.includes('backup_email')) throw fail('BackupEmailInUse', '此備用信箱已綁定其他帳號，請駁回此申請並說明原因');
        }
        throw error;
      }
    },

    /** Mails the agency's admins (or, escalated or without admins, the system admins). */
    async notifyApprovers({
      applicationId,
      workflowId,
      escalated,
    }: {
      applicationId: string;
      workflowId: string;
      escalated: boolean;
    }) {
      const row = await application(applicationId);
      const agencyId = row.organization.agencyId ?? row.organizationId;
      const agency = await prisma.organization.findUniqueOrThrow({ where: { id: agencyId }, select: { name: true } });
      const addresses = await approverAddresses(prisma, agencyId, escalated);
      for (const to of addresses) {
        await mail.sendMail({
          key: `${workflowId}:${escalated ? 'escalation' : 'reminder'}:${to}`,
          to,
          template: 'approvalReminder',
          data: {
            requestType: '個人帳號申請',
            applicantName: row.name,
            agencyName: agency.name,
            submittedAt: row.createdAt.toISOString(),
            inboxUrl: mailPath('accountApplicationReview', applicationId),
            escalated,
          },
        });
      }
      return { notified: addresses.length };
    },

    /** Creates the AD account, disabled, in the organisation's OU (which is created if missing). */
    async provisionAdAccount({ applicationId }: { applicationId: string }) {
      const row = await application(applicationId);
      if (!row.userId) throw fail('NotApproved', '申請尚未核准，無法建立 AD 帳號');
      const chain = await orgChain(row.organizationId);
      try {
        const ouDn = await ad.ensureOuPath(chain.map((o) => ({ code: o.code, name: o.name })));
        const { dn } = await ad.createUser({
          account: row.account,
          ouDn,
          displayName: row.name,
          department: chain.map((o) => o.name).join('-'),
          title: row.title,
          telephoneNumber: adTelephoneNumber(row.officePhone, row.officeExt),
          mail: row.officialMailGranted ? `${row.account}@mail.tainan.gov.tw` : undefined,
        });
        await prisma.user.update({
          where: { id: row.userId },
          data: { adSyncStatus: 'SYNCED', adSyncedAt: new Date(), adLastError: null },
        });
        return { dn };
      } catch (error) {
        await prisma.user
          .update({
            where: { id: row.userId },
            data: { adSyncStatus: 'FAILED', adLastError: error instanceof Error ? error.message.slice(0, 500) : String(error) },
          })
          .catch(() => undefined);
        adFailure(error);
      }
    },

    async activateUser({ applicationId, userId }: { applicationId: string; userId: string }) {
      await prisma.user.updateMany({
        where: { id: userId, status: 'PENDING_ACTIVATION' },
        data: { status: 'ACTIVE', activatedAt: new Date() },
      });
      await prisma.accountApplication.update({ where: { id: applicationId }, data: { status: 'ACTIVE' } });
    },

    /** Writes the new password (from its SecretBox) to AD and enables the account; deletes the box. */
    async setAdPasswordAndEnable({ applicationId, passwordRef }: { applicationId: string; passwordRef: string }) {
      const row = await application(applicationId);
      const box = await prisma.secretBox.findUnique({ where: { id: passwordRef } });
      if (!box) {
        // Already used by an earlier attempt that finished AD but not the workflow: nothing left to do
        // if AD is enabled; otherwise the password is gone and the user must activate again.
        const existing = await ad.findUser(row.account).catch(adFailure);
        if (existing?.enabled) return { enabled: true };
        throw fail('PasswordExpired', '開通用的密碼已失效，請重新開通帳號');
      }
      const password = openSecret(box.cipher, dataKey, 'ad-password');
      try {
        await ad.setPassword(row.account, password);
        await ad.enableUser(row.account);
      } catch (error) {
        adFailure(error);
      }
      await prisma.secretBox.deleteMany({ where: { id: passwordRef } });
      return { enabled: true };
    },
  };
}

export const randomKey = () => crypto.randomBytes(24).toString('base64url');
