import { describe, expect, it } from 'vitest';
import {
  adOuOf,
  agencyOf,
  buildTree,
  categoryOf,
  childrenOf,
  descendantsOf,
  filterByTab,
  indexById,
  labelOf,
  moveProblem,
  nextChildCode,
  ouDescription,
  pathOf,
  placementProblem,
  subtreeAdOus,
  type OrgNode,
} from './org-tree';

const n = (
  id: string,
  name: string,
  kind: OrgNode['kind'],
  parentId: string | null,
  sortOrder = 0,
  retiredAt: string | null = null,
): OrgNode => ({
  id,
  code: id,
  name,
  kind,
  parentId,
  sortOrder,
  retiredAt,
});

// A slice of the real tree: 秘書處 with two 科, 民政局 with a 戶政事務所 and its 課, a 府外 and a 區公所.
const nodes: OrgNode[] = [
  n('G16', '秘書處', 'CITY_HALL_UNIT', null, 15),
  n('G16-03', '總務科', 'SECTION', 'G16', 2),
  n('G16-02', '文書科', 'SECTION', 'G16', 1),
  n('G01', '民政局', 'CITY_HALL_UNIT', null, 0),
  n('G01-51', '府東戶政事務所', 'SECOND_LEVEL_AGENCY', 'G01', 5),
  n('G01-51-01', '戶籍登記課', 'SECTION', 'G01-51', 0),
  n('G01-91', '秘書室', 'SECTION', 'G01', 9),
  n('E01', '警察局', 'EXTERNAL_AGENCY', null, 0),
  n('D07', '永康區公所', 'DISTRICT_OFFICE', null, 6),
  n('D07-01', '民政課', 'SECTION', 'D07', 0),
  n('D07-09', '舊課', 'SECTION', 'D07', 9, '2025-01-01T00:00:00Z'),
];
const byId = indexById(nodes);
const get = (id: string) => byId.get(id)!;

describe('pathOf / labelOf / adOuOf', () => {
  it('walks from the top-level organisation down', () => {
    expect(pathOf(get('G01-51-01'), byId).map((x) => x.code)).toEqual(['G01', 'G01-51', 'G01-51-01']);
    expect(labelOf(pathOf(get('G16-03'), byId))).toBe('秘書處-總務科');
    expect(labelOf(pathOf(get('G01-51-01'), byId))).toBe('民政局-府東戶政事務所-戶籍登記課');
    expect(adOuOf(pathOf(get('G01-51-01'), byId))).toBe('OU=G01-51-01,OU=G01-51,OU=G01');
    expect(adOuOf(pathOf(get('E01'), byId))).toBe('OU=E01');
  });

  it('throws on a dangling parent or a cycle instead of looping', () => {
    const broken = [n('X', 'x', 'SECTION', 'missing')];
    expect(() => pathOf(broken[0]!, indexById(broken))).toThrow(/not found/);
    const cyclic = [n('A', 'a', 'SECTION', 'B'), n('B', 'b', 'SECTION', 'A')];
    expect(() => pathOf(cyclic[0]!, indexById(cyclic))).toThrow(/cycle/);
  });
});

describe('agencyOf / categoryOf', () => {
  it('is the nearest unit that is not a section', () => {
    expect(agencyOf(get('G16-03'), byId).code).toBe('G16');
    expect(agencyOf(get('G16'), byId).code).toBe('G16');
    expect(agencyOf(get('G01-51-01'), byId).code).toBe('G01-51');
    expect(agencyOf(get('G01-51'), byId).code).toBe('G01-51');
    expect(agencyOf(get('D07-01'), byId).code).toBe('D07');
  });

  it('gives the picker tab from the top-level organisation', () => {
    expect(categoryOf(get('G01-51-01'), byId)).toBe('CITY_HALL_UNIT');
    expect(categoryOf(get('E01'), byId)).toBe('EXTERNAL_AGENCY');
    expect(categoryOf(get('D07-01'), byId)).toBe('DISTRICT_OFFICE');
  });
});

