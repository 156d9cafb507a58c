// The state of an application in plain zh-TW: the API's statusLabel/statusExplanation when it gives
// them, these texts otherwise (and for the console, whose list carries only the label).
import {
  APPLICATION_STATUS_EXPLANATIONS as STATUS_EXPLANATIONS,
  APPLICATION_STATUS_LABELS as STATUS_LABELS,
} from '../../../../domain/requests/account-application';
import type { AccountApplicationStatus, ApplicationEvent } from '../../lib/api';

export { STATUS_EXPLANATIONS, STATUS_LABELS };

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
