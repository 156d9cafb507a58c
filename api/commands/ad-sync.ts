import type { PrismaClient } from '@prisma/client';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { agencyOf } from '../../infra/db/accounts';
import { adReconcile } from '../../workflows/ad-reconcile';
import {
  AD_RECONCILE_PREFIX,
  AD_RECONCILE_STATUS_LABELS,
  adReconcileWorkflowId,
  closeReconcileSignal,
  OPEN_RECONCILE_STATUSES,
  repairDriftsUpdate,
  USER_AD_SYNC_STATUS_LABELS,
  userAdSyncWorkflowId,
  type ReconcileActor,
} from '../../workflows/ad-reconcile.messages';
import { userAdSync } from '../../workflows/user-ad-sync';
import { requestSearchAttributes } from '../../workflows/search-attributes';
import { fail } from '../errors';
import { authorize, type Actor } from '../policies';
import type { Temporal } from '../temporal';

export interface AdSyncDeps {
  prisma: PrismaClient;
  temporal: Temporal;
}

/** Where the console shows a reconcile run, and one account's 重新同步. */
export const reconcileUrl = (workflowId: string) => `/console/ad-sync?tab=reconcile&run=${encodeURIComponent(workflowId)}`;
export const userSyncUrl = (workflowId: string) => `/console/ad-sync?tab=users&sync=${encodeURIComponent(workflowId)}`;
export const USER_SYNC_PREFIX = 'user-ad-sync-';

const actorOf = (actor: Actor): ReconcileActor => ({ userId: actor.id, account: actor.account, name: actor.name });
const stamp = () => Date.now().toString(36);

/**
 * Records the read-model row unless a run of the same kind is open (one at a time: 409 with a link);
 * serialised by an advisory lock, so of two concurrent clicks exactly one starts a run.
 */
async function claim(
  prisma: PrismaClient,
  key: string,
  open: { prefix: string; statuses: string[]; applicantUserId?: string },
  row: Parameters<PrismaClient['request']['create']>[0]['data'],
) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    const running = await tx.request.findFirst({
      where: {
        type: 'AD_RECONCILE',
        workflowId: { startsWith: open.prefix },
        status: { in: open.statuses },
        ...(open.applicantUserId ? { applicantUserId: open.applicantUserId } : {}),
      },
      select: { workflowId: true },
    });
    if (running) return { claimed: false as const, openWorkflowId: running.workflowId };
    await tx.request.create({ data: row });
    return { claimed: true as const };
  });
}

async function start(deps: AdSyncDeps, workflowId: string, begin: () => Promise<unknown>) {
  try {
    await begin();
  } catch {
    // Nothing happened yet: release the claim so the admin can try again.
    await deps.prisma.request.deleteMany({ where: { workflowId, statusSeq: 0 } });
    throw fail('DEPENDENCY_UNAVAILABLE', '流程服務（Temporal）暫時無法使用，請稍後再試。');
  }
}

