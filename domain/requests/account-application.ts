/**
 * 個人帳號申請's statuses as the applicant and the approver read them: the workflow records the label,
 * the API sends label and explanation, the web falls back on the same texts. One place, so the three
 * never word a status differently. Free of libraries: the workflow bundle imports it.
 */
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
  EXPIRED: '您的申請逾期未獲審核，已自動失效。如仍需要個人公務帳號，請重新提出個人帳號申請，或洽所屬機關的機關管理者。',
};

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
