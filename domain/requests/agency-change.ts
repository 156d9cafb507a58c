/** 機關(單位)異動申請: its type label and statuses as the workflow records them and the pages show them. */
export const AGENCY_CHANGE_TYPE_LABEL = '機關(單位)異動申請';

export type AgencyChangeStatus =
  'CHECKING' | 'BLOCKED' | 'PENDING' | 'MOVING' | 'APPROVED' | 'RESTORING' | 'REJECTED' | 'EXPIRED';

export const AGENCY_CHANGE_STATUS_LABELS: Record<AgencyChangeStatus, string> = {
  CHECKING: '停用前檢查中',
  BLOCKED: '未通過停用前檢查（未異動）',
  PENDING: '待新機關管理者審核',
  MOVING: '已核准，AD 帳號移轉中',
  APPROVED: '已核准（已異動至新單位）',
  RESTORING: '帳號恢復中（AD 啟用中）',
  REJECTED: '已駁回（維持原單位）',
  EXPIRED: '逾期未審核（維持原單位）',
};

/** PENDING while AD has not yet disabled the account: the decision does not wait for it. */
export const PENDING_AD_DISABLING_LABEL = '待新機關管理者審核（AD 停用中）';

/** Statuses of a request still in progress: a second request of the same user is refused meanwhile. */
export const OPEN_AGENCY_CHANGE_STATUSES: AgencyChangeStatus[] = ['CHECKING', 'PENDING', 'MOVING', 'RESTORING'];