/** 同步比對 › 開始比對: one run at a time; a finished run still waiting for 修復 is ended by the new one. */
export async function startAdReconcile(deps: AdSyncDeps, actor: Actor | undefined) {
  authorize(actor, 'adSync.run');
  const { prisma, temporal } = deps;
  const workflowId = adReconcileWorkflowId(stamp());
  const agency = await prisma.organization.findUnique({ where: { id: actor.agencyId }, select: { code: true } });
  const claimed = await claim(
    prisma,
    'ad-reconcile',
    { prefix: AD_RECONCILE_PREFIX, statuses: OPEN_RECONCILE_STATUSES },
    {
      workflowId,
      type: 'AD_RECONCILE',
      status: 'CHECKING',
      statusLabel: AD_RECONCILE_STATUS_LABELS.CHECKING,
      agencyId: actor.agencyId,
      applicantUserId: actor.id,
      applicantAccount: actor.account,
      applicantName: actor.name,
      summary: { scope: 'ALL' },
    },
  );
  if (!claimed.claimed) {
    throw fail('CONFLICT', '已有進行中的同步比對，請至該比對查看進度', undefined, {
      openRequest: { workflowId: claimed.openWorkflowId, url: reconcileUrl(claimed.openWorkflowId) },
    });
  }
  const waiting = await prisma.request.findMany({
    where: { type: 'AD_RECONCILE', workflowId: { startsWith: AD_RECONCILE_PREFIX, not: workflowId }, status: 'REVIEW' },
    select: { workflowId: true },
  });
  for (const old of waiting) {
    await temporal.client.workflow
      .getHandle(old.workflowId)
      .signal(closeReconcileSignal, { reason: '已由新的比對取代，比對結束' })
      .catch(() => undefined);
  }
  await start(deps, workflowId, () =>
    temporal.client.workflow.start(adReconcile, {
      taskQueue: temporal.settings.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'FAIL',
      args: [{ startedBy: actorOf(actor), agencyCode: agency?.code ?? '' }],
      typedSearchAttributes: requestSearchAttributes({
        requestType: 'AD_RECONCILE',
        agencyCode: agency?.code ?? '',
        applicantAccount: actor.account,
        status: 'CHECKING',
      }),
    }),
  );
  return { workflowId, requestUrl: reconcileUrl(workflowId), temporalUrl: temporal.workflowUrl(workflowId) };
}

/** 修復 / 修復全部: handed to the run, which repairs from fresh state and records each result. */
export async function repairAdDrifts(deps: AdSyncDeps, actor: Actor | undefined, workflowId: string, driftIds?: string[]) {
  authorize(actor, 'adSync.run');
  const handle = deps.temporal.client.workflow.getHandle(workflowId);
  try {
    return await handle.executeUpdate(repairDriftsUpdate, { args: [{ driftIds, actor: actorOf(actor) }] });
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw fail('CONFLICT', '此比對已結束，請重新比對');
    if (error instanceof WorkflowUpdateFailedError) {
      throw fail('CONFLICT', (error.cause as { message?: string } | undefined)?.message ?? '此比對目前無法修復');
    }
    throw error;
  }
}

/** 帳號同步狀態 › 重新同步: one account's database view pushed to AD (refused while one is running for it). */
export async function startUserAdSync(deps: AdSyncDeps, actor: Actor | undefined, userId: string) {
  authorize(actor, 'adSync.run');
  const { prisma, temporal } = deps;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, account: true, name: true, organizationId: true },
  });
  if (!user) throw fail('NOT_FOUND', '找不到此帳號。');
  const agency = await agencyOf(prisma, user.organizationId);
  const workflowId = userAdSyncWorkflowId(user.id, stamp());
  const claimed = await claim(
    prisma,
    `user-ad-sync-${user.id}`,
    { prefix: USER_SYNC_PREFIX, statuses: ['SYNCING'], applicantUserId: user.id },
    {
      workflowId,
      type: 'AD_RECONCILE',
      status: 'SYNCING',
      statusLabel: USER_AD_SYNC_STATUS_LABELS.SYNCING,
      agencyId: agency.agencyId,
      applicantUserId: user.id,
      applicantAccount: user.account,
      applicantName: user.name,
      summary: { scope: 'USER', userId: user.id },
    },
  );
  if (!claimed.claimed) {
    throw fail('CONFLICT', '此帳號已有進行中的重新同步，請至該作業查看進度', undefined, {
      openRequest: { workflowId: claimed.openWorkflowId, url: userSyncUrl(claimed.openWorkflowId) },
    });
  }
  await start(deps, workflowId, () =>
    temporal.client.workflow.start(userAdSync, {
      taskQueue: temporal.settings.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'FAIL',
      args: [{ userId: user.id, actor: actorOf(actor) }],
      typedSearchAttributes: requestSearchAttributes({
        requestType: 'AD_RECONCILE',
        agencyCode: agency.agencyCode,
        applicantAccount: user.account,
        status: 'SYNCING',
      }),
    }),
  );
  return { workflowId, requestUrl: userSyncUrl(workflowId), temporalUrl: temporal.workflowUrl(workflowId) };
}
