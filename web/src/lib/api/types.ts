// Response shapes of the portal API, as the API contract defines them.

export type Role = 'SYSTEM_ADMIN' | 'AGENCY_ADMIN';

export interface Organization {
  code: string;
  name: string;
  /** e.g. 智慧發展中心-系統發展科 */
  pathLabel: string;
}

export interface SessionUser {
  id: string;
  account: string;
  name: string;
  title: string;
  organization: Organization;
  roles: Role[];
  /** 代理人設定: the approvers this user stands in for today; their review inboxes are open to the user. */
  deputyFor: { account: string; name: string }[];
  /** 物品管理: the kinds of item this user holds as 保管人 (REPAIR_TYPE: a 報修類型's 類型保管人). */
  custodianOf: ('VENUE' | 'CAR' | 'DRIVER' | 'REPAIR_TYPE')[];
  /** 報修處理狀況回報: a 維修人員 of some 報修類型. */
  repairVendor: boolean;
  passwordExpiresInDays: number | null;
  /** Present when the user has a 個人圖像 (changes with it). */
  avatarVersion: string | null;
}

export interface SessionResponse {
  user: SessionUser;
}

export type ConnectivityTarget = 'postgres' | 'ad' | 'smtp' | 'sms';
export type ConnectivityCheckStatus = 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface ConnectivityResult {
  target: ConnectivityTarget;
  label: string;
  ok: boolean;
  message: string;
  latencyMs: number | null;
  checkedAt: string;
}

export interface ConnectivityCheck {
  id: string;
  workflowId: string;
  status: ConnectivityCheckStatus;
  startedAt: string;
  completedAt: string | null;
  startedBy: { account: string; name: string };
  results: ConnectivityResult[];
  temporalUrl: string;
}

export interface StartedConnectivityCheck {
  id: string;
  workflowId: string;
}
