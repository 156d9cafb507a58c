import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PrecheckProblem } from '../domain/account-prechecks';
import type { DecisionActor, DecisionInput } from '../domain/requests/decision';
import type { AgencyChangeStatus } from '../domain/requests/agency-change';
export {
  AGENCY_CHANGE_TYPE_LABEL,
  AGENCY_CHANGE_STATUS_LABELS,
  PENDING_AD_DISABLING_LABEL,
  OPEN_AGENCY_CHANGE_STATUSES,
  type AgencyChangeStatus,
} from '../domain/requests/agency-change';

/** 機關(單位)異動 (手冊 圖 14): what the `agencyChange` workflow takes, the decisions it accepts and what it reports. */
export const AGENCY_CHANGE_PREFIX = 'agency-change-';
/** One run per request: a user may change units again later. */
export const agencyChangeWorkflowId = (userId: string, stamp: string) => `${AGENCY_CHANGE_PREFIX}${userId}-${stamp}`;
/** Why the account is disabled while the request waits (shown in 帳號管理 and the login records). */
export const AGENCY_CHANGE_DISABLED_REASON = '機關(單位)異動審核中';

export interface AgencyChangeInput {
  userId: string;
  /** The new unit (Organization id). */
  organizationId: string;
  /** 說明 as typed by the user (optional). */
  reason?: string;
}

export type AgencyChangeDecideInput = DecisionInput;

export interface AgencyChangeState {
  status: AgencyChangeStatus;
  problems: PrecheckProblem[];
  decidedBy?: DecisionActor & { at: string };
}

export const decideAgencyChangeUpdate = defineUpdate<AgencyChangeState, [AgencyChangeDecideInput]>('decide');
export const getAgencyChangeStateQuery = defineQuery<AgencyChangeState>('getAgencyChangeState');
