import { db } from './activity-options';
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { AdSyncActivities } from '../activities/ad-sync';
import {
  AD_RECONCILE_STATUS_LABELS,
  closeReconcileSignal,
  getReconcileStateQuery,
  repairDriftsUpdate,
  type AdReconcileInput,
  type AdReconcileState,
  type AdReconcileStatus,
  type ReconcileActor,
  type ReconcileProgress,
  type RepairRequest,
} from './ad-reconcile.messages';
import { requestTimeline, type TimelineExtra } from './request-timeline';
import { requestSearchAttributes } from './search-attributes';

// AD may be down for a while: a batch or a repair waits (the run shows 比對中 / 修復中) until it answers.
const sync = proxyActivities<AdSyncActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const DEFAULT_BATCH = 200;
const DEFAULT_REVIEW_SECONDS = 7 * 24 * 3600;
/** Batches per run before continueAsNew: ~6 events each keeps a history far below Temporal's limits. */
const BATCHES_PER_RUN = 100;
const SELECTED_CHUNK = 100;

const emptyProgress = (): ReconcileProgress => ({ total: 0, checked: 0, drifts: 0, unmanaged: 0, repaired: 0, repairFailed: 0 });

/**
 * AD 同步管理作業 › 同步比對: pages through every portal account (the master) in batches, compares it
 * with AD and records the drift; then waits for 修復 (selected rows or all), each done from fresh state
 * and recorded on the drift row and the timeline. Accounts in AD the portal does not manage are only listed.
 */
