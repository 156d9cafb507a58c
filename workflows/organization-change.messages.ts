import { defineQuery } from '@temporalio/workflow';

// The change itself (kind, labels, input) is in domain/: the API and the activities read it too.
export {
  ORGANIZATION_CHANGE_LABELS,
  type OrganizationChangeActor,
  type OrganizationChangeInput,
  type OrganizationChangeKind,
} from '../domain/requests/organization-change';

/** One run per change; the unit's id keeps every change of a unit findable in the Temporal UI. */
export const organizationChangeWorkflowId = (organizationId: string, stamp: string) =>
  `organization-change-${organizationId}-${stamp}`;
export const ORGANIZATION_CHANGE_WORKFLOW_ID = /^organization-change-[\w-]+$/;

export type OrganizationChangeStatus = 'NOT_STARTED' | 'APPLYING_AD' | 'DONE';

export const ORGANIZATION_CHANGE_STATUS_LABELS: Record<OrganizationChangeStatus, string> = {
  NOT_STARTED: '待套用至 AD（工作流程服務恢復後自動套用）',
  APPLYING_AD: '套用至 AD 中',
  DONE: '已完成',
};

/**
 * Saved while Temporal could not be reached: the database has the change, AD not yet. The schedule
 * below starts each such change's workflow once Temporal answers again.
 */
export const ORGANIZATION_CHANGE_RESUME_SCHEDULE_ID = 'organization-change-resume';
/** A change in these statuses still holds its unit: another change of it is refused meanwhile. */
export const OPEN_ORGANIZATION_CHANGE_STATUSES: OrganizationChangeStatus[] = ['NOT_STARTED', 'APPLYING_AD'];

export interface OrganizationChangeState {
  status: OrganizationChangeStatus;
  applied: number;
}

export const getOrganizationChangeStateQuery = defineQuery<OrganizationChangeState>('getOrganizationChangeState');