describe('buildTree', () => {
  it('nests, orders siblings by sortOrder and hides retired units', () => {
    const roots = buildTree(nodes);
    expect(roots.map((r) => r.code)).toEqual(['E01', 'G01', 'D07', 'G16']);
    const g16 = roots.find((r) => r.code === 'G16')!;
    expect(g16.children.map((c) => c.name)).toEqual(['文書科', '總務科']);
    const d07 = roots.find((r) => r.code === 'D07')!;
    expect(d07.children.map((c) => c.code)).toEqual(['D07-01']);
    expect(buildTree(nodes, { includeRetired: true }).find((r) => r.code === 'D07')!.children).toHaveLength(2);
  });

  it('treats nodes whose parent is not in the list as roots', () => {
    const roots = buildTree([get('G01-51'), get('G01-51-01')]);
    expect(roots.map((r) => r.code)).toEqual(['G01-51']);
    expect(roots[0]!.children.map((c) => c.code)).toEqual(['G01-51-01']);
  });
});

describe('filterByTab / childrenOf / descendantsOf', () => {
  it('filters the picker tabs by the top-level category', () => {
    expect(filterByTab(nodes, 'ALL')).toHaveLength(nodes.length);
    expect(
      filterByTab(nodes, 'CITY_HALL_UNIT')
        .map((x) => x.code)
        .sort(),
    ).toEqual(['G01', 'G01-51', 'G01-51-01', 'G01-91', 'G16', 'G16-02', 'G16-03'].sort());
    expect(filterByTab(nodes, 'EXTERNAL_AGENCY').map((x) => x.code)).toEqual(['E01']);
    expect(filterByTab(nodes, 'DISTRICT_OFFICE').map((x) => x.code)).toEqual(['D07', 'D07-01', 'D07-09']);
  });

  it('lists one cascading level, without retired units', () => {
    expect(childrenOf(nodes, null).map((x) => x.code)).toEqual(['E01', 'G01', 'D07', 'G16']);
    expect(childrenOf(nodes, 'G01').map((x) => x.name)).toEqual(['府東戶政事務所', '秘書室']);
    expect(childrenOf(nodes, 'D07').map((x) => x.code)).toEqual(['D07-01']);
  });

  it('collects every unit below a node', () => {
    expect(
      descendantsOf(nodes, 'G01')
        .map((x) => x.code)
        .sort(),
    ).toEqual(['G01-51', 'G01-51-01', 'G01-91']);
    expect(descendantsOf(nodes, 'E01')).toEqual([]);
  });
});

