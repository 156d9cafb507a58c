import type { PrismaClient } from '@prisma/client';
import { precheckMessage } from '../../domain/account-prechecks';
import { AGENCY_CHANGE_MESSAGES, agencyChangeRequestSchema } from '../../domain/schemas/agency-change';
import type { UsageAction } from '../../domain/usage-actions';
import { accountLeavePrechecks } from '../../infra/db/account-prechecks';
import { agencyOf } from '../../infra/db/accounts';
import { agencyChange } from '../../workflows/agency-change';
import {
  AGENCY_CHANGE_STATUS_LABELS,
  agencyChangeWorkflowId,
  decideAgencyChangeUpdate,
  OPEN_AGENCY_CHANGE_STATUSES,
  type AgencyChangeDecideInput,
} from '../../workflows/agency-change.messages';
import { fail } from '../errors';
import type { Actor } from '../policies';
import type { Temporal } from '../temporal';
import { updateRefusal } from './update-refusal';
import { startRequestWorkflow } from './request-workflow';
import { recordUsage } from './usage';

export interface AgencyChangeDeps {
  prisma: PrismaClient;
  temporal: Temporal;
}

interface Ctx {
  actor: Actor;
  ip?: string;
}

/** Where the user sees their request (the 機關(單位)異動 block of 個人帳號管理). */
export const AGENCY_CHANGE_BLOCK_URL = '/account#agency-change';

export function openAgencyChangeRequest(prisma: PrismaClient, userId: string) {
  return prisma.request.findFirst({
    where: { type: 'AGENCY_CHANGE', applicantUserId: userId, status: { in: OPEN_AGENCY_CHANGE_STATUSES } },
    orderBy: { createdAt: 'desc' },
  });
}

/** The block's data: the current unit, the pre-check result (what to hand over first) and any open request. */
export async function agencyChangeOverview({ prisma }: AgencyChangeDeps, actor: Actor) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { organizationId: true, organization: { select: { code: true } } },
  });
  const [current, precheck, open] = await Promise.all([
    agencyOf(prisma, user.organizationId),
    accountLeavePrechecks(prisma, actor.id),
    openAgencyChangeRequest(prisma, actor.id),
  ]);
  return {
    current: {
      organizationCode: user.organization.code,
      organizationPath: current.organizationPath,
      agencyName: current.agencyName,
    },
    precheck,
    openRequest: open ? { id: open.id, statusLabel: open.statusLabel, url: AGENCY_CHANGE_BLOCK_URL } : null,
  };
}

/** The new unit: it exists, is not retired, is the last level of the picker and is not the current one. */
async function newUnit(prisma: PrismaClient, code: string, currentOrganizationId: string) {
  const unit = await prisma.organization.findFirst({ where: { code, retiredAt: null }, select: { id: true } });
  const field = (message: string) => fail('VALIDATION_FAILED', message, { organizationCode: message });
  if (!unit) throw field(AGENCY_CHANGE_MESSAGES.UNIT_UNKNOWN);
  if (await prisma.organization.count({ where: { parentId: unit.id, retiredAt: null } }))
    throw field(AGENCY_CHANGE_MESSAGES.UNIT_NOT_LEAF);
  if (unit.id === currentOrganizationId) throw field(AGENCY_CHANGE_MESSAGES.UNIT_UNCHANGED);
  return unit;
}

/** How long 送出 waits for the workflow to have signed the user out (normally well under a second). */
const SIGN_OUT_WAIT_MS = 10_000;

/**
 * 機關(單位)異動申請 › 送出: validated, pre-checked (the answer names what to hand over and to whom;
 * nothing changes), one open request per user (a second is refused with a link), then the
 * `agencyChange` workflow. Answers once the workflow has signed the user out, so the browser can
 * leave knowing every session is gone.
 */
export async function requestAgencyChange(deps: AgencyChangeDeps, ctx: Ctx, body: unknown) {
  const { prisma } = deps;
  const input = agencyChangeRequestSchema.parse(body);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.id } });
  const unit = await newUnit(prisma, input.organizationCode, user.organizationId);
  const checks = await accountLeavePrechecks(prisma, user.id);
  if (!checks.ok) throw fail('ACCOUNT_PRECHECK_FAILED', precheckMessage(checks), undefined, { problems: checks.problems });

  const to = await agencyOf(prisma, unit.id);
  const workflowId = agencyChangeWorkflowId(user.id, Date.now().toString(36));
  const request = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`agency-change:${user.id}`}))`;
    const open = await openAgencyChangeRequest(tx as unknown as PrismaClient, user.id);
    if (open) {
      throw fail('REQUEST_OPEN', '您已有一件審核中的機關(單位)異動申請，請待審核完成後再提出', undefined, {
        openRequest: { id: open.id, url: AGENCY_CHANGE_BLOCK_URL },
      });
    }
    return tx.request.create({
      data: {
        workflowId,
        type: 'AGENCY_CHANGE',
        status: 'CHECKING',
        statusLabel: AGENCY_CHANGE_STATUS_LABELS.CHECKING,
        agencyId: to.agencyId,
        applicantUserId: user.id,
        applicantAccount: user.account,
        applicantName: user.name,
        summary: { reason: input.reason, toOrganizationPath: to.organizationPath },
      },
    });
  });
  const handle = await startRequestWorkflow(
    deps,
    request,
    agencyChange,
    { args: [{ userId: user.id, organizationId: unit.id, reason: input.reason }] },
    { requestType: 'AGENCY_CHANGE', agencyCode: to.agencyCode, applicantAccount: user.account, status: 'CHECKING' },
  );
  await recordUsage(prisma, {
    userId: user.id,
    action: 'organization.change' satisfies UsageAction,
    target: to.organizationPath,
    detail: { requestId: request.id },
    ip: ctx.ip ?? null,
  });

  const deadline = Date.now() + SIGN_OUT_WAIT_MS;
  let row = request;
  while (row.status === 'CHECKING' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    row = (await prisma.request.findUnique({ where: { id: request.id } })) ?? row;
  }
  return {
    id: request.id,
    workflowId: handle.workflowId,
    status: row.status,
    statusLabel: row.statusLabel,
    signedOut: row.status === 'PENDING',
  };
}

/** The approver's decision, applied by the workflow (it answers with the state it led to). */
export async function decideAgencyChange(
  deps: Pick<AgencyChangeDeps, 'temporal'>,
  workflowId: string,
  input: AgencyChangeDecideInput,
) {
  const handle = deps.temporal.client.workflow.getHandle(workflowId);
  return handle.executeUpdate(decideAgencyChangeUpdate, { args: [input] }).catch(updateRefusal());
}
