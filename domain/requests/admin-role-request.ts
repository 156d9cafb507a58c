/** 機關管理者申請 (權限異動申請): its type label and statuses as the workflow records them and the pages show them. */
export const ADMIN_ROLE_REQUEST_TYPE_LABEL = '機關管理者權限異動申請';

export type AdminRoleRequestStatus = 'PENDING' | 'GRANTING' | 'GRANTED' | 'REJECTED' | 'EXPIRED';

export const ADMIN_ROLE_STATUS_LABELS: Record<AdminRoleRequestStatus, string> = {
  PENDING: '待機關管理者審核',
  GRANTING: '已核准，權限設定中',
  GRANTED: '已核准（下次登入生效）',
  REJECTED: '已駁回',
  EXPIRED: '逾期未審核（已失效）',
};
