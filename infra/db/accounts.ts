import type { PrismaClient, RequestType } from '@prisma/client';
import { OPEN_DISABLE_STATUSES } from '../../domain/requests/account-disable';
import { organizationChain } from './organization-chain';

// Account reads and claims the API's commands and the lifecycle activities share.

/** Where mail to a user goes: the official mailbox when granted, else the backup e-mail. */
export const mailAddressOf = (u: { account: string; officialMail: boolean; backupEmail: string | null }) =>
  u.officialMail ? `${u.account}@mail.tainan.gov.tw` : u.backupEmail;

/** The user's agency (for scoping, search attributes and messages). */
export async function agencyOf(prisma: PrismaClient, organizationId: string) {
  const chain = await organizationChain(prisma, organizationId);
  const unit = chain[chain.length - 1];
  const org = await prisma.organization.findUnique({ where: { id: organizationId }, select: { agencyId: true } });
  const agencyId = org?.agencyId ?? organizationId;
  const agency = chain.find((o) => o.id === agencyId) ?? chain[0];
  return {
    agencyId,
    agencyCode: agency?.code ?? '',
    agencyName: agency?.name ?? '',
    organizationPath: chain.map((o) => o.name).join('-') || (unit?.name ?? ''),
  };
}

export type ClaimResult = { claimed: true } | { claimed: false; openWorkflowId: string; openType: RequestType };

/**
 * Records a disable request (read model row) unless one is already open for the user: the user's
 * row is locked, so of two concurrent requests exactly one is claimed. Idempotent for the same workflow.
 */
export async function claimDisableRequest(
  prisma: PrismaClient,
  input: {
    userId: string;
    workflowId: string;
    type: 'ACCOUNT_DISABLE' | 'IDLE_DISABLE';
    agencyId: string;
    account: string;
    name: string;
    summary: Record<string, string>;
  },
): Promise<ClaimResult> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${input.userId} FOR UPDATE`;
    const open = await tx.request.findFirst({
      where: {
        applicantUserId: input.userId,
        type: { in: ['ACCOUNT_DISABLE', 'IDLE_DISABLE'] },
        status: { in: OPEN_DISABLE_STATUSES },
      },
      select: { workflowId: true, type: true },
    });
    if (open && open.workflowId !== input.workflowId)
      return { claimed: false, openWorkflowId: open.workflowId, openType: open.type };
    if (!open) {
      await tx.request.upsert({
        where: { workflowId: input.workflowId },
        create: {
          workflowId: input.workflowId,
          type: input.type,
          status: 'CHECKING',
          statusLabel: '停用前檢查中',
          agencyId: input.agencyId,
          applicantUserId: input.userId,
          applicantAccount: input.account,
          applicantName: input.name,
          summary: input.summary,
        },
        update: {},
      });
    }
    return { claimed: true };
  });
}

/**
 * Where a request's "please decide" mail goes: the agency's admins — or the system admins when the agency
 * has none, or when the request was escalated to them — and whoever stands in for one of them today
 * (代理人設定). Addresses once each.
 */
export async function approverAddresses(prisma: PrismaClient, agencyId: string | null, escalated = false): Promise<string[]> {
  const select = { id: true, account: true, backupEmail: true, officialMail: true } as const;
  const holders = (role: 'AGENCY_ADMIN' | 'SYSTEM_ADMIN') =>
    prisma.user.findMany({
      where: { status: 'ACTIVE', roles: { some: role === 'AGENCY_ADMIN' ? { role, organizationId: agencyId } : { role } } },
      select,
    });
  let approvers = escalated || !agencyId ? [] : await holders('AGENCY_ADMIN');
  if (approvers.length === 0) approvers = await holders('SYSTEM_ADMIN');
  const now = new Date();
  const deputies = await prisma.user.findMany({
    where: {
      status: 'ACTIVE',
      delegationsHeld: {
        some: { principalId: { in: approvers.map((a) => a.id) }, cancelledAt: null, startsAt: { lte: now }, endsAt: { gt: now } },
      },
    },
    select,
  });
  return [...new Set([...approvers, ...deputies].map(mailAddressOf).filter((a): a is string => Boolean(a)))];
}

/** Mail addresses of the active system admins, once each (no deputies: what only they decide). */
export async function systemAdminAddresses(prisma: PrismaClient): Promise<string[]> {
  const admins = await prisma.user.findMany({
    where: { status: 'ACTIVE', roles: { some: { role: 'SYSTEM_ADMIN' } } },
    select: { account: true, officialMail: true, backupEmail: true },
  });
  return [...new Set(admins.map(mailAddressOf).filter((a): a is string => Boolean(a)))];
}
