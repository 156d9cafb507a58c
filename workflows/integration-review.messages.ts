import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DecisionActor, DecisionInput } from '../domain/requests/decision';
import {
  INTEGRATION_REVIEW_PREFIX,
  type ApplicationStatus,
  type IntegrationActionCode,
  type ServiceKind,
} from '../domain/integrations/services';
export { APPLICATION_STATUS_LABELS, INTEGRATION_REVIEW_PREFIX } from '../domain/integrations/services';

/**
 * 應用系統服務介接申請 (申請 / 更換金鑰 / 停用 of one service of one 應用系統): what the workflow takes, the
 * decisions it accepts (核准 / 駁回 / 退回補正), the applicant's 補正 and what it reports. The form itself
 * stays in the database (IntegrationApplication.form): the workflow carries ids, never a secret.
 */
export const integrationReviewWorkflowId = (key: string) => `${INTEGRATION_REVIEW_PREFIX}${key}`;

export interface IntegrationReviewInput {
  /** IntegrationApplication.id and .key (申請單號). */
  applicationId: string;
  key: string;
  systemId: string;
  serviceId: string;
  kind: ServiceKind;
  action: IntegrationActionCode;
  applicantUserId: string;
}

/** 核准 / 駁回 / 退回補正; a comment is required to reject or return. */
export type IntegrationDecision = 'APPROVE' | 'REJECT' | 'RETURN';
export type IntegrationDecideInput = DecisionInput<IntegrationDecision>;

/** The request's kind in the manual's words (mails, the timeline, 帳號使用紀錄). */
export const INTEGRATION_REQUEST_TYPE_LABEL = '應用系統服務介接申請';

/** The applicant corrected the form (already validated and saved as the new revision by the API). */
export interface IntegrationResubmitInput {
  userId: string;
  /** The applicant's name, as the timeline's 補正送出 row shows it. */
  name: string;
  revision: number;
}

export interface IntegrationReviewState {
  status: ApplicationStatus;
  revision: number;
  decidedBy?: DecisionActor & { at: string };
  /** Once approved: the issued client's id (client_id), and the reveal row holding its secret once. */
  clientId?: string;
  revealId?: string;
}

export const decideIntegrationUpdate = defineUpdate<IntegrationReviewState, [IntegrationDecideInput]>('decide');
export const resubmitIntegrationUpdate = defineUpdate<IntegrationReviewState, [IntegrationResubmitInput]>('resubmit');
export const getIntegrationReviewStateQuery = defineQuery<IntegrationReviewState>('getIntegrationReviewState');
