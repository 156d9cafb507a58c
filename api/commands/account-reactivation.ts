import type { PrismaClient, User } from '@prisma/client';
import { reactivationFormSchema } from '../../domain/schemas/account-reactivation';
import type { UsageAction } from '../../domain/usage-actions';
import { agencyOf } from '../../infra/db/accounts';
import { accountReactivation } from '../../workflows/account-reactivation';
import {
  ACTIVATION_TARGET_STATUSES,
  accountReactivationWorkflowId,
  decideReactivationUpdate,
  OPEN_REACTIVATION_STATUSES,
  REACTIVATION_STATUS_LABELS,
  type ReactivationChanges,
  type ReactivationDecideInput,
} from '../../workflows/account-reactivation.messages';
import { updateRefusal } from './update-refusal';
import type { EmailVerification } from './email-verification';
import { startRequestWorkflow } from './request-workflow';
import { fail } from '../errors';
import type { IdentityProofs } from '../identity/proof';
import { presentEvents } from '../presenters/account-application';
import type { Temporal } from '../temporal';
import { personTarget, recordUsage } from './usage';

export interface ReactivationDeps {
  prisma: PrismaClient;
  temporal: Temporal;
  verification: EmailVerification;
  proofs: IdentityProofs;
}

/** Where the applicant sees an open request (the public page shows it after verification). */
export const reactivationRequestUrl = (id: string) => `/apply/reactivation?request=${encodeURIComponent(id)}`;

/**
 * Agency-change statuses that are finished. An account disabled while its 機關(單位)異動 is still in
 * progress must wait for that request: anything not listed here counts as in progress. The agency
 * change workflow is built separately; this reads only its read-model rows (type AGENCY_CHANGE).
 */
const AGENCY_CHANGE_FINISHED = ['APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED', 'COMPLETED', 'DONE', 'MOVED', 'FAILED'];

/**
 * The disabled account behind a 個人帳號復用 verification: 行動自然人憑證 (X-Identity-Proof, purpose
 * VERIFY: read by the form while it lasts, spent by 確定) or 備用信箱
 * (X-Verification-Token, purpose REACTIVATE). Anything else is VERIFICATION_REQUIRED, with one
 * message whatever the reason, so the page cannot be used to learn which accounts are disabled.
 */
export async function reactivationApplicant(
  deps: Pick<ReactivationDeps, 'prisma' | 'verification' | 'proofs'>,
  headers: ReactivationHeaders,
): Promise<User> {
  const { prisma } = deps;
  if (headers.proof) {
    const proof = await deps.proofs.peek(headers.proof, ['VERIFY'], headers.client);
    return disabledOrRefused(await prisma.user.findUnique({ where: { id: proof.userId } }));
  }
  const { email } = await deps.verification.require(headers.token, ['REACTIVATE'], headers.client);
  return disabledOrRefused(await prisma.user.findUnique({ where: { backupEmail: email } }));
}

/** 確定: the same check, spending the proof or token for `write` (given back if `write` refuses). */
export async function spendForReactivation<T>(
  deps: Pick<ReactivationDeps, 'prisma' | 'verification' | 'proofs'>,
  headers: ReactivationHeaders,
  write: (user: User) => Promise<T>,
): Promise<T> {
  const { prisma } = deps;
  if (headers.proof) {
    return deps.proofs.spend(headers.proof, ['VERIFY'], headers.client, async (proof) =>
      write(disabledOrRefused(await prisma.user.findUnique({ where: { id: proof.userId } }))),
    );
  }
  return deps.verification.spend(headers.token, ['REACTIVATE'], headers.client, async ({ email }) =>
    write(disabledOrRefused(await prisma.user.findUnique({ where: { backupEmail: email } }))),
  );
}

interface ReactivationHeaders {
  proof?: string;
  token?: string;
  /** The browser's binding (api/auth/client-binding.ts). */
  client: string | undefined;
}

function disabledOrRefused(user: User | null): User {
  if (!user || user.status !== 'DISABLED') {
    throw fail('VERIFICATION_REQUIRED', '查無可復用的停用帳號。個人帳號復用僅供已停用的帳號使用，請確認驗證方式或洽機關管理者。');
  }
  return user;
}

export async function openReactivation(prisma: PrismaClient, userId: string) {
  return prisma.request.findFirst({
    where: { applicantUserId: userId, type: 'ACCOUNT_REACTIVATION', status: { in: OPEN_REACTIVATION_STATUSES } },
    orderBy: { createdAt: 'desc' },
  });
}

/**
 * 開通帳號 of a reactivated account: the reactivation workflow waiting for the new password, if any
 * (otherwise the account's own application takes it, as for a new account).
 */
export async function reactivationAwaitingActivation(prisma: PrismaClient, userId: string) {
  return prisma.request.findFirst({
    where: { applicantUserId: userId, type: 'ACCOUNT_REACTIVATION', status: { in: ACTIVATION_TARGET_STATUSES } },
    orderBy: { createdAt: 'desc' },
    select: { workflowId: true },
  });
}

