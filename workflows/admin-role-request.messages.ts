import type { DecisionActor, DecisionInput } from '../domain/requests/decision';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AdminRoleRequestStatus } from '../domain/requests/admin-role-request';
export {
  ADMIN_ROLE_REQUEST_TYPE_LABEL,
  ADMIN_ROLE_STATUS_LABELS,
  type AdminRoleRequestStatus,
} from '../domain/requests/admin-role-request';

/** 機關管理者申請 / 權限異動申請: what the workflow takes, the decisions it accepts and what it reports. */
export const ADMIN_ROLE_REQUEST_PREFIX = 'admin-role-request-';
export const adminRoleRequestWorkflowId = (key: string) => `${ADMIN_ROLE_REQUEST_PREFIX}${key}`;

export interface AdminRoleRequestInput {
  /** The requester; their agency is the one they will administer. */
  userId: string;
  /** 申請原因 / 備註 as typed (no personal identifiers asked for). */
  reason: string;
}

export type AdminRoleDecideInput = DecisionInput;

export interface AdminRoleRequestState {
  status: AdminRoleRequestStatus;
  decidedBy?: DecisionActor & { at: string };
}

export const decideAdminRoleUpdate = defineUpdate<AdminRoleRequestState, [AdminRoleDecideInput]>('decide');
export const getAdminRoleRequestStateQuery = defineQuery<AdminRoleRequestState>('getAdminRoleRequestState');
