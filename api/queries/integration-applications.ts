import type { Prisma, PrismaClient } from '@prisma/client';
import {
  ACTION_LABELS,
  APPLICATION_STATUS_LABELS,
  SERVICE_LABELS,
  type ApplicationStatus,
  type ServiceKind,
} from '../../domain/integrations/services';
import { presentEvents } from '../presenters/account-application';

// Reads of 應用系統服務介接申請 (its 審核紀錄): the application with its system, applicant, issued
// client and one-time secret reveal, for the applicant's page and the console inbox.

const withParts = {
  system: { include: { agency: { select: { id: true, code: true, name: true } } } },
  applicant: { select: { id: true, name: true, account: true, organization: { select: { name: true } } } },
  service: { include: { client: { select: { clientId: true, status: true } } } },
} satisfies Prisma.IntegrationApplicationInclude;

export type IntegrationApplicationRow = Prisma.IntegrationApplicationGetPayload<{ include: typeof withParts }>;

/** One application by its 申請單號 (null when none). */
export const integrationApplicationByKey = (prisma: PrismaClient, key: string) =>
  prisma.integrationApplication.findUnique({ where: { key }, include: withParts });

/** The policies' view of an application: its system's 管理機關 and its applicant. */
export const integrationScope = (row: Pick<IntegrationApplicationRow, 'system' | 'applicantId'>) => ({
  agencyId: row.system.agencyId,
  applicantUserId: row.applicantId,
});

/** The one-time reveal of the application's new secret, without the cipher itself. */
export async function revealOf(prisma: PrismaClient, applicationId: string) {
  const reveal = await prisma.credentialReveal.findUnique({
    where: { applicationId },
    select: { revealedAt: true, expiresAt: true, secretCipher: true },
  });
  if (!reveal) return null;
  return {
    revealedAt: reveal.revealedAt,
    expiresAt: reveal.expiresAt,
    waiting: reveal.secretCipher !== null && reveal.expiresAt.getTime() > Date.now(),
  };
}

/**
 * The 審核紀錄 as the applicant's page and the inbox's detail show it: the application, the form as
 * last sent, the system, the applicant and the timeline. No secret: `credential` says whether it waits.
 */
export async function presentIntegrationApplication(
  prisma: PrismaClient,
  row: IntegrationApplicationRow,
  viewer: { userId: string },
) {
  const [request, reveal] = await Promise.all([
    prisma.request.findUnique({ where: { workflowId: row.workflowId }, include: { events: { orderBy: { seq: 'asc' } } } }),
    revealOf(prisma, row.id),
  ]);
  const status = row.status as ApplicationStatus;
  const kind = row.kind as ServiceKind;
  const applicant = row.applicantId === viewer.userId;
  const client = row.service.client;
  return {
    key: row.key,
    kind,
    kindLabel: SERVICE_LABELS[kind],
    action: row.action,
    actionLabel: ACTION_LABELS[row.action],
    status,
    statusLabel: APPLICATION_STATUS_LABELS[status] ?? row.status,
    revision: row.revision,
    form: row.form,
    system: {
      id: row.system.id,
      name: row.system.name,
      shortName: row.system.shortName,
      agencyName: row.system.agency.name,
      contactName: row.system.contactName,
      contactPhone: row.system.contactPhone,
      contactEmail: row.system.contactEmail,
      vendorName: row.system.vendorName,
      description: row.system.description,
      url: row.system.url,
      productionIps: row.system.productionIps,
    },
    applicant: { name: row.applicant.name, account: row.applicant.account, unitName: row.applicant.organization.name },
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    reviewComment: row.reviewComment,
    events: presentEvents(request?.events ?? []),
    ...(status === 'APPROVED' && client && row.action !== 'REVOKE'
      ? {
          credential: {
            clientId: client.clientId,
            secretRevealable: applicant && reveal?.waiting === true,
            revealedAt: reveal?.revealedAt?.toISOString() ?? null,
          },
        }
      : {}),
    canResubmit: applicant && status === 'RETURNED',
  };
}
