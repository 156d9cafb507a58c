/** 停用 (手動停用 / 閒置停用): the statuses as the workflow records them and the pages show them. */
export type DisableStatus = 'CHECKING' | 'BLOCKED' | 'DISABLING_AD' | 'DISABLED';

export const DISABLE_STATUS_LABELS: Record<DisableStatus, string> = {
  CHECKING: '停用前檢查中',
  BLOCKED: '未通過停用前檢查（未停用）',
  DISABLING_AD: '已停用（AD 停用中）',
  DISABLED: '已停用',
};

/** Statuses of a request still in progress: a second disable of the same user is refused meanwhile. */
export const OPEN_DISABLE_STATUSES: DisableStatus[] = ['CHECKING', 'DISABLING_AD'];
