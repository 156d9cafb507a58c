import { defineQuery } from '@temporalio/workflow';

/** 組織管理 changes; each is made in the database by the API, then applied to AD by `organizationChange`. */
export type OrganizationChangeKind = 'CREATE' | 'RENAME' | 'MOVE' | 'RETIRE' | 'RESTORE';

export const ORGANIZATION_CHANGE_LABELS: Record<OrganizationChangeKind, string> = {
  CREATE: '新增下級單位',
  RENAME: '修改名稱',
  MOVE: '移動',
  RETIRE: '裁撤',
  RESTORE: '復原',
};

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

export interface OrganizationChangeActor {
  userId: string;
  account: string;
  name: string;
}

export interface OrganizationChangeInput {
  kind: OrganizationChangeKind;
  /** The unit changed (for CREATE: the new unit). */
  organizationId: string;
  /** Every unit whose OU must be brought in line (retire/restore: the whole subtree), parents first. */
  applyIds: string[];
  /** What the timeline says, e.g. 「戶籍行政科」移至「智慧發展中心」. */
  description: string;
  actor: OrganizationChangeActor;
}

export interface OrganizationChangeState {
  status: OrganizationChangeStatus;
  applied: number;
}

export const getOrganizationChangeStateQuery = defineQuery<OrganizationChangeState>('getOrganizationChangeState');
