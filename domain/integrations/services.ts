/**
 * 應用系統服務介接: the four services, their states and the words the manual uses for them.
 * Free of libraries: the workflow bundle, the API and the pages all import it.
 */

export const SERVICE_KINDS = ['SSO', 'VERIFY', 'REDIRECT', 'SMS'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** 介接服務狀態's rows, in the manual's order. */
export const SERVICE_LABELS: Record<ServiceKind, string> = {
  SSO: '單一登入',
  VERIFY: '帳號驗證',
  REDIRECT: '轉登',
  SMS: '簡訊發送',
};

/** The manual's definitions (第二章 第三節 捌 七 (一)–(四)), shown beside each row. */
export const SERVICE_DESCRIPTIONS: Record<ServiceKind, string> = {
  SSO: '異質系統有登入頁面，使用者點擊登入即轉址到「SSO 單一登入頁面」進行公務帳號登入驗證，驗證通過並授權異質系統使用公務帳號資料後，由 SSO 轉址至異質系統已完成登入的頁面。',
  VERIFY: '異質系統擁有登入頁面提供使用者輸入公務帳號密碼，異質系統透過 API 詢問 SSO 主機該帳號是否驗證通過。',
  REDIRECT: '異質系統沒有登入頁面，使用者必須先行登入公務入口網，再透過公務入口網的 ICON 觸發轉址到異質系統已完成登入的頁面。',
  SMS: '提供異質系統發送簡訊。',
};

/** IntegrationService.status; no row = 未申請. */
export type ServiceStatus = 'PENDING' | 'RETURNED' | 'ACTIVE' | 'REJECTED' | 'REVOKED';
export const SERVICE_STATUS_LABELS: Record<ServiceStatus | 'NONE', string> = {
  NONE: '未申請',
  PENDING: '審核中',
  RETURNED: '退回補正',
  ACTIVE: '已啟用',
  REJECTED: '已駁回',
  REVOKED: '已停用',
};

/** 我要申請 is offered when the service has no row, or was rejected or revoked. */
export const canApply = (status: ServiceStatus | 'NONE') => status === 'NONE' || status === 'REJECTED' || status === 'REVOKED';

/** 申請 / 更換金鑰 / 停用: each is a reviewed request (integrationReview). */
export type IntegrationActionCode = 'APPLY' | 'ROTATE' | 'REVOKE';
export const ACTION_LABELS: Record<IntegrationActionCode, string> = {
  APPLY: '申請',
  ROTATE: '更換金鑰',
  REVOKE: '停用',
};

/** IntegrationApplication.status and the request's status (審核紀錄). */
export type ApplicationStatus = 'PENDING' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'EXPIRED';
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  PENDING: '待審核',
  RETURNED: '退回補正',
  APPROVED: '已核准',
  REJECTED: '已駁回',
  EXPIRED: '已逾期',
};

/**
 * 所需拋回的資料: the boxes the applicant ticks, each an OpenID Connect scope of the provider
 * (api/sso/provider.ts SCOPE_CLAIMS) named in words. `openid` (the account's id) always comes.
 */
export const CLAIM_OPTIONS = [
  { scope: 'profile', label: '姓名、帳號及職稱' },
  { scope: 'email', label: '公務電子郵件' },
  { scope: 'organization', label: '機關及單位' },
  { scope: 'phone', label: '公務電話' },
] as const;
export type ClaimScope = (typeof CLAIM_OPTIONS)[number]['scope'];
export const CLAIM_SCOPES = CLAIM_OPTIONS.map((option) => option.scope) as ClaimScope[];
export const claimLabel = (scope: string) => CLAIM_OPTIONS.find((option) => option.scope === scope)?.label ?? scope;

/** Workflow id of one application: `integration-review-<key>`. */
export const INTEGRATION_REVIEW_PREFIX = 'integration-review-';
