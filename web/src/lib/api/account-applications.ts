// Response shapes of 個人帳號申請 → 審核 → 開通 (docs/api/account-application.md).
import type { AccountAmendment, AccountApplication } from '../../../../domain/schemas/account-application';
import type { ApplicationStatus } from '../../../../domain/requests/account-application';

/** What a backup-e-mail verification (and its token) is for. */
export type VerificationPurpose = 'APPLY' | 'AMEND' | 'STATUS' | 'ACTIVATE' | 'RESET_PASSWORD' | 'ADMIN_LOOKUP' | 'REACTIVATE';

/** POST /api/captcha: an image captcha as SVG markup, valid 5 minutes, single use. */
export interface Captcha {
  id: string;
  svg: string;
}

/** POST /api/verifications/email (201). */
export interface EmailVerificationStarted {
  verificationId: string;
  email: string;
  expiresAt: string;
  /** When 重新發送驗證碼 may be used: an instant (ISO) — seconds from now are tolerated too. */
  resendAfter: string | number;
}

/** POST /api/verifications/email/:id/confirm: the token for X-Verification-Token, valid 30 minutes. */
export interface VerificationToken {
  token: string;
  expiresAt: string;
  /** 開通帳號 only: the account being activated. */
  account?: string;
}

export type OrganizationKind = 'CITY_HALL_UNIT' | 'EXTERNAL_AGENCY' | 'DISTRICT_OFFICE' | 'SECOND_LEVEL_AGENCY' | 'SECTION';

/** One row of GET /api/organizations: the whole active tree, parents first. */
export interface OrganizationItem {
  code: string;
  name: string;
  kind: OrganizationKind;
  parentCode: string | null;
  hasChildren: boolean;
}

export interface AccountAvailability {
  available: boolean;
  message: string;
}

export type AccountApplicationStatus = ApplicationStatus;

export interface ApplicationEvent {
  seq: number;
  kind: string;
  label: string;
  actorName: string | null;
  comment: string | null;
  at: string;
}

/** GET /api/account-applications/:id/status */
export interface ApplicationStatusView {
  id: string;
  account: string;
  name: string;
  organization: { code: string; pathLabel: string };
  status: AccountApplicationStatus;
  statusLabel: string;
  statusExplanation: string;
  submittedAt: string;
  canAmend: boolean;
  events: ApplicationEvent[];
}

/** The form fields the API answers with (national ID masked). */
export interface ApplicationFormFields {
  nationalId: string;
  needOfficialMail: boolean;
  title: string;
  officePhone: string;
  officeExt: string | null;
  remark: string | null;
  backupEmail?: string;
}

/** One item of GET /api/account-applications/mine. */
export type MyApplication = ApplicationStatusView & ApplicationFormFields;

/** POST /api/account-applications (201). */
export interface SubmittedApplication {
  id: string;
  status: AccountApplicationStatus;
  statusLabel: string;
  statusUrl: string;
}

/** Bodies: the outputs of the shared zod schemas. */
export type ApplicationBody = AccountApplication;
export type AmendmentBody = AccountAmendment;

/** POST /api/activation */
export interface ActivationResult {
  account: string;
}

// ---- 管理主控台 › 帳號管理 › 帳號申請審核 ----

export type ReviewStatusFilter = 'PENDING' | 'DECIDED' | 'ALL';

export interface ReviewListItem {
  id: string;
  account: string;
  name: string;
  agency: { code: string; name: string };
  organizationPath: string;
  submittedAt: string;
  status: AccountApplicationStatus;
  statusLabel: string;
  escalated: boolean;
}

export interface ReviewList {
  items: ReviewListItem[];
  total: number;
}

export type ReviewAction = 'decide';

/** GET /api/console/account-applications/:id: the whole application (national ID masked). */
export interface ReviewDetail extends ApplicationFormFields {
  id: string;
  account: string;
  name: string;
  organization: { code: string; pathLabel: string };
  agency?: { code: string; name: string };
  status: AccountApplicationStatus;
  statusLabel: string;
  statusExplanation?: string;
  submittedAt: string;
  escalated?: boolean;
  officialMailGranted?: boolean | null;
  events: ApplicationEvent[];
  allowedActions: ReviewAction[];
  temporalUrl: string;
}

export type Decision = 'APPROVE' | 'REJECT';
/** A decision of one request: 核准 / 駁回, or 退回補正 where the process takes it (domain ReturnableDecisionKind). */
export type ReviewDecision = Decision | 'RETURN';

export interface DecisionBody {
  decision: Decision;
  comment?: string;
  grantOfficialMail?: boolean;
}

export interface BatchDecisionBody {
  ids: string[];
  decision: Decision;
  comment?: string;
}

export interface BatchDecisionResult {
  results: { id: string; ok: boolean; error?: string | { code?: string; message?: string } }[];
}
