/** 組織管理 changes; each is made in the database by the API, then applied to AD by `organizationChange`. */
export type OrganizationChangeKind = 'CREATE' | 'RENAME' | 'MOVE' | 'RETIRE' | 'RESTORE';

export const ORGANIZATION_CHANGE_LABELS: Record<OrganizationChangeKind, string> = {
  CREATE: '新增下級單位',
  RENAME: '修改名稱',
  MOVE: '移動',
  RETIRE: '裁撤',
  RESTORE: '復原',
};

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
