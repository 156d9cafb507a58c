import type { OrgKind } from '../../../../domain/org-tree';
import type { ApplicationEvent } from '../../lib/api';

/** GET /api/console/organizations: one row per unit, retired ones included. */
export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  kindLabel: string;
  parentId: string | null;
  agencyId: string | null;
  sortOrder: number;
  adOu: string;
  retiredAt: string | null;
  activeAccounts: number;
  /** The change of this unit still being applied to AD, if any. */
  pendingChange: { workflowId: string; statusLabel: string } | null;
}

/** The answer of every change (202): the request to follow. */
export interface StartedChange {
  workflowId: string;
  organizationId: string;
  code: string;
  requestUrl: string;
  temporalUrl: string;
}

/** GET /api/console/organizations/requests/:workflowId */
export interface OrgChangeRequest {
  workflowId: string;
  organizationId: string | null;
  code: string | null;
  change: string | null;
  description: string | null;
  status: string;
  statusLabel: string;
  actorName: string | null;
  createdAt: string;
  events: ApplicationEvent[];
  temporalUrl: string;
}