/** What the 帳號復用申請表單 shows: the account read-only, the editable fields, and an open request. */
export async function reactivationView(prisma: PrismaClient, user: User) {
  const organization = await prisma.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
  const { organizationPath } = await agencyOf(prisma, user.organizationId);
  const open = await openReactivation(prisma, user.id);
  const latest =
    open ??
    (await prisma.request.findFirst({
      where: { applicantUserId: user.id, type: 'ACCOUNT_REACTIVATION' },
      orderBy: { createdAt: 'desc' },
    }));
  const events = latest ? await prisma.requestEvent.findMany({ where: { requestId: latest.id }, orderBy: { seq: 'asc' } }) : [];
  return {
    account: user.account,
    name: user.name,
    organizationCode: organization.code,
    organizationPath,
    title: user.title ?? '',
    officePhone: user.officePhone ?? '',
    officeExt: user.officeExt ?? '',
    request: latest
      ? {
          id: latest.id,
          open: Boolean(open),
          status: latest.status,
          statusLabel: latest.statusLabel,
          submittedAt: latest.createdAt.toISOString(),
          events: presentEvents(events),
        }
      : null,
  };
}

/**
 * 帳號復用申請表單 › 確定: validated (same zod schema as the form), refused while another 復用 of the
 * account is open (409 with its link) or while an agency change of the account is in progress; then
 * the read-model row (holding the requested changes) and the `accountReactivation` workflow, which
 * gets the user's id only.
 */
export async function submitReactivation(deps: ReactivationDeps, user: User, body: unknown, ip?: string) {
  const { prisma } = deps;
  const input = reactivationFormSchema.parse(body);
  const organization = await prisma.organization.findFirst({ where: { code: input.organizationCode, retiredAt: null } });
  if (!organization) throw fail('VALIDATION_FAILED', undefined, { organizationCode: '請選擇機關單位' });
  const agency = await agencyOf(prisma, organization.id);
  const changes: ReactivationChanges = {
    organizationId: organization.id,
    title: input.title,
    officePhone: input.officePhone,
    officeExt: input.officeExt,
  };
  const workflowId = accountReactivationWorkflowId(user.id, Date.now().toString(36));

  const request = await prisma.$transaction(async (tx) => {
    // Two clicks (or two tabs) cannot both pass the open-request check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`account-reactivation:${user.id}`}))`;
    const open = await openReactivation(tx as unknown as PrismaClient, user.id);
    if (open) {
      throw fail('REQUEST_OPEN', '此帳號已有審核中的復用申請，請待審核完成後再提出', undefined, {
        openRequest: { id: open.id, statusLabel: open.statusLabel, url: reactivationRequestUrl(open.id) },
      });
    }
    const agencyChange = await tx.request.findFirst({
      where: { applicantUserId: user.id, type: 'AGENCY_CHANGE', status: { notIn: AGENCY_CHANGE_FINISHED } },
      select: { id: true, statusLabel: true },
    });
    if (agencyChange) {
      throw fail(
        'REQUEST_OPEN',
        `此帳號的機關(單位)異動尚未完成（${agencyChange.statusLabel}），請待異動完成後再申請復用`,
        undefined,
        {
          openRequest: { id: agencyChange.id, statusLabel: agencyChange.statusLabel },
        },
      );
    }
    return tx.request.create({
      data: {
        workflowId,
        type: 'ACCOUNT_REACTIVATION',
        status: 'PENDING',
        statusLabel: REACTIVATION_STATUS_LABELS.PENDING,
        agencyId: agency.agencyId,
        applicantUserId: user.id,
        applicantAccount: user.account,
        applicantName: user.name,
        summary: { changes: { ...changes }, organizationPath: agency.organizationPath, title: input.title },
      },
    });
  });
  await startRequestWorkflow(
    deps,
    request,
    accountReactivation,
    { args: [{ userId: user.id }] },
    {
      requestType: 'ACCOUNT_REACTIVATION',
      agencyCode: agency.agencyCode,
      applicantAccount: user.account,
      status: 'PENDING',
    },
  );
  await recordUsage(prisma, {
    userId: user.id,
    action: 'application.submit' satisfies UsageAction,
    target: personTarget(user),
    detail: { requestId: request.id, organizationPath: agency.organizationPath },
    ip: ip ?? null,
  });
  return { id: request.id, status: request.status, statusLabel: request.statusLabel, url: reactivationRequestUrl(request.id) };
}

/** The approver's decision, applied by the workflow (it answers with the state it led to). */
export async function decideReactivation(
  deps: Pick<ReactivationDeps, 'temporal'>,
  workflowId: string,
  input: ReactivationDecideInput,
) {
  const handle = deps.temporal.client.workflow.getHandle(workflowId);
  return handle.executeUpdate(decideReactivationUpdate, { args: [input] }).catch(updateRefusal());
}
