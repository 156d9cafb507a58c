import { defineQuery } from '@temporalio/workflow';
import type { PrecheckProblem } from '../domain/account-prechecks';
import type { DisableStatus } from '../domain/requests/account-disable';
export { DISABLE_STATUS_LABELS, OPEN_DISABLE_STATUSES, type DisableStatus } from '../domain/requests/account-disable';

/** 停用 (手動停用) and 閒置停用: one workflow, `accountDisable`; the daily `idleDisable` starts it per idle account. */
export type DisableKind = 'MANUAL' | 'IDLE';

/** One run per disable request (the read model is keyed by workflow ID; a user may be disabled again after 復用). */
export const accountDisableWorkflowId = (kind: DisableKind, userId: string, stamp: string) =>
  `${kind === 'IDLE' ? 'idle-disable' : 'account-disable'}-${userId}-${stamp}`;

export const REQUEST_TYPE_OF: Record<DisableKind, 'ACCOUNT_DISABLE' | 'IDLE_DISABLE'> = {
  MANUAL: 'ACCOUNT_DISABLE',
  IDLE: 'IDLE_DISABLE',
};
export const DISABLE_KIND_LABEL: Record<DisableKind, string> = { MANUAL: '手動停用', IDLE: '閒置停用' };

export interface DisableActor {
  userId: string;
  account: string;
  name: string;
}

export interface AccountDisableInput {
  userId: string;
  kind: DisableKind;
  /** 停用原因 (離職、退休、留職停薪、其他…; 閒置停用: the idle period). */
  reason: string;
  /** Who asked (an agency or system admin); none for 閒置停用 (the system). */
  actor?: DisableActor;
}

export interface AccountDisableState {
  status: DisableStatus;
  problems: PrecheckProblem[];
}

export const getDisableStateQuery = defineQuery<AccountDisableState>('getDisableState');

/** 閒置停用 (daily, by a Temporal Schedule). */
export const IDLE_DISABLE_SCHEDULE_ID = 'idle-disable-daily';

export interface IdleDisableResult {
  warned: string[];
  disabling: string[];
  blocked: string[];
  skipped: string[];
}
