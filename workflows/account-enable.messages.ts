import { defineQuery } from '@temporalio/workflow';

/**
 * 帳號管理 › 啟用 (a disabled account back in use with its password) and › 重設為待開通 (the password
 * forgotten; the user runs 開通帳號 again): one workflow, `accountEnable`, one run per request.
 */
export type EnableKind = 'ENABLE' | 'RESET_ACTIVATION';

export const accountEnableWorkflowId = (kind: EnableKind, userId: string, stamp: string) =>
  `${kind === 'ENABLE' ? 'account-enable' : 'account-reset'}-${userId}-${stamp}`;

export const ENABLE_KIND_LABEL: Record<EnableKind, string> = { ENABLE: '啟用', RESET_ACTIVATION: '重設為待開通' };

export type EnableStatus =
  'ENABLING_AD' | 'ENABLED' | 'RESETTING_AD' | 'AWAITING_ACTIVATION' | 'ACTIVATING_AD' | 'ACTIVATED' | 'EXPIRED';

export const ENABLE_STATUS_LABELS: Record<EnableStatus, string> = {
  ENABLING_AD: '已啟用（AD 啟用中）',
  ENABLED: '已啟用',
  RESETTING_AD: '已重設為待開通（AD 停用中）',
  AWAITING_ACTIVATION: '待使用者開通帳號',
  ACTIVATING_AD: '已開通（AD 同步中）',
  ACTIVATED: '已開通',
  EXPIRED: '逾期未開通（帳號仍為待開通）',
};

/** Still in progress: another 啟用 / 重設 of the same account is refused meanwhile (with a link). */
export const OPEN_ENABLE_STATUSES: EnableStatus[] = ['ENABLING_AD', 'RESETTING_AD', 'AWAITING_ACTIVATION', 'ACTIVATING_AD'];

/** How long a reset waits for 開通帳號 before the request ends (the account stays 待開通; reset again). */
export const ACTIVATION_WAIT = '30 days';

export interface AccountEnableInput {
  userId: string;
  kind: EnableKind;
  reason: string;
  actor: { userId: string; account: string; name: string };
}

export interface AccountEnableState {
  status: EnableStatus;
}

export const getEnableStateQuery = defineQuery<AccountEnableState>('getEnableState');
