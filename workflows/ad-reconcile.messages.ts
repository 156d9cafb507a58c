import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/** AD 同步管理作業 › 同步比對: one run compares every portal account with AD, lists the drift and repairs it on request. */
export const AD_RECONCILE_PREFIX = 'ad-reconcile-';
export const adReconcileWorkflowId = (stamp: string) => `${AD_RECONCILE_PREFIX}${stamp}`;

export type AdDriftKindCode =
  'MISSING_IN_AD' | 'ENABLED_MISMATCH' | 'OU_MISMATCH' | 'ATTRIBUTE_MISMATCH' | 'ADMIN_GROUP_MISMATCH' | 'UNMANAGED_IN_AD';

export const AD_DRIFT_KIND_LABELS: Record<AdDriftKindCode, string> = {
  MISSING_IN_AD: '帳號不存在於 AD',
  ENABLED_MISMATCH: '啟用狀態不一致',
  OU_MISMATCH: 'OU 不一致',
  ATTRIBUTE_MISMATCH: '屬性不一致',
  ADMIN_GROUP_MISMATCH: '機關管理者群組不一致',
  UNMANAGED_IN_AD: 'AD 中有入口網未管理的帳號',
};

export type AdReconcileStatus = 'CHECKING' | 'REVIEW' | 'REPAIRING' | 'CLOSED';

export const AD_RECONCILE_STATUS_LABELS: Record<AdReconcileStatus, string> = {
  CHECKING: '比對中',
  REVIEW: '比對完成',
  REPAIRING: '修復中',
  CLOSED: '已結束',
};
/** A run in these statuses blocks a new one (409 with a link to it). */
export const OPEN_RECONCILE_STATUSES: AdReconcileStatus[] = ['CHECKING', 'REPAIRING'];

export interface ReconcileActor {
  userId: string;
  account: string;
  name: string;
}

export interface ReconcileProgress {
  total: number;
  checked: number;
  /** Drift rows found for portal accounts. */
  drifts: number;
  /** Accounts under the root OU the portal does not manage (listed only). */
  unmanaged: number;
  /** Members of the portal's 機關管理者 groups that are no portal account (listed only); absent in runs before it was counted. */
  adminGroupOutsiders?: number;
  repaired: number;
  repairFailed: number;
}

export interface AdReconcileInput {
  startedBy: ReconcileActor;
  agencyCode: string;
  /** Users per batch (tests and the benchmark set it; default 200). */
  batchSize?: number;
  /** How long the run waits for 修復 after the last action before it ends (default 7 days). */
  reviewSeconds?: number;
  /** Set by continueAsNew: where the previous run stopped. */
  resume?: { cursor: string | null; progress: ReconcileProgress; seq: number };
}

export interface AdReconcileState {
  status: AdReconcileStatus;
  progress: ReconcileProgress;
}

export interface RepairRequest {
  /** The drift rows to repair; omitted = every unrepaired drift of the run (修復全部). */
  driftIds?: string[];
  actor: ReconcileActor;
}

export const getReconcileStateQuery = defineQuery<AdReconcileState>('getReconcileState');
/** Queues a repair; answers at once (the page follows the progress), refused while the run is still comparing or has ended. */
export const repairDriftsUpdate = defineUpdate<{ queued: number | 'ALL' }, [RepairRequest]>('repair');
/** A newer run replaces this one: stop waiting for repairs. */
export const closeReconcileSignal = defineSignal<[{ reason: string }]>('close');

/** 帳號同步狀態 › 重新同步: one user's database view pushed to AD. */
export const userAdSyncWorkflowId = (userId: string, stamp: string) => `user-ad-sync-${userId}-${stamp}`;
export type UserAdSyncStatus = 'SYNCING' | 'SYNCED' | 'FAILED';
export const USER_AD_SYNC_STATUS_LABELS: Record<UserAdSyncStatus, string> = {
  SYNCING: '同步中',
  SYNCED: '已同步',
  FAILED: '同步失敗',
};
export interface UserAdSyncInput {
  userId: string;
  actor: ReconcileActor;
}
export interface UserAdSyncResult {
  status: UserAdSyncStatus;
  fixed: { kind: AdDriftKindCode; field: string }[];
  failed: { kind: AdDriftKindCode; field: string; error: string }[];
}
export const getUserAdSyncStateQuery = defineQuery<{ status: UserAdSyncStatus }>('getUserAdSyncState');
