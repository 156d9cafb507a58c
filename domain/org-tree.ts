// Organisation tree (組織) — pure types and helpers shared by api, workflows and web. No I/O.
//
// Shape: top-level organisations are agencies of three categories (the 全部/府內單位/府外機關/區公所
// tabs of the agency picker). Below them: SECTIONs (科/室/課) and SECOND_LEVEL_AGENCYs (二級機關
// such as 戶政事務所), which have sections of their own.
//
// "Agency" (機關) = the unit an agency admin manages: the nearest ancestor-or-self that is not a
// SECTION. A second-level agency is its own agency (its staff are not managed by the bureau's
// admins). The database keeps the same rule in organizations.agency_id (trigger
// organizations_set_agency) — change both together.

export const ORG_KINDS = ['CITY_HALL_UNIT', 'EXTERNAL_AGENCY', 'DISTRICT_OFFICE', 'SECOND_LEVEL_AGENCY', 'SECTION'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Readonly<Record<OrgKind, string>> = {
  CITY_HALL_UNIT: '府內單位',
  EXTERNAL_AGENCY: '府外機關',
  DISTRICT_OFFICE: '區公所',
  SECOND_LEVEL_AGENCY: '二級機關',
  SECTION: '科/室/課',
};

/** The categories a top-level organisation can have (every root is one of these). */
export const ORG_CATEGORIES = ['CITY_HALL_UNIT', 'EXTERNAL_AGENCY', 'DISTRICT_OFFICE'] as const;
export type OrgCategory = (typeof ORG_CATEGORIES)[number];

/** Tabs of the agency picker (§3.2.3 機關單位: 全部 / 府內單位 / 府外機關 / 區公所). */
export const ORG_TABS = ['ALL', ...ORG_CATEGORIES] as const;
export type OrgTab = (typeof ORG_TABS)[number];
export const ORG_TAB_LABELS: Readonly<Record<OrgTab, string>> = {
  ALL: '全部',
  CITY_HALL_UNIT: '府內單位',
  EXTERNAL_AGENCY: '府外機關',
  DISTRICT_OFFICE: '區公所',
};

/** The minimum the helpers need; API rows (with more fields) satisfy it. */
export interface OrgNode {
  id: string;
  code: string;
  name: string;
  shortName?: string | null;
  kind: OrgKind;
  parentId: string | null;
  sortOrder?: number;
  retiredAt?: Date | string | null;
}

export type OrgTreeNode<T extends OrgNode = OrgNode> = T & { children: OrgTreeNode<T>[] };

export type OrgIndex<T extends OrgNode = OrgNode> = ReadonlyMap<string, T>;

export function isAgencyKind(kind: OrgKind): boolean {
  return kind !== 'SECTION';
}

export function isRetired(org: Pick<OrgNode, 'retiredAt'>): boolean {
  return org.retiredAt !== null && org.retiredAt !== undefined;
}

export function indexById<T extends OrgNode>(nodes: Iterable<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const n of nodes) map.set(n.id, n);
  return map;
}

