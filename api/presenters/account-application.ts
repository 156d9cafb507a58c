import type { PrismaClient } from '@prisma/client';
import { maskNationalId } from '../../domain/national-id';
import { organizationChain } from '../../infra/db/organization-chain';
import { decryptNationalId } from '../../infra/db/pii';
import {
  APPLICATION_STATUS_EXPLANATIONS,
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
} from '../../workflows/account-application.messages';

export async function organizationPath(prisma: PrismaClient, organizationId: string): Promise<string> {
  return (await organizationChain(prisma, organizationId)).map((o) => o.name).join('-');
}

type EventRow = { seq: number; kind: string; label: string; actorName: string | null; comment: string | null; at: Date };

/** A request's timeline as the applicant and the approver see it. */
export const presentEvents = (events: readonly EventRow[]) =>
  events.map((e) => ({
    seq: e.seq,
    kind: e.kind,
    label: e.label,
    actorName: e.actorName,
    comment: e.comment,
    at: e.at.toISOString(),
  }));

type Row = Awaited<ReturnType<PrismaClient['accountApplication']['findUniqueOrThrow']>> & { organization: { code: string } };

/** What the applicant sees: status, timeline and (for the amendment form) the fields, ID masked. */
export async function presentApplication(prisma: PrismaClient, row: Row, dataKey: Buffer) {
  const request = await prisma.request.findUnique({
    where: { workflowId: row.workflowId },
    include: { events: { orderBy: { seq: 'asc' } } },
  });
  const status = row.status as ApplicationStatus;
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    nationalId: maskNationalId(decryptNationalId(row.nationalIdCipher, dataKey)),
    backupEmail: row.backupEmail,
    needOfficialMail: row.needOfficialMail,
    officialMailGranted: row.officialMailGranted,
    organization: { code: row.organization.code, pathLabel: await organizationPath(prisma, row.organizationId) },
    title: row.title,
    officePhone: row.officePhone,
    officeExt: row.officeExt,
    remark: row.remark,
    status,
    statusLabel: request?.statusLabel ?? APPLICATION_STATUS_LABELS[status],
    statusExplanation: APPLICATION_STATUS_EXPLANATIONS[status],
    submittedAt: row.createdAt.toISOString(),
    canAmend: status === 'PENDING',
    events: presentEvents(request?.events ?? []),
  };
}
