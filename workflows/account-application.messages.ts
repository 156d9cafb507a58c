import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/** 個人帳號申請: what the workflow takes, the decisions it accepts and what it reports. */
export const accountApplicationWorkflowId = (applicationId: string) => `account-application-${applicationId}`;

export type ApplicationStatus = 'PENDING' | 'PROVISIONING' | 'AWAITING_ACTIVATION' | 'ACTIVE' | 'REJECTED' | 'EXPIRED';

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  PENDING: '待機關管理者審核',
  PROVISIONING: '帳號建立中',
  AWAITING_ACTIVATION: '待開通帳號',
  ACTIVE: '已開通',
  REJECTED: '已駁回',
  EXPIRED: '逾期未審核（已失效）',
};

export const APPLICATION_STATUS_EXPLANATIONS: Record<ApplicationStatus, string> = {
  PENDING: '您的申請已送出，正等待所屬機關的機關管理者審核。審核前您可以使用「修改個人帳號申請內容」修改申請資料。',
  PROVISIONING: '您的申請已核准，系統正在建立您的帳號（含 AD 帳號），完成後會寄送開通帳號的說明到您的備用信箱。',
  AWAITING_ACTIVATION: '您的帳號已建立，請至單一帳號認證平台的「開通帳號」設定密碼後即可登入。',
  ACTIVE: '您的帳號已開通，可以使用個人帳號登入公務入口網。',
  REJECTED: '您的申請未獲核准，原因請見審核意見。如有疑問請洽所屬機關的機關管理者。',
  EXPIRED: '您的申請在期限內未經審核，已失效。如仍需帳號請重新申請，或洽所屬機關的機關管理者。',
};

export interface AccountApplicationInput {
  applicationId: string;
}

export interface Actor {
  userId: string;
  account: string;
  name: string;
}

export interface DecideInput {
  decision: 'APPROVE' | 'REJECT';
  actor: Actor;
  comment?: string;
  /** 是否核發公務郵件: the approver's decision (defaults to what the applicant asked for). */
  grantOfficialMail?: boolean;
}

export interface ApplicationChanges {
  account: string;
  needOfficialMail: boolean;
  name: string;
  organizationId: string;
  title: string;
  officePhone: string;
  officeExt: string | null;
  remark: string | null;
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
  decidedBy?: Actor & { at: string };
}

/** Decisions: the validator refuses what the current state does not allow, with a zh-TW reason. */
export const decideUpdate = defineUpdate<ApplicationState, [DecideInput]>('decide');
/** The applicant's amendment (already validated and stored by the API); refused once decided. */
export const amendUpdate = defineUpdate<ApplicationState, [AmendInput]>('amend');
/** The applicant has set a password (開通帳號). */
export const activatedSignal = defineSignal<[ActivatedInput]>('activated');
export const getApplicationStateQuery = defineQuery<ApplicationState>('getApplicationState');
