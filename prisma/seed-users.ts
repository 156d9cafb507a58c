// Demo accounts created by the seed, one system admin plus, for four agencies, an agency admin
// (<x>admin) and two general users. Also read by the AD seeding, which creates the same accounts
// (CN=<account> in OU=<orgCode>) with the same demo password. No I/O here.

export type SeedRole = { role: 'SYSTEM_ADMIN' } | { role: 'AGENCY_ADMIN'; agencyCode: string };

export interface SeedUser {
  account: string;
  name: string;
  title: string;
  /** Code of the unit the user works in (prisma/org-tree.ts). */
  orgCode: string;
  roles: readonly SeedRole[];
  officePhone: string;
  officeExt: string | null;
  backupEmail: string;
  officialMail: boolean;
  /** Fake but checksum-valid ID number (臺南市 letter D), so ID look-ups and masking can be tried. */
  nationalId: string;
}

/** Satisfies the password rules: 8–15 chars, upper, lower, digit, one of !@#$%^&*~, no '. */
export const DEFAULT_DEMO_PASSWORD = 'Tainan@2026';

const LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10,
  B: 11,
  C: 12,
  D: 13,
  E: 14,
  F: 15,
  G: 16,
  H: 17,
  I: 34,
  J: 18,
  K: 19,
  L: 20,
  M: 21,
  N: 22,
  O: 35,
  P: 23,
  Q: 24,
  R: 25,
  S: 26,
  T: 27,
  U: 28,
  V: 29,
  W: 32,
  X: 30,
  Y: 31,
  Z: 33,
};

/** Appends the check digit of a Taiwan ID number to its first nine characters. */
export function withIdCheckDigit(first9: string): string {
  const code = LETTER_CODES[first9[0] ?? ''];
  if (code === undefined || !/^[A-Z][0-9]{8}$/.test(first9)) throw new Error(`bad ID prefix ${first9}`);
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i <= 8; i++) sum += Number(first9[i]) * (9 - i);
  return `${first9}${(10 - (sum % 10)) % 10}`;
}

function fakeId(n: number, gender: 1 | 2): string {
  return withIdCheckDigit(`D${gender}${String(2_600_000 + n).padStart(7, '0')}`);
}

function user(
  n: number,
  u: Omit<SeedUser, 'nationalId' | 'backupEmail' | 'officeExt' | 'officialMail'> & {
    gender: 1 | 2;
    ext?: string;
    officialMail?: boolean;
  },
): SeedUser {
  const { gender, ext, officialMail, ...rest } = u;
  return {
    ...rest,
    officeExt: ext ?? null,
    backupEmail: `${u.account}@example.com`,
    officialMail: officialMail ?? true,
    nationalId: fakeId(n, gender),
  };
}

export const seedUsers: readonly SeedUser[] = [
  user(1, {
    account: 'sysadmin',
    name: '系統管理者',
    title: '系統管理者',
    orgCode: 'G25',
    gender: 1,
    roles: [{ role: 'SYSTEM_ADMIN' }],
    officePhone: '2991111',
    ext: '8001',
  }),
  // 智慧發展中心
  user(2, {
    account: 'sdcadmin',
    name: '林怡君',
    title: '科長',
    orgCode: 'G25-01',
    gender: 2,
    roles: [{ role: 'AGENCY_ADMIN', agencyCode: 'G25' }],
    officePhone: '2991111',
    ext: '8101',
  }),
  user(3, {
    account: 'sdcuser1',
    name: '陳志明',
    title: '工程師',
    orgCode: 'G25-02',
    gender: 1,
    roles: [],
    officePhone: '2991111',
    ext: '8201',
  }),
  user(4, {
    account: 'sdcuser2',
    name: '黃淑芬',
    title: '分析師',
    orgCode: 'G25-05',
    gender: 2,
    roles: [],
    officePhone: '2991111',
    ext: '8501',
    officialMail: false,
  }),
  // 民政局
  user(5, {
    account: 'cabadmin',
    name: '張家豪',
    title: '專員',
    orgCode: 'G01-91',
    gender: 1,
    roles: [{ role: 'AGENCY_ADMIN', agencyCode: 'G01' }],
    officePhone: '2991111',
    ext: '6101',
  }),
  user(6, {
    account: 'cabuser1',
    name: '李雅婷',
    title: '科員',
    orgCode: 'G01-04',
    gender: 2,
    roles: [],
    officePhone: '2991111',
    ext: '6401',
  }),
  user(7, {
    account: 'cabuser2',
    name: '王建宏',
    title: '科員',
    orgCode: 'G01-03',
    gender: 1,
    roles: [],
    officePhone: '2991111',
    ext: '6301',
    officialMail: false,
  }),
  // 秘書處
  user(8, {
    account: 'secadmin',
    name: '吳美玲',
    title: '科長',
    orgCode: 'G16-03',
    gender: 2,
    roles: [{ role: 'AGENCY_ADMIN', agencyCode: 'G16' }],
    officePhone: '2991111',
    ext: '5301',
  }),
  user(9, {
    account: 'secuser1',
    name: '劉俊傑',
    title: '科員',
    orgCode: 'G16-02',
    gender: 1,
    roles: [],
    officePhone: '2991111',
    ext: '5201',
  }),
  user(10, {
    account: 'secuser2',
    name: '蔡佩珊',
    title: '辦事員',
    orgCode: 'G16-06',
    gender: 2,
    roles: [],
    officePhone: '2991111',
    ext: '5601',
    officialMail: false,
  }),
  // 永康區公所 (D07)
  user(11, {
    account: 'ykadmin',
    name: '鄭宗翰',
    title: '主任',
    orgCode: 'D07-91',
    gender: 1,
    roles: [{ role: 'AGENCY_ADMIN', agencyCode: 'D07' }],
    officePhone: '2322000',
    ext: '101',
  }),
  user(12, {
    account: 'ykuser1',
    name: '謝宜蓁',
    title: '課員',
    orgCode: 'D07-01',
    gender: 2,
    roles: [],
    officePhone: '2322000',
    ext: '201',
  }),
  user(13, {
    account: 'ykuser2',
    name: '許文彬',
    title: '課員',
    orgCode: 'D07-02',
    gender: 1,
    roles: [],
    officePhone: '2322000',
    ext: '301',
    officialMail: false,
  }),
];
