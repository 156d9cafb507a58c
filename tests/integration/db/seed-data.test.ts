// Pure checks of the seed data (no database): the real organisation tree and system parameters.
import { describe, expect, it } from 'vitest';
import { agencyOf, indexById, labelOf, pathOf, type OrgNode } from '../../../domain/org-tree';
import { DISTRICTS, flattenOrgTree, ORG_TREE } from '../../../prisma/org-tree';
import { DEFAULT_DEMO_PASSWORD, seedUsers, withIdCheckDigit } from '../../../prisma/seed-users';
import {
  DEFAULT_SYSTEM_PARAMETERS,
  parseParameterValue,
  resolveSystemParameters,
  serializeParameterValue,
  SYSTEM_PARAMETERS,
  validateParameterValue,
} from '../../../domain/system-parameters';

const rows = flattenOrgTree();
const nodes: OrgNode[] = rows.map((r) => ({
  id: r.code,
  code: r.code,
  name: r.name,
  kind: r.kind,
  parentId: r.parentCode,
  sortOrder: r.sortOrder,
}));
const byId = indexById(nodes);

describe('organisation tree data', () => {
  it('has unique, hierarchical codes and parents before children', () => {
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.parentCode) expect(seen.has(r.parentCode)).toBe(true);
      seen.add(r.code);
    }
  });

  it('contains the city hall units, external agencies and all 37 district offices', () => {
    const top = rows.filter((r) => r.parentCode === null);
    const names = (kind: string) => top.filter((r) => r.kind === kind).map((r) => r.name);
    expect(names('CITY_HALL_UNIT')).toEqual(
      expect.arrayContaining([
        '民政局',
        '財政稅務局',
        '秘書處',
        '智慧發展中心',
        '人事處',
        '法制處',
        '新聞及國際關係處',
        '研究發展考核委員會',
      ]),
    );
    expect(names('EXTERNAL_AGENCY')).toEqual(expect.arrayContaining(['警察局', '消防局', '衛生局', '環境保護局']));
    expect(names('DISTRICT_OFFICE')).toHaveLength(37);
    expect(DISTRICTS).toHaveLength(37);
    expect(new Set(DISTRICTS).size).toBe(37);
    expect(names('DISTRICT_OFFICE')).toContain('永康區公所');
    expect(ORG_TREE.every((o) => o.kind !== 'SECTION' && o.kind !== 'SECOND_LEVEL_AGENCY')).toBe(true);
  });

  it('labels and scopes units like the picker and the admin rules expect', () => {
    expect(labelOf(pathOf(byId.get('G16-03')!, byId))).toBe('秘書處-總務科');
    expect(agencyOf(byId.get('G01-51-02')!, byId).name).toBe('府東戶政事務所');
    expect(agencyOf(byId.get('G13-51-01')!, byId).name).toBe('臺南地政事務所');
    expect(rows.find((r) => r.code === 'D07-01')).toMatchObject({ name: '民政課', adOu: 'OU=D07-01,OU=D07' });
    // Every agency has at least one unit to choose (§3.2.3: pick down to the last level).
    for (const r of rows.filter(
      (x) => x.kind === 'CITY_HALL_UNIT' || x.kind === 'EXTERNAL_AGENCY' || x.kind === 'DISTRICT_OFFICE',
    )) {
      expect(
        rows.some((c) => c.parentCode === r.code),
        r.name,
      ).toBe(true);
    }
  });

  it('rejects malformed trees', () => {
    expect(() =>
      flattenOrgTree([
        { code: 'G01', name: 'a', kind: 'CITY_HALL_UNIT' },
        { code: 'G01', name: 'b', kind: 'CITY_HALL_UNIT' },
      ]),
    ).toThrow(/duplicate/);
    expect(() =>
      flattenOrgTree([
        { code: 'G01', name: 'a', kind: 'CITY_HALL_UNIT', children: [{ code: 'G02-01', name: 'b', kind: 'SECTION' }] },
      ]),
    ).toThrow(/not below/);
    expect(() => flattenOrgTree([{ code: 'g1', name: 'a', kind: 'CITY_HALL_UNIT' }])).toThrow(/bad organisation code/);
  });
});

describe('seed users', () => {
  it('are unique, lower case, in existing units, with checksum-valid IDs', () => {
    expect(new Set(seedUsers.map((u) => u.account)).size).toBe(seedUsers.length);
    expect(new Set(seedUsers.map((u) => u.nationalId)).size).toBe(seedUsers.length);
    for (const u of seedUsers) {
      expect(u.account).toMatch(/^[a-z0-9_]{3,12}$/);
      expect(byId.has(u.orgCode), u.orgCode).toBe(true);
      for (const r of u.roles)
        if (r.role === 'AGENCY_ADMIN') expect(agencyOf(byId.get(u.orgCode)!, byId).code).toBe(r.agencyCode);
      expect(withIdCheckDigit(u.nationalId.slice(0, 9))).toBe(u.nationalId);
    }
    expect(withIdCheckDigit('A12345678')).toBe('A123456789');
    expect(seedUsers.find((u) => u.account === 'sysadmin')).toMatchObject({
      name: '系統管理者',
      orgCode: 'G25',
      roles: [{ role: 'SYSTEM_ADMIN' }],
    });
    expect(DEFAULT_DEMO_PASSWORD).toBe('Tainan@2026');
  });
});

describe('system parameters', () => {
  it('define every required parameter with defaults in bounds', () => {
    expect(DEFAULT_SYSTEM_PARAMETERS).toEqual({
      'account.idleDisableAfter': 90 * 86400,
      'account.idleWarningBefore': 7 * 86400,
      'password.maxAge': 90 * 86400,
      'password.historyCount': 3,
      'login.lockoutThreshold': 5,
      'login.lockoutDuration': 15 * 60,
      'request.reminderAfter': 3 * 86400,
      'request.escalationAfter': 7 * 86400,
      'request.expiryAfter': 14 * 86400,
      'repair.replyTarget': 24 * 3600,
      'repair.escalateAfter': 24 * 3600,
      'repair.autoCloseAfter': 7 * 86400,
      'integration.secretGracePeriod': 7 * 86400,
      'verification.codeTtl': 10 * 60,
      'verification.codeMaxAttempts': 5,
      'login.temporaryPasswordTtl': 10 * 60,
    });
    for (const d of SYSTEM_PARAMETERS) expect(validateParameterValue(d, d.defaultValue), d.key).toBeNull();
  });

  it('parses, serialises and falls back to defaults on bad rows', () => {
    expect(parseParameterValue('DURATION', '5')).toBe(5);
    expect(parseParameterValue('BOOL', 'true')).toBe(true);
    expect(() => parseParameterValue('INT', '1.5')).toThrow();
    expect(serializeParameterValue('DURATION', 3600)).toBe('3600');
    const values = resolveSystemParameters(
      [
        { key: 'request.reminderAfter', value: '5' }, // tests shorten durations to seconds
        { key: 'login.lockoutThreshold', value: 'abc' }, // unparsable → default
        { key: 'password.historyCount', value: '999' }, // out of bounds → default
      ],
      ['request.reminderAfter', 'login.lockoutThreshold', 'password.historyCount', 'password.maxAge'],
    );
    expect(values).toEqual({
      'request.reminderAfter': 5,
      'login.lockoutThreshold': 5,
      'password.historyCount': 3,
      'password.maxAge': 90 * 86400,
    });
    expect(validateParameterValue(SYSTEM_PARAMETERS[3], 30)).toMatch(/不可大於/);
  });
});
