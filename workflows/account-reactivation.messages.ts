import type { DecisionActor, DecisionInput } from '../domain/requests/decision';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ReactivationStatus } from '../domain/requests/account-reactivation';
export {
  REACTIVATION_REQUEST_TYPE_LABEL,
  REACTIVATION_STATUS_LABELS,
  OPEN_REACTIVATION_STATUSES,
  ACTIVATION_TARGET_STATUSES,
  type ReactivationChanges,
  type ReactivationStatus,
} from '../domain/requests/account-reactivation';

/** 個人帳號復用: what the workflow takes, the decisions it accepts and what it reports. */
export const ACCOUNT_REACTIVATION_PREFIX = 'account-reactivation-';
/** One run per request: a user may be disabled and reactivated more than once. */
export const accountReactivationWorkflowId = (userId: string, stamp: string) =>
  `${ACCOUNT_REACTIVATION_PREFIX}${userId}-${stamp}`;

export interface AccountReactivationInput {
  /** The disabled user; the requested changes are read from the request row the API recorded. */
  userId: string;
}

export type ReactivationDecideInput = DecisionInput;

export interface ReactivationState {
  status: ReactivationStatus;
  decidedBy?: DecisionActor & { at: string };
}

/** The approver's decision: the validator refuses a decided request, a reject without comment, one's own. */
export const decideReactivationUpdate = defineUpdate<ReactivationState, [ReactivationDecideInput]>('decide');
export const getReactivationStateQuery = defineQuery<ReactivationState>('getReactivationState');
