import { describe, expect, it } from 'vitest';
import type { OrganizationItem } from '../../lib/api';
import {
  agencyOptions,
  cascadeLevels,
  choose,
  indexOrganizations,
  pathCodes,
  pathFitsTab,
  rootsFor,
  selectionOf,
  tabOf,
} from './orgCascade';

const org = (code: string, name: string, kind: OrganizationItem['kind'], parentCode: string | null): OrganizationItem => ({
  code,
  name,
  kind,
  parentCode,
  hasChildren: false,
});

// Parents first, as GET /api/organizations answers.
const ITEMS: OrganizationItem[] = [
  org('G01', '秘書處', 'CITY_HALL_UNIT', null),
  org('G02', '民政局', 'CITY_HALL_UNIT', null),
  org('E01', '臺南市議會', 'EXTERNAL_AGENCY', null),
  org('D01', '新營區公所', 'DISTRICT_OFFICE', null),
  org('G01-01', '總務科', 'SECTION', 'G01'),
  org('G01-02', '文書科', 'SECTION', 'G01'),
  org('G02-S1', '新營戶政事務所', 'SECOND_LEVEL_AGENCY', 'G02'),
  org('G02-01', '自治行政科', 'SECTION', 'G02'),
  org('G02-S1-01', '戶籍課', 'SECTION', 'G02-S1'),
  org('D01-01', '民政課', 'SECTION', 'D01'),
];
const index = indexOrganizations(ITEMS);
const codes = (items: readonly { code: string }[]) => items.map((item) => item.code);

describe('tabs', () => {
  it('filter the top level by category, 全部 showing every top-level unit in list order', () => {
    expect(codes(rootsFor(index, 'ALL'))).toEqual(['G01', 'G02', 'E01', 'D01']);
    expect(codes(rootsFor(index, 'CITY_HALL_UNIT'))).toEqual(['G01', 'G02']);
    expect(codes(rootsFor(index, 'EXTERNAL_AGENCY'))).toEqual(['E01']);
    expect(codes(rootsFor(index, 'DISTRICT_OFFICE'))).toEqual(['D01']);
  });

  it('know which tab a unit is under, and whether a chosen path still fits a tab', () => {
    expect(tabOf(index, 'G02-S1-01')).toBe('CITY_HALL_UNIT');
    expect(tabOf(index, 'D01-01')).toBe('DISTRICT_OFFICE');
    expect(tabOf(index, 'nope')).toBe('ALL');
    expect(pathFitsTab(index, ['G01', 'G01-01'], 'CITY_HALL_UNIT')).toBe(true);
    expect(pathFitsTab(index, ['G01', 'G01-01'], 'DISTRICT_OFFICE')).toBe(false);
    expect(pathFitsTab(index, [], 'DISTRICT_OFFICE')).toBe(true);
    expect(pathFitsTab(index, ['G01'], 'ALL')).toBe(true);
  });
});

describe('cascade', () => {
  it('starts with one 請選擇 drop-down of the tab', () => {
    const levels = cascadeLevels(index, 'CITY_HALL_UNIT', []);
    expect(levels).toHaveLength(1);
    expect(levels[0]).toMatchObject({ parentCode: null, value: '' });
    expect(codes(levels[0]!.options)).toEqual(['G01', 'G02']);
  });

  it('opens a drop-down of the children of each chosen unit', () => {
    const levels = cascadeLevels(index, 'ALL', ['G02', 'G02-S1']);
    expect(levels.map((level) => level.value)).toEqual(['G02', 'G02-S1', '']);
    expect(codes(levels[1]!.options)).toEqual(['G02-S1', 'G02-01']);
    expect(codes(levels[2]!.options)).toEqual(['G02-S1-01']);
    expect(levels[2]!.parentCode).toBe('G02-S1');
  });

  it('adds no drop-down below a unit without children', () => {
    expect(cascadeLevels(index, 'ALL', ['G01', 'G01-01']).map((level) => level.value)).toEqual(['G01', 'G01-01']);
  });

  it('stops at a code that is not an option of its level (stale or other tab)', () => {
    expect(cascadeLevels(index, 'DISTRICT_OFFICE', ['G01', 'G01-01']).map((level) => level.value)).toEqual(['']);
    expect(cascadeLevels(index, 'ALL', ['G01', 'D01-01']).map((level) => level.value)).toEqual(['G01', '']);
  });

  it('drops deeper choices when a level changes, and goes back with 請選擇', () => {
    expect(choose(['G02', 'G02-S1', 'G02-S1-01'], 1, 'G02-01')).toEqual(['G02', 'G02-01']);
    expect(choose(['G02', 'G02-S1'], 1, '')).toEqual(['G02']);
    expect(choose([], 0, 'G01')).toEqual(['G01']);
  });
});

describe('selection', () => {
  it('is the last level once it has no units below, labelled 秘書處-總務科', () => {
    expect(selectionOf(index, ['G01', 'G01-01'])).toEqual({ code: 'G01-01', label: '秘書處-總務科', incomplete: false });
    expect(selectionOf(index, ['E01'])).toEqual({ code: 'E01', label: '臺南市議會', incomplete: false });
  });

  it('is incomplete while a chosen unit still has units below it', () => {
    expect(selectionOf(index, ['G02', 'G02-S1'])).toEqual({ code: null, label: '民政局-新營戶政事務所', incomplete: true });
  });

  it('is empty when nothing is chosen', () => {
    expect(selectionOf(index, [])).toEqual({ code: null, label: '', incomplete: false });
  });

  it('reopens on a saved unit', () => {
    expect(pathCodes(index, 'G02-S1-01')).toEqual(['G02', 'G02-S1', 'G02-S1-01']);
    expect(pathCodes(index, 'unknown')).toEqual([]);
    expect(pathCodes(index, null)).toEqual([]);
  });

  it('survives a unit whose parent is missing or a cycle', () => {
    const odd = indexOrganizations([
      org('X1', '孤兒單位', 'SECTION', 'MISSING'),
      org('A', '甲', 'SECTION', 'B'),
      org('B', '乙', 'SECTION', 'A'),
    ]);
    expect(codes(rootsFor(odd, 'ALL'))).toEqual(['X1']);
    expect(pathCodes(odd, 'A')).toEqual(['B', 'A']);
  });
});

describe('agency filter options', () => {
  it('lists every unit that is not a section, with its path', () => {
    expect(agencyOptions(index)).toEqual([
      { code: 'G01', label: '秘書處' },
      { code: 'G02', label: '民政局' },
      { code: 'E01', label: '臺南市議會' },
      { code: 'D01', label: '新營區公所' },
      { code: 'G02-S1', label: '民政局-新營戶政事務所' },
    ]);
  });
});
