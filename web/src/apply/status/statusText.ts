// The state of an application in plain zh-TW: the API's statusLabel/statusExplanation when it gives
// them, these texts otherwise (and for the console, whose list carries only the label).
import type { AccountApplicationStatus, ApplicationEvent } from '../../lib/api';

export const STATUS_LABELS: Readonly<Record<AccountApplicationStatus, string>> = {
  PENDING: '待機關管理者審核',
  PROVISIONING: '帳號建立中',
  AWAITING_ACTIVATION: '待開通帳號',
  ACTIVE: '已開通',
  REJECTED: '已駁回',
  EXPIRED: '逾期未審核（已失效）',
};

export const STATUS_EXPLANATIONS: Readonly<Record<AccountApplicationStatus, string>> = {
  PENDING: '您的申請已送出，正等待所屬機關的機關管理者審核。審核前，您可以使用「修改個人帳號申請內容」修改申請資料。',
  PROVISIONING: '您的申請已核准，系統正在建立您的個人公務帳號，完成後將寄送通知信至您的備用信箱。',
  AWAITING_ACTIVATION: '您的個人公務帳號已建立。請至單一帳號認證平台使用「開通帳號」功能設定密碼，完成後即可登入。',
  ACTIVE: '您的個人公務帳號已開通，請使用登入帳號及密碼登入臺南市政府公務入口網。',
  REJECTED: '您的申請未獲核准，駁回原因請見審核紀錄。如有疑問，請洽所屬機關的機關管理者。',
  EXPIRED: '您的申請逾期未獲審核，已自動失效。如仍需要個人公務帳號，請重新提出個人帳號申請。',
};

export type StatusTone = 'info' | 'success' | 'warning' | 'error';

export const STATUS_TONES: Readonly<Record<AccountApplicationStatus, StatusTone>> = {
  PENDING: 'info',
  PROVISIONING: 'info',
  AWAITING_ACTIVATION: 'warning',
  ACTIVE: 'success',
  REJECTED: 'error',
  EXPIRED: 'error',
};

function isKnown(status: string): status is AccountApplicationStatus {
  return Object.hasOwn(STATUS_LABELS, status);
}

export interface StatusDescription {
  label: string;
  explanation: string;
  tone: StatusTone;
  /** Still on its way (a next step will follow); false once it is over. */
  inProgress: boolean;
}

/** Label, explanation and tone of a status; the API's own texts win when present. */
export function describeStatus(view: {
  status: AccountApplicationStatus | string;
  statusLabel?: string | null;
  statusExplanation?: string | null;
}): StatusDescription {
  const known = isKnown(view.status) ? view.status : null;
  return {
    label: view.statusLabel?.trim() || (known ? STATUS_LABELS[known] : view.status),
    explanation: view.statusExplanation?.trim() || (known ? STATUS_EXPLANATIONS[known] : ''),
    tone: known ? STATUS_TONES[known] : 'info',
    inProgress: known === 'PENDING' || known === 'PROVISIONING' || known === 'AWAITING_ACTIVATION',
  };
}

/** Decided = no longer waiting for the agency administrator (核准 or 駁回 or 逾期). */
export function isDecided(status: AccountApplicationStatus): boolean {
  return status !== 'PENDING';
}

/** Colour of a timeline event, from its kind (e.g. SUBMITTED, APPROVED, REJECTED, EXPIRED). */
export function eventTone(kind: string): StatusTone | 'neutral' {
  const upper = kind.toUpperCase();
  if (upper.includes('REJECT') || upper.includes('FAIL')) return 'error';
  if (upper.includes('EXPIR') || upper.includes('ESCALAT') || upper.includes('REMIND')) return 'warning';
  if (upper.includes('APPROV') || upper.includes('ACTIVAT') || upper.includes('PROVISIONED') || upper.includes('CREATED')) {
    return 'success';
  }
  return 'neutral';
}

/** Oldest first, by sequence number. */
export function sortEvents(events: readonly ApplicationEvent[]): ApplicationEvent[] {
  return [...events].sort((a, b) => a.seq - b.seq);
}