describe('組織管理 rules', () => {
  const tree = [
    { ...n('G01', '民政局', 'CITY_HALL_UNIT', null), adOu: 'OU=G01' },
    { ...n('G01-03', '戶籍行政科', 'SECTION', 'G01'), adOu: 'OU=G01-03,OU=G01' },
    { ...n('G01-03-01', '戶籍股', 'SECTION', 'G01-03'), adOu: 'OU=G01-03-01,OU=G01-03,OU=G01' },
    { ...n('G01-51', '府東戶政事務所', 'SECOND_LEVEL_AGENCY', 'G01'), adOu: 'OU=G01-51,OU=G01' },
    { ...n('G25', '智慧發展中心', 'CITY_HALL_UNIT', null), adOu: 'OU=G25' },
    { ...n('D01', '新營區公所', 'DISTRICT_OFFICE', null), adOu: 'OU=D01' },
    { ...n('G30', '已裁撤處', 'CITY_HALL_UNIT', null, 0, '2026-01-01'), adOu: 'OU=G30' },
  ];
  const get = (id: string) => tree.find((t) => t.id === id)!;

  it('issues the next never-used code in the range of the kind', () => {
    const codes = ['G01', 'G01-01', 'G01-03', 'G01-91', 'G01-94', 'G01-51', 'G01-52', 'G01-03-01'];
    expect(nextChildCode({ code: 'G01' }, 'SECTION', codes)).toBe('G01-04');
    expect(nextChildCode({ code: 'G01' }, 'SECOND_LEVEL_AGENCY', codes)).toBe('G01-53');
    expect(nextChildCode({ code: 'G01-03' }, 'SECTION', codes)).toBe('G01-03-02');
    expect(nextChildCode({ code: 'G01-51' }, 'SECTION', codes)).toBe('G01-51-01');
    // A code that moved away (or was retired) is still taken: codes are never reused.
    expect(nextChildCode({ code: 'G25' }, 'SECTION', ['G25-01', 'G25-02'])).toBe('G25-03');
    expect(nextChildCode(null, 'EXTERNAL_AGENCY', ['E01', 'E02', 'G40'])).toBe('E03');
    expect(nextChildCode(null, 'DISTRICT_OFFICE', [])).toBe('D01');
    const full = Array.from({ length: 49 }, (_, i) => `G01-${String(i + 1).padStart(2, '0')}`);
    expect(nextChildCode({ code: 'G01' }, 'SECTION', full)).toBeNull();
  });

  it('says which kinds may hang under which parent', () => {
    expect(placementProblem('SECTION', get('G01'))).toBeNull();
    expect(placementProblem('SECOND_LEVEL_AGENCY', get('G01'))).toBeNull();
    expect(placementProblem('SECTION', get('G01-03'))).toBeNull();
    expect(placementProblem('SECOND_LEVEL_AGENCY', get('D01'))).toBe('區公所「新營區公所」之下不可設立二級機關');
    expect(placementProblem('SECOND_LEVEL_AGENCY', get('G01-51'))).toBe('二級機關「府東戶政事務所」之下不可設立二級機關');
    expect(placementProblem('CITY_HALL_UNIT', get('G01'))).toBe('府內單位「民政局」之下不可設立府內單位');
    expect(placementProblem('SECTION', null)).toBe('科/室/課不可作為最上層機關');
    expect(placementProblem('EXTERNAL_AGENCY', null)).toBeNull();
  });

  it('refuses moves that would break the tree', () => {
    expect(moveProblem(get('G01'), get('G25'), tree)).toBe('最上層機關不可移動');
    expect(moveProblem(get('G01-03'), get('G01-03'), tree)).toBe('不可移動到單位本身之下');
    expect(moveProblem(get('G01-03'), get('G01-03-01'), tree)).toBe('不可移動到自己的下級單位「戶籍股」之下');
    expect(moveProblem(get('G01-03'), get('G30'), tree)).toBe('「已裁撤處」已裁撤，不可移入');
    expect(moveProblem(get('G01-03'), get('G01'), tree)).toBe('新的上級單位與目前相同');
    expect(moveProblem(get('G01-51'), get('D01'), tree)).toBe('區公所「新營區公所」之下不可設立二級機關');
    expect(moveProblem(get('G01-03'), get('G25'), tree)).toBeNull();
    expect(moveProblem(get('G01-03'), get('G01-51'), tree)).toBeNull();
  });

  it('recomputes the AD OU path of a moved unit and its whole subtree', () => {
    const moved = tree.map((t) => (t.id === 'G01-03' ? { ...t, parentId: 'G25' } : t));
    expect(subtreeAdOus(moved, 'G01-03')).toEqual([
      { id: 'G01-03', adOu: 'OU=G01-03,OU=G25' },
      { id: 'G01-03-01', adOu: 'OU=G01-03-01,OU=G01-03,OU=G25' },
    ]);
    expect(subtreeAdOus(tree, 'G01-03')).toEqual([]);
  });

  it('marks a retired unit in its OU description', () => {
    expect(ouDescription({ name: '戶籍股', retiredAt: null })).toBe('戶籍股');
    expect(ouDescription({ name: '戶籍股', retiredAt: new Date() })).toBe('已裁撤 戶籍股');
  });
});