/** Sibling order: sortOrder, then code (codes are zero-padded, so this is numeric order). */
export function compareOrgs(a: OrgNode, b: OrgNode): number {
  return (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Nest a flat list. Nodes whose parent is missing from the list become roots (so a filtered list
 * still renders). Retired nodes, and everything under them, are left out unless includeRetired.
 */
export function buildTree<T extends OrgNode>(nodes: readonly T[], opts: { includeRetired?: boolean } = {}): OrgTreeNode<T>[] {
  const allIds = new Set(nodes.map((n) => n.id));
  const wrapped = new Map<string, OrgTreeNode<T>>();
  for (const n of nodes) {
    if (!opts.includeRetired && isRetired(n)) continue;
    wrapped.set(n.id, { ...n, children: [] });
  }
  const roots: OrgTreeNode<T>[] = [];
  for (const n of nodes) {
    const node = wrapped.get(n.id);
    if (!node) continue;
    const parent = n.parentId === null ? undefined : wrapped.get(n.parentId);
    if (parent) parent.children.push(node);
    else if (n.parentId === null || !allIds.has(n.parentId)) roots.push(node);
    // else: the parent exists but is retired, so this subtree is hidden with it.
  }
  const sortRec = (list: OrgTreeNode<T>[]) => {
    list.sort(compareOrgs);
    for (const c of list) sortRec(c.children);
  };
  sortRec(roots);
  return roots;
}

/**
 * Path from the top-level organisation down to `org` (inclusive). Throws on a cycle or a
 * dangling parent id, which would otherwise loop or silently mislabel a unit.
 */
export function pathOf<T extends OrgNode>(org: T, byId: OrgIndex<T>): T[] {
  const path: T[] = [org];
  const seen = new Set<string>([org.id]);
  let cur: T = org;
  while (cur.parentId !== null) {
    const parent = byId.get(cur.parentId);
    if (!parent) throw new Error(`organisation ${cur.code}: parent ${cur.parentId} not found`);
    if (seen.has(parent.id)) throw new Error(`organisation tree has a cycle at ${parent.code}`);
    seen.add(parent.id);
    path.unshift(parent);
    cur = parent;
  }
  return path;
}

/** The agency (機關) `org` belongs to: nearest ancestor-or-self that is not a SECTION. */
export function agencyOf<T extends OrgNode>(org: T, byId: OrgIndex<T>): T {
  const path = pathOf(org, byId);
  for (let i = path.length - 1; i >= 0; i--) {
    const n = path[i]!;
    if (isAgencyKind(n.kind)) return n;
  }
  // A SECTION at the top (bad data): treat the root as the agency rather than fail a request.
  return path[0]!;
}

/** The top-level organisation of `org`. */
export function rootOf<T extends OrgNode>(org: T, byId: OrgIndex<T>): T {
  return pathOf(org, byId)[0]!;
}

/** Which picker tab `org` appears under: the category of its top-level organisation. */
export function categoryOf<T extends OrgNode>(org: T, byId: OrgIndex<T>): OrgCategory | null {
  const kind = rootOf(org, byId).kind;
  return (ORG_CATEGORIES as readonly OrgKind[]).includes(kind) ? (kind as OrgCategory) : null;
}

/** "秘書處-總務科": the names along a path, as the picker's 已選擇 line shows them. */
export function labelOf(path: readonly Pick<OrgNode, 'name'>[], separator = '-'): string {
  return path.map((n) => n.name).join(separator);
}

/** AD OU path of a unit below AD_ROOT_OU, leaf first: "OU=G01-03,OU=G01". */
export function adOuOf(path: readonly Pick<OrgNode, 'code'>[]): string {
  return [...path]
    .reverse()
    .map((n) => `OU=${n.code}`)
    .join(',');
}

/** Nodes shown under a picker tab: everything below top-level organisations of that category. */
export function filterByTab<T extends OrgNode>(nodes: readonly T[], tab: OrgTab): T[] {
  if (tab === 'ALL') return [...nodes];
  const byId = indexById(nodes);
  return nodes.filter((n) => rootOf(n, byId).kind === tab);
}

/** Options of one cascading drop-down: the active children of `parentId` (null = top level). */
export function childrenOf<T extends OrgNode>(nodes: readonly T[], parentId: string | null): T[] {
  return nodes.filter((n) => n.parentId === parentId && !isRetired(n)).sort(compareOrgs);
}

/** All descendants of `rootId` (not including it), e.g. every unit of an agency. */
export function descendantsOf<T extends OrgNode>(nodes: readonly T[], rootId: string): T[] {
  const byParent = new Map<string, T[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = byParent.get(n.parentId) ?? [];
    list.push(n);
    byParent.set(n.parentId, list);
  }
  const out: T[] = [];
  const stack = [...(byParent.get(rootId) ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...(byParent.get(n.id) ?? []));
  }
  return out;
}
