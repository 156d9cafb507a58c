import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AdReconcileStatus, ReconcileActor, ReconcileProgress, UserAdSyncStatus } from '../domain/requests/ad-reconcile';
export {
  AD_DRIFT_KIND_LABELS,
  AD_RECONCILE_STATUS_LABELS,
  OPEN_RECONCILE_STATUSES,
  USER_AD_SYNC_STATUS_LABELS,
  type AdDriftKindCode,
  type AdReconcileStatus,
  type ReconcileActor,
  type ReconcileProgress,
  type UserAdSyncStatus,
  type UserAdSyncResult,
} from '../domain/requests/ad-reconcile';

/** AD 同步管理作業 › 同步比對: one run compares every portal account with AD, lists the drift and repairs it on request. */
export const AD_RECONCILE_PREFIX = 'ad-reconcile-';
export const adReconcileWorkflowId = (stamp: string) => `${AD_RECONCILE_PREFIX}${stamp}`;

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
export interface UserAdSyncInput {
  userId: string;
  actor: ReconcileActor;
}
export const getUserAdSyncStateQuery = defineQuery<{ status: UserAdSyncStatus }>('getUserAdSyncState');