export async function adReconcile(input: AdReconcileInput): Promise<AdReconcileState> {
  const { workflowId } = workflowInfo();
  const batchSize = input.batchSize ?? DEFAULT_BATCH;
  const state: AdReconcileState = { status: 'CHECKING', progress: input.resume?.progress ?? emptyProgress() };
  const { progress } = state;
  const queue: RepairRequest[] = [];
  let closedBecause: string | null = null;

  setHandler(getReconcileStateQuery, () => state);
  setHandler(
    repairDriftsUpdate,
    (request) => {
      queue.push(request);
      return { queued: request.driftIds?.length ?? ('ALL' as const) };
    },
    {
      validator: (request) => {
        if (state.status === 'CHECKING') throw new Error('比對尚未完成，請待比對完成後再修復');
        if (state.status === 'CLOSED') throw new Error('此比對已結束，請重新比對');
        if (request.driftIds && (request.driftIds.length === 0 || request.driftIds.length > 500)) {
          throw new Error('請選擇 1 至 500 筆差異');
        }
      },
    },
  );
  setHandler(closeReconcileSignal, ({ reason }) => {
    closedBecause = reason;
  });

  const record = () =>
    db.recordRequest({
      workflowId,
      type: 'AD_RECONCILE',
      status: 'CHECKING',
      statusLabel: AD_RECONCILE_STATUS_LABELS.CHECKING,
      agencyCode: input.agencyCode || null,
      applicantUserId: input.startedBy.userId,
      applicantAccount: input.startedBy.account,
      applicantName: input.startedBy.name,
      summary: { scope: 'ALL', progress: { ...progress } },
    });
  const timeline = requestTimeline({
    workflowId,
    labels: AD_RECONCILE_STATUS_LABELS,
    state,
    appendRequestEvent: db.appendRequestEvent,
    seq: input.resume?.seq,
  });
  /** Events without an operator are the system's (the batches, the review period running out). */
  const event = (
    kind: string,
    label: string,
    { actor, ...extra }: Omit<TimelineExtra<AdReconcileStatus>, 'actorUserId' | 'actorName'> & { actor?: ReconcileActor } = {},
  ) => timeline.event(kind, label, { ...extra, actorUserId: actor?.userId, actorName: actor ? actor.name : '系統' });

  if (!input.resume) {
    upsertSearchAttributes(
      requestSearchAttributes({
        requestType: 'AD_RECONCILE',
        agencyCode: input.agencyCode,
        applicantAccount: input.startedBy.account,
        status: 'CHECKING',
      }),
    );
    await record();
    await event('REQUESTED', `${input.startedBy.name} 開始比對`, { actor: input.startedBy });
    progress.total = (await sync.countReconcileUsers()).total;
    await record();
  }

  let cursor = input.resume?.cursor ?? null;
  for (let batches = 1; ; batches++) {
    const batch = await sync.reconcileBatch({ workflowId, cursor, batchSize, progress: { ...progress } });
    progress.checked += batch.checked;
    progress.drifts += batch.drifts;
    progress.total = Math.max(progress.total, progress.checked);
    if (batch.checked < batchSize || !batch.cursor) break;
    cursor = batch.cursor;
    if (batches >= BATCHES_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof adReconcile>({ ...input, resume: { cursor, progress: { ...progress }, seq: timeline.seq() } });
    }
  }
  progress.unmanaged = (await sync.recordUnmanagedAccounts({ workflowId })).unmanaged;
  // Runs started before this step existed replay without it.
  if (patched('admin-group-outsiders')) {
    progress.adminGroupOutsiders = (await sync.recordAdminGroupOutsiders({ workflowId })).outsiders;
  }
  await record();
  const reviewLabel = () =>
    progress.drifts === 0 ? '比對完成（無差異）' : `比對完成（差異 ${progress.drifts - progress.repaired} 筆待修復）`;
  await event('CHECKED', `比對完成：已檢查 ${progress.checked} 個帳號，發現 ${progress.drifts} 筆差異`, {
    status: 'REVIEW',
    statusLabel: reviewLabel(),
    data: { checked: progress.checked, drifts: progress.drifts },
  });
  if (progress.unmanaged > 0) {
    await event('UNMANAGED', `AD 中有 ${progress.unmanaged} 個入口網未管理的帳號（僅列出，不會自動刪除）`, {
      data: { unmanaged: progress.unmanaged },
    });
  }
  if (progress.adminGroupOutsiders) {
    await event(
      'ADMIN_GROUP_OUTSIDERS',
      `AD 機關管理者群組中有 ${progress.adminGroupOutsiders} 個入口網未管理的成員（僅列出，不會自動移出）`,
      { data: { adminGroupOutsiders: progress.adminGroupOutsiders } },
    );
  }

  const reviewMs = (input.reviewSeconds ?? DEFAULT_REVIEW_SECONDS) * 1000;
  while (await condition(() => queue.length > 0 || closedBecause !== null, reviewMs)) {
    const request = queue.shift();
    if (!request) break; // closed
    const { actor } = request;
    await event(
      'REPAIR_REQUESTED',
      `${actor.name} 要求修復${request.driftIds ? ` ${request.driftIds.length} 筆差異` : '全部差異'}`,
      {
        status: 'REPAIRING',
        actor,
        data: { count: request.driftIds?.length ?? null },
      },
    );
    let repaired = 0;
    let failed = 0;
    if (request.driftIds) {
      for (let i = 0; i < request.driftIds.length; i += SELECTED_CHUNK) {
        const r = await sync.repairDrifts({ workflowId, driftIds: request.driftIds.slice(i, i + SELECTED_CHUNK), actor });
        repaired += r.repaired;
        failed += r.failed;
      }
    } else {
      let afterId: string | null = null;
      do {
        const r: Awaited<ReturnType<AdSyncActivities['repairDrifts']>> = await sync.repairDrifts({ workflowId, afterId, actor });
        repaired += r.repaired;
        failed += r.failed;
        afterId = r.lastId;
      } while (afterId);
    }
    progress.repaired += repaired;
    progress.repairFailed += failed;
    await record();
    await event('REPAIRED', `修復完成：成功 ${repaired} 筆${failed ? `、失敗 ${failed} 筆（原因見差異清單）` : ''}`, {
      status: 'REVIEW',
      statusLabel: reviewLabel(),
      actor,
      data: { repaired, failed },
    });
  }
  await event('CLOSED', closedBecause ?? '修復期限已過，比對結束', { status: 'CLOSED' });
  await condition(allHandlersFinished);
  return state;
}
