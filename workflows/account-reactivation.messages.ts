import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** 個人帳號復用: what the workflow takes, the decisions it accepts and what it reports. */
export const ACCOUNT_REACTIVATION_PREFIX = 'account-reactivation-';
/** One run per request: a user may be disabled and reactivated more than once. */
export const accountReactivationWorkflowId = (userId: string, stamp: string) =>
  `${ACCOUNT_REACTIVATION_PREFIX}${userId}-${stamp}`;
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

/** The 帳號復用申請表單 as stored in the request's summary (no secret, no ID number). */
export interface ReactivationChanges {
  organizationId: string;
  title: string;
  officePhone: string | null;
  officeExt: string | null;
}

export interface AccountReactivationInput {
  /** The disabled user; the requested changes are read from the request row the API recorded. */
  userId: string;
}

export interface ReactivationActor {
  userId: string;
  account: string;
  name: string;
}

export interface ReactivationDecideInput {
  decision: 'APPROVE' | 'REJECT';
  actor: ReactivationActor;
  comment?: string;
}

export interface ReactivationState {
  status: ReactivationStatus;
  decidedBy?: ReactivationActor & { at: string };
}

/** The approver's decision: the validator refuses a decided request, a reject without comment, one's own. */
export const decideReactivationUpdate = defineUpdate<ReactivationState, [ReactivationDecideInput]>('decide');
export const getReactivationStateQuery = defineQuery<ReactivationState>('getReactivationState');
