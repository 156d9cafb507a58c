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

// ── 組織管理: the rules every change of the tree obeys (api validates with them, web hints with them) ──

/** Which kinds may hang under a parent of a kind (null = top level). Sections nest (科 › 股). */
export const CHILD_KINDS: Readonly<Record<OrgKind | 'ROOT', readonly OrgKind[]>> = {
  ROOT: ORG_CATEGORIES,
  CITY_HALL_UNIT: ['SECTION', 'SECOND_LEVEL_AGENCY'],
  EXTERNAL_AGENCY: ['SECTION', 'SECOND_LEVEL_AGENCY'],
  DISTRICT_OFFICE: ['SECTION'],
  SECOND_LEVEL_AGENCY: ['SECTION'],
  SECTION: ['SECTION'],
};

export function allowedChildKinds(parent: Pick<OrgNode, 'kind'> | null): readonly OrgKind[] {
  return CHILD_KINDS[parent ? parent.kind : 'ROOT'];
}

/** zh-TW reason a unit of `kind` cannot be placed under `parent`, or null when it can. */
export function placementProblem(kind: OrgKind, parent: Pick<OrgNode, 'kind' | 'name'> | null): string | null {
  if (allowedChildKinds(parent).includes(kind)) return null;
  if (!parent) return `${ORG_KIND_LABELS[kind]}不可作為最上層機關`;
  return `${ORG_KIND_LABELS[parent.kind]}「${parent.name}」之下不可設立${ORG_KIND_LABELS[kind]}`;
}

/** Root code letters by category (G01 府內單位, E01 府外機關, D01 區公所). */
const ROOT_PREFIX: Readonly<Record<OrgCategory, string>> = { CITY_HALL_UNIT: 'G', EXTERNAL_AGENCY: 'E', DISTRICT_OFFICE: 'D' };

/**
 * Child number ranges of the code scheme (prisma/org-tree.ts): 科/課 01–49 (91–94 are the staff
 * offices 秘書室/人事室/會計室/政風室, issued by the seed), 二級機關 51–89.
 */
const CHILD_RANGE: Readonly<Record<'SECTION' | 'SECOND_LEVEL_AGENCY', readonly [number, number]>> = {
  SECTION: [1, 49],
  SECOND_LEVEL_AGENCY: [51, 89],
};

/**
 * The next free code for a new unit. `existingCodes` must be every code ever issued (retired and
 * moved units included): a code is never reused, and a unit that moved away keeps its old prefix.
 * Returns null when the range is exhausted.
 */
export function nextChildCode(
  parent: Pick<OrgNode, 'code'> | null,
  kind: OrgKind,
  existingCodes: Iterable<string>,
): string | null {
  const prefix = parent ? `${parent.code}-` : ROOT_PREFIX[kind as OrgCategory];
  if (prefix === undefined) return null;
  const [min, max] = parent ? CHILD_RANGE[kind === 'SECOND_LEVEL_AGENCY' ? 'SECOND_LEVEL_AGENCY' : 'SECTION'] : [1, 99];
  const used = new Set<number>();
  const pattern = new RegExp(`^${prefix.replace(/[-]/g, '\\-')}(\\d{2})$`);
  for (const code of existingCodes) {
    const m = pattern.exec(code);
    if (m) used.add(Number(m[1]));
  }
  const highest = Math.max(min - 1, ...[...used].filter((n) => n >= min && n <= max));
  for (let n = highest + 1; n <= max; n++) if (!used.has(n)) return `${prefix}${String(n).padStart(2, '0')}`;
  return null;
}

/**
 * zh-TW reason `org` cannot move under `newParent`, or null. Top-level organisations stay where they
 * are (their category is what they are); a unit never moves into itself or its own subtree (a cycle).
 */
export function moveProblem<T extends OrgNode>(org: T, newParent: T, nodes: readonly T[]): string | null {
  if (org.parentId === null) return '最上層機關不可移動';
  if (newParent.id === org.id) return '不可移動到單位本身之下';
  if (descendantsOf(nodes, org.id).some((d) => d.id === newParent.id)) return `不可移動到自己的下級單位「${newParent.name}」之下`;
  if (isRetired(newParent)) return `「${newParent.name}」已裁撤，不可移入`;
  if (newParent.id === org.parentId) return '新的上級單位與目前相同';
  return placementProblem(org.kind, newParent);
}

/** AD OU paths (leaf first) of `org`'s subtree after the tree changed, for the nodes whose path differs. */
export function subtreeAdOus<T extends OrgNode & { adOu?: string }>(
  nodes: readonly T[],
  rootId: string,
): { id: string; adOu: string }[] {
  const byId = indexById(nodes);
  const root = byId.get(rootId);
  if (!root) return [];
  return [root, ...descendantsOf(nodes, rootId)]
    .map((n) => ({ id: n.id, adOu: adOuOf(pathOf(n, byId)), old: n.adOu }))
    .filter((n) => n.adOu !== n.old)
    .map(({ id, adOu }) => ({ id, adOu }));
}

/** Description of a unit's OU in AD: its name, marked 已裁撤 once retired (the OU stays for history). */
export function ouDescription(org: Pick<OrgNode, 'name' | 'retiredAt'>): string {
  return isRetired(org) ? `已裁撤 ${org.name}` : org.name;
}
