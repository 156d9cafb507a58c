import type { DecisionActor, DecisionInput } from '../domain/requests/decision';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ApplicationChanges, ApplicationStatus } from '../domain/requests/account-application';

/** 個人帳號申請: what the workflow takes, the decisions it accepts and what it reports. */
export const accountApplicationWorkflowId = (applicationId: string) => `account-application-${applicationId}`;

export {
  APPLICATION_STATUS_EXPLANATIONS,
  APPLICATION_STATUS_LABELS,
  type ApplicationChanges,
  type ApplicationStatus,
} from '../domain/requests/account-application';

export interface AccountApplicationInput {
  applicationId: string;
}

export interface DecideInput extends DecisionInput {
  /** 是否核發公務郵件: the approver's decision (defaults to what the applicant asked for). */
  grantOfficialMail?: boolean;
}

export interface AmendInput {
  /** The validated new values (no ID number or backup e-mail: those cannot change). */
  changes: ApplicationChanges;
  changedFields: string[];
}

export interface ActivatedInput {
  userId: string;
  /** SecretBox id holding the new password for AD; the password itself never enters the history. */
  passwordRef: string;
}

export interface ApplicationState {
  status: ApplicationStatus;
  escalated: boolean;
  decidedBy?: DecisionActor & { at: string };
}

/** Decisions: the validator refuses what the current state does not allow, with a zh-TW reason. */
export const decideUpdate = defineUpdate<ApplicationState, [DecideInput]>('decide');
/** The applicant's amendment (already validated and stored by the API); refused once decided. */
export const amendUpdate = defineUpdate<ApplicationState, [AmendInput]>('amend');
/** The applicant has set a password (開通帳號). */
export const activatedSignal = defineSignal<[ActivatedInput]>('activated');
export const getApplicationStateQuery = defineQuery<ApplicationState>('getApplicationState');
