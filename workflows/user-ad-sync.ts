import { db, STEP } from './activity-options';
import { ActivityFailure, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { AdSyncActivities } from '../activities/ad-sync';
import type { createAccountLifecycleActivities } from '../activities/account-lifecycle';
import {
  AD_DRIFT_KIND_LABELS,
  getUserAdSyncStateQuery,
  USER_AD_SYNC_STATUS_LABELS,
  type UserAdSyncInput,
  type UserAdSyncResult,
  type UserAdSyncStatus,
} from './ad-reconcile.messages';
import { requestTimeline } from './request-timeline';
import { requestSearchAttributes } from './search-attributes';

type Life = ReturnType<typeof createAccountLifecycleActivities>;

const life = proxyActivities<Life>(STEP);
// AD may be down for a while: keep trying (the account shows 待同步) until it answers.
const sync = proxyActivities<AdSyncActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const fieldText = (f: { kind: keyof typeof AD_DRIFT_KIND_LABELS; field: string }) =>
  `${AD_DRIFT_KIND_LABELS[f.kind]}${f.kind === 'ATTRIBUTE_MISMATCH' || f.kind === 'ADMIN_GROUP_MISMATCH' ? ` ${f.field}` : ''}`;

/**
 * 帳號同步狀態 › 重新同步: pushes the database's view of one user to AD (account, 啟用/停用, OU,
 * attributes, 機關管理者群組) and leaves the user 已同步 or 同步失敗 with the reason.
 */
export async function userAdSync(input: UserAdSyncInput): Promise<UserAdSyncResult> {
  const { workflowId } = workflowInfo();
  const state: { status: UserAdSyncStatus } = { status: 'SYNCING' };
  setHandler(getUserAdSyncStateQuery, () => state);
  const timeline = requestTimeline({
    workflowId,
    labels: USER_AD_SYNC_STATUS_LABELS,
    state,
    appendRequestEvent: db.appendRequestEvent,
  });
  /** What the system found, after the request the operator made. */
  const event = (kind: string, label: string, status: UserAdSyncStatus, data: Record<string, unknown> = {}) =>
    timeline.event(kind, label, { data, actorName: '系統', status });

  const account = await life.loadAccount({ userId: input.userId });
  upsertSearchAttributes(
    requestSearchAttributes({
      requestType: 'AD_RECONCILE',
      agencyCode: account.agencyCode,
      applicantAccount: account.account,
      status: 'SYNCING',
    }),
  );
  await db.recordRequest({
    workflowId,
    type: 'AD_RECONCILE',
    status: 'SYNCING',
    statusLabel: USER_AD_SYNC_STATUS_LABELS.SYNCING,
    agencyId: account.agencyId,
    applicantUserId: account.userId,
    applicantAccount: account.account,
    applicantName: account.name,
    summary: { scope: 'USER', userId: account.userId, requestedBy: input.actor.name },
  });
  await timeline.event('REQUESTED', `${input.actor.name} 要求重新同步 ${account.account} 至 AD`, {
    actorUserId: input.actor.userId,
    actorName: input.actor.name,
  });
  await sync.markAdSyncPending({ userId: input.userId });

  let result: Omit<UserAdSyncResult, 'status'>;
  try {
    result = await sync.syncUserToAd({ userId: input.userId });
  } catch (error) {
    // Only a refusal gets here (an outage is retried until AD answers): show AD's reason.
    const message = (error instanceof ActivityFailure && error.cause ? error.cause : (error as Error)).message;
    await event('FAILED', `同步失敗：${message}`, 'FAILED');
    return { status: 'FAILED', fixed: [], failed: [] };
  }
  const fixedText = result.fixed.map(fieldText).join('、');
  if (result.failed.length) {
    await event(
      'FAILED',
      `同步失敗：${result.failed.map((f) => `${fieldText(f)}（${f.error}）`).join('、')}${fixedText ? `；已修正 ${fixedText}` : ''}`,
      'FAILED',
      { fixed: result.fixed, failed: result.failed.map(({ kind, field }) => ({ kind, field })) },
    );
    return { status: 'FAILED', ...result };
  }
  await event('SYNCED', fixedText ? `已同步至 AD（修正：${fixedText}）` : 'AD 與入口網一致，無需修正', 'SYNCED', {
    fixed: result.fixed,
  });
  return { status: 'SYNCED', ...result };
}
