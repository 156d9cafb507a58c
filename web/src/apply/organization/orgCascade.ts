// The 機關單位 picker's logic over the flat list of GET /api/organizations (parents first): tabs
// 全部/府內單位/府外機關/區公所 filter the top level, then one 「請選擇」 drop-down per level.
// Pure; the component only renders what these functions return.
import { labelOf, ORG_CATEGORIES, type OrgTab } from '../../../../domain/org-tree';
import type { OrganizationItem } from '../../lib/api';

export { ORG_TAB_LABELS, ORG_TABS, type OrgTab } from '../../../../domain/org-tree';

export interface OrgIndex {
  byCode: ReadonlyMap<string, OrganizationItem>;
  /** Children in list order; key null = the top level. */
  children: ReadonlyMap<string | null, readonly OrganizationItem[]>;
}

/** Indexes the list; a unit whose parent is not in the list is treated as top level. */
export function indexOrganizations(items: readonly OrganizationItem[]): OrgIndex {
  const byCode = new Map<string, OrganizationItem>();
  for (const item of items) byCode.set(item.code, item);
  const children = new Map<string | null, OrganizationItem[]>();
  for (const item of items) {
    const key = item.parentCode !== null && byCode.has(item.parentCode) ? item.parentCode : null;
    const list = children.get(key) ?? [];
    list.push(item);
    children.set(key, list);
  }
  return { byCode, children };
}

export function childrenOf(index: OrgIndex, code: string | null): readonly OrganizationItem[] {
  return index.children.get(code) ?? [];
}

/** Top level → `code`, inclusive; empty for an unknown code (a cycle stops the walk). */
export function pathTo(index: OrgIndex, code: string | null | undefined): OrganizationItem[] {
  const path: OrganizationItem[] = [];
  const seen = new Set<string>();
  let current = code ? index.byCode.get(code) : undefined;
  while (current && !seen.has(current.code)) {
    seen.add(current.code);
    path.unshift(current);
    current = current.parentCode !== null ? index.byCode.get(current.parentCode) : undefined;
  }
  return path;
}

/** The top-level units a tab shows. */
export function rootsFor(index: OrgIndex, tab: OrgTab): readonly OrganizationItem[] {
  const roots = childrenOf(index, null);
  return tab === 'ALL' ? roots : roots.filter((item) => item.kind === tab);
}

/** The tab a unit is listed under (its top-level unit's category), or ALL. */
export function tabOf(index: OrgIndex, code: string | null | undefined): OrgTab {
  const root = pathTo(index, code)[0];
  return root && (ORG_CATEGORIES as readonly string[]).includes(root.kind) ? (root.kind as OrgTab) : 'ALL';
}

/** Whether the path's top-level unit is offered under the tab. */
export function pathFitsTab(index: OrgIndex, path: readonly string[], tab: OrgTab): boolean {
  const first = path[0];
  return first === undefined || rootsFor(index, tab).some((item) => item.code === first);
}

export interface CascadeLevel {
  /** Whose children the options are (null = top level). */
  parentCode: string | null;
  options: readonly OrganizationItem[];
  /** The chosen code, '' for 「請選擇」. */
  value: string;
}

/**
 * The drop-downs to show for a chosen path (codes, top level first): the top level of the tab, then
 * the children of each chosen unit that has any. A code that does not fit ends the cascade there.
 */
export function cascadeLevels(index: OrgIndex, tab: OrgTab, path: readonly string[]): CascadeLevel[] {
  const levels: CascadeLevel[] = [];
  let options = rootsFor(index, tab);
  let parentCode: string | null = null;
  for (let depth = 0; ; depth++) {
    const code = path[depth] ?? '';
    const chosen = options.find((item) => item.code === code);
    levels.push({ parentCode, options, value: chosen ? code : '' });
    if (!chosen) break;
    const next = childrenOf(index, chosen.code);
    if (next.length === 0) break;
    options = next;
    parentCode = chosen.code;
  }
  return levels;
}

/** The path after choosing `code` at `level` ('' = back to 「請選擇」): deeper choices are dropped. */
export function choose(path: readonly string[], level: number, code: string): string[] {
  const kept = path.slice(0, level);
  return code === '' ? kept : [...kept, code];
}

export interface OrgSelection {
  /** The unit to submit: the last chosen one once it has no units below it, else null. */
  code: string | null;
  /** 「秘書處-總務科」 for 已選擇 (empty when nothing is chosen). */
  label: string;
  /** Something is chosen but a lower level is still 「請選擇」. */
  incomplete: boolean;
}

export function selectionOf(index: OrgIndex, path: readonly string[]): OrgSelection {
  const nodes: OrganizationItem[] = [];
  for (const code of path) {
    const node = index.byCode.get(code);
    if (!node) break;
    nodes.push(node);
  }
  const last = nodes[nodes.length - 1];
  if (!last) return { code: null, label: '', incomplete: false };
  const isLeaf = childrenOf(index, last.code).length === 0;
  return { code: isLeaf ? last.code : null, label: labelOf(nodes), incomplete: !isLeaf };
}

/** The codes of the path to `code`, to open the picker on a saved choice. */
export function pathCodes(index: OrgIndex, code: string | null | undefined): string[] {
  return pathTo(index, code).map((item) => item.code);
}

export interface AgencyOption {
  code: string;
  /** 「民政局」, or 「民政局-新營戶政事務所」 for a second-level agency. */
  label: string;
}

/** The agencies (機關: every unit that is not a section), for the console's 機關 filter. */
export function agencyOptions(index: OrgIndex): AgencyOption[] {
  const out: AgencyOption[] = [];
  for (const item of index.byCode.values()) {
    if (item.kind === 'SECTION') continue;
    out.push({ code: item.code, label: labelOf(pathTo(index, item.code)) });
  }
  return out;
}
