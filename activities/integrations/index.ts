import crypto from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import { ACTION_LABELS, SERVICE_LABELS, type ApplicationStatus, type ServiceKind } from '../../domain/integrations/services';
import type { RedirectForm, SmsForm, SsoForm, VerifyForm } from '../../domain/schemas/integration';
import { mailPath } from '../../domain/mail-links';
import { resolveSystemParameters } from '../../domain/system-parameters';
import { agencyOf, mailAddressOf, systemAdminAddresses } from '../../infra/db/accounts';
import { sealClientSecret } from '../../infra/db/client-secret';
import { INTEGRATION_REQUEST_TYPE_LABEL } from '../../workflows/integration-review.messages';
import type { createMailActivities } from '../mail';

interface Deps {
  prisma: PrismaClient;
  mail: Pick<ReturnType<typeof createMailActivities>, 'sendMail'>;
  dataKey: Buffer;
}

/** How long a new secret waits on the 審核紀錄 page to be shown once; then its cipher is erased unseen. */
export const REVEAL_TTL_MS = 30 * 86_400_000;
/** 簡訊發送: messages a minute an approved system may send (the form asks only the month's quota). */
export const SMS_PER_MINUTE = 60;

const fail = (type: string, message: string) => ApplicationFailure.nonRetryable(message, type);

/** client_id: readable, random, e.g. app-k3x9q2mz. */
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const newClientId = () => `app-${[...crypto.randomBytes(8)].map((b) => BASE32[b % 32]).join('')}`;

/** A new client secret, sealed at once: the plain value never leaves this module. */
const newSealedSecret = (dataKey: Buffer) => sealClientSecret(crypto.randomBytes(32).toString('base64url'), dataKey);

/** What the issued client of each kind may do, from the approved form and the system's 正式 IP. */
function clientSettings(kind: ServiceKind, form: unknown, productionIps: string[]) {
  const none = {
    redirectUris: [] as string[],
    verifyApiEnabled: false,
    allowedCidrs: [] as string[],
    redirectLoginUrl: null as string | null,
    redirectLoginParam: null as string | null,
    smsMonthlyQuota: null as number | null,
    smsPerMinute: null as number | null,
    smsSenderName: null as string | null,
  };
  switch (kind) {
    case 'SSO': {
      const f = form as SsoForm;
      return { ...none, redirectUris: f.redirectUris, scopes: ['openid', ...f.claims] };
    }
    case 'VERIFY': {
      const f = form as VerifyForm;
      return { ...none, verifyApiEnabled: true, allowedCidrs: productionIps, scopes: ['openid', ...f.claims] };
    }
    case 'REDIRECT': {
      const f = form as RedirectForm;
      return {
        ...none,
        redirectLoginUrl: f.handlerUrl,
        redirectLoginParam: f.paramName,
        scopes: ['openid', 'profile', 'organization'],
      };
    }
    case 'SMS': {
      const f = form as SmsForm;
      return {
        ...none,
        allowedCidrs: productionIps,
        smsMonthlyQuota: f.monthlyQuota,
        smsPerMinute: SMS_PER_MINUTE,
        smsSenderName: f.senderName,
        scopes: [] as string[],
      };
    }
  }
}

const withSystem = {
  system: { include: { agency: { select: { id: true, name: true } } } },
  applicant: true,
  service: { include: { client: true } },
} satisfies Prisma.IntegrationApplicationInclude;

/**
 * 應用系統服務介接申請's side effects: the application and its service, the issued client (申請 /
 * 更換金鑰 / 停用) and the system admins' mails. Results carry ids, never a secret.
 */
