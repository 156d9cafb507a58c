/** AD 同步管理作業 (比對 and 個別同步): statuses, drift kinds and progress, as the workflows record them and the console shows them. */
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

export type UserAdSyncStatus = 'SYNCING' | 'SYNCED' | 'FAILED';

export const USER_AD_SYNC_STATUS_LABELS: Record<UserAdSyncStatus, string> = {
  SYNCING: '同步中',
  SYNCED: '已同步',
  FAILED: '同步失敗',
};

export interface UserAdSyncResult {
  status: UserAdSyncStatus;
  fixed: { kind: AdDriftKindCode; field: string }[];
  failed: { kind: AdDriftKindCode; field: string; error: string }[];
}
