/** 個人帳號復用: the requested changes, the type label and the statuses, shared by workflow, activities and API. */
/** The 帳號復用申請表單 as stored in the request's summary (no secret, no ID number). */
export interface ReactivationChanges {
  organizationId: string;
  title: string;
  officePhone: string | null;
  officeExt: string | null;
}

export const REACTIVATION_REQUEST_TYPE_LABEL = '個人帳號復用';

export type ReactivationStatus =
  'PENDING' | 'MOVING_AD' | 'AWAITING_ACTIVATION' | 'ENABLING_AD' | 'ACTIVE' | 'REJECTED' | 'EXPIRED';

export const REACTIVATION_STATUS_LABELS: Record<ReactivationStatus, string> = {
  PENDING: '待機關管理者審核',
  MOVING_AD: '已核准，AD 帳號移轉中',
  AWAITING_ACTIVATION: '已核准，待開通帳號',
  ENABLING_AD: '已開通，AD 帳號啟用中',
  ACTIVE: '已開通（帳號已復用）',
  REJECTED: '已駁回',
  EXPIRED: '逾期未審核（已失效）',
};

/** Statuses in which the request is still open: a second 復用 of the same account is refused meanwhile. */
export const OPEN_REACTIVATION_STATUSES: ReactivationStatus[] = ['PENDING', 'MOVING_AD', 'AWAITING_ACTIVATION', 'ENABLING_AD'];

/** Statuses in which 開通帳號 hands the new password to this workflow (not to the old application's). */
export const ACTIVATION_TARGET_STATUSES: ReactivationStatus[] = ['MOVING_AD', 'AWAITING_ACTIVATION'];