export function createIntegrationActivities({ prisma, mail, dataKey }: Deps) {
  async function application(applicationId: string) {
    const row = await prisma.integrationApplication.findUnique({ where: { id: applicationId }, include: withSystem });
    if (!row) throw fail('ApplicationMissing', `找不到應用系統服務介接申請 ${applicationId}`);
    return row;
  }

  return {
    /** Who asked, about which system and service, and where the mails go. */
    async loadIntegrationApplication({ applicationId }: { applicationId: string }) {
      const row = await application(applicationId);
      const agency = await agencyOf(prisma, row.system.agencyId);
      return {
        key: row.key,
        kind: row.kind as ServiceKind,
        action: row.action,
        systemName: row.system.name,
        serviceLabel: SERVICE_LABELS[row.kind as ServiceKind],
        actionLabel: ACTION_LABELS[row.action],
        agencyId: row.system.agencyId,
        agencyCode: agency.agencyCode,
        agencyName: row.system.agency.name,
        applicantAccount: row.applicant.account,
        applicantName: row.applicant.name,
        applicantEmail: mailAddressOf(row.applicant),
        contactName: row.system.contactName,
        contactEmail: row.system.contactEmail,
        createdAt: row.createdAt.toISOString(),
      };
    },

    /**
     * The application's status (待審核 again after 補正, 退回補正, 已駁回, 已逾期) and, for 申請, its
     * service's: 審核中 / 退回補正 while open; once refused, what the service was before (已啟用 or 已停用
     * with a client, else 已駁回). 更換金鑰 / 停用 leave an active service as it is until approved.
     */
    async setIntegrationApplicationStatus({
      applicationId,
      status,
      comment,
    }: {
      applicationId: string;
      status: Exclude<ApplicationStatus, 'APPROVED'>;
      comment?: string;
    }) {
      const row = await application(applicationId);
      if (row.status === 'APPROVED') return { status: row.status };
      const decided = status === 'REJECTED';
      await prisma.$transaction(async (tx) => {
        await tx.integrationApplication.update({
          where: { id: applicationId },
          data: {
            status,
            ...(comment !== undefined ? { reviewComment: comment || null } : {}),
            ...(decided ? { decidedAt: row.decidedAt ?? new Date() } : {}),
          },
        });
        if (row.action !== 'APPLY') return;
        const client = row.service.client;
        const settled = client ? (client.status === 'ACTIVE' ? 'ACTIVE' : 'REVOKED') : 'REJECTED';
        const service = status === 'PENDING' || status === 'RETURNED' ? status : settled;
        await tx.integrationService.update({ where: { id: row.serviceId }, data: { status: service } });
      });
      return { status };
    },

    /**
     * The approved application's work, once (a retry finds it APPROVED and answers the same ids):
     * 申請 issues the service's client (clientId, a new secret sealed at once, the kind's settings) and a
     * CredentialReveal; 更換金鑰 keeps the old secret until now + integration.secretGracePeriod and issues
     * a new one; 停用 revokes the client, its redirect agencies and every oidc_payloads row of it.
     */
    async approveIntegrationApplication({ applicationId, comment }: { applicationId: string; comment?: string }) {
      return prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM integration_applications WHERE id = ${applicationId}::uuid FOR UPDATE`;
        const row = await tx.integrationApplication.findUnique({ where: { id: applicationId }, include: withSystem });
        if (!row) throw fail('ApplicationMissing', `找不到應用系統服務介接申請 ${applicationId}`);
        if (row.status === 'APPROVED') {
          const reveal = await tx.credentialReveal.findUnique({ where: { applicationId }, select: { id: true } });
          return { clientId: row.service.client?.clientId ?? null, revealId: reveal?.id ?? null };
        }
        const now = new Date();
        let client = row.service.client;
        const kind = row.kind as ServiceKind;
        if (row.action === 'APPLY') {
          const settings = clientSettings(kind, row.form, row.system.productionIps);
          const data = {
            ...settings,
            name: `${row.system.name}（${SERVICE_LABELS[kind]}）`,
            clientId: newClientId(),
            clientSecretCipher: newSealedSecret(dataKey),
            status: 'ACTIVE' as const,
            previousSecretCipher: null,
            previousSecretExpiresAt: null,
          };
          client = client
            ? await tx.integrationSystem.update({ where: { id: client.id }, data })
            : await tx.integrationSystem.create({ data: { ...data, serviceId: row.serviceId } });
          await tx.integrationRedirectAgency.deleteMany({ where: { integrationSystemId: client.id } });
          if (kind === 'REDIRECT') {
            const agencyIds = (row.form as RedirectForm).agencyIds;
            await tx.integrationRedirectAgency.createMany({
              data: agencyIds.map((agencyId) => ({ integrationSystemId: client!.id, agencyId })),
              skipDuplicates: true,
            });
          }
          await tx.integrationService.update({
            where: { id: row.serviceId },
            data: { status: 'ACTIVE', config: row.form as Prisma.InputJsonValue },
          });
        } else if (!client || client.status !== 'ACTIVE') {
          throw fail('ServiceNotActive', '此服務未啟用，無法更換金鑰或停用');
        } else if (row.action === 'ROTATE') {
          const params = await tx.systemParameter.findMany({ where: { key: 'integration.secretGracePeriod' } });
          const grace = resolveSystemParameters(params, ['integration.secretGracePeriod'])['integration.secretGracePeriod'];
          client = await tx.integrationSystem.update({
            where: { id: client.id },
            data: {
              previousSecretCipher: client.clientSecretCipher,
              previousSecretExpiresAt: new Date(now.getTime() + grace * 1000),
              clientSecretCipher: newSealedSecret(dataKey),
            },
          });
        } else {
          client = await tx.integrationSystem.update({
            where: { id: client.id },
            data: { status: 'REVOKED', previousSecretCipher: null, previousSecretExpiresAt: null },
          });
          await tx.integrationRedirectAgency.deleteMany({ where: { integrationSystemId: client.id } });
          // Tokens, codes, grants and the rest: introspection and userinfo refuse them at once.
          await tx.$executeRaw`DELETE FROM oidc_payloads WHERE payload->>'clientId' = ${client.clientId}`;
          // A secret never shown is shown never.
          await tx.credentialReveal.updateMany({
            where: { integrationSystemId: client.id, secretCipher: { not: null } },
            data: { secretCipher: null },
          });
          await tx.integrationService.update({ where: { id: row.serviceId }, data: { status: 'REVOKED' } });
        }
        const reveal =
          row.action === 'REVOKE'
            ? null
            : await tx.credentialReveal.create({
                data: {
                  integrationSystemId: client.id,
                  applicationId,
                  secretCipher: client.clientSecretCipher,
                  expiresAt: new Date(now.getTime() + REVEAL_TTL_MS),
                },
                select: { id: true },
              });
        await tx.integrationApplication.update({
          where: { id: applicationId },
          data: { status: 'APPROVED', decidedAt: now, reviewComment: comment || null },
        });
        return { clientId: client.clientId, revealId: reveal?.id ?? null };
      });
    },

    /** 系統管理者 only decide these: each gets the request's mail once per step (送出, 補正送出, 提醒). */
    async notifyIntegrationApprovers({
      applicationId,
      workflowId,
      kind,
      revision,
    }: {
      applicationId: string;
      workflowId: string;
      kind: 'submitted' | 'resubmitted' | 'reminder';
      revision: number;
    }) {
      const row = await application(applicationId);
      const addresses = await systemAdminAddresses(prisma);
      for (const to of addresses) {
        await mail.sendMail({
          key: `${workflowId}:${kind}:${revision}:${to}`,
          to,
          template: 'approvalReminder',
          data: {
            requestType: INTEGRATION_REQUEST_TYPE_LABEL,
            applicantName: row.applicant.name,
            agencyName: row.system.agency.name,
            submittedAt: (kind === 'resubmitted' ? row.updatedAt : row.createdAt).toISOString(),
            inboxUrl: mailPath('integrationReview', row.key),
            escalated: false,
          },
        });
      }
      return { notified: addresses.length };
    },
  };
}

export type IntegrationActivities = ReturnType<typeof createIntegrationActivities>;
