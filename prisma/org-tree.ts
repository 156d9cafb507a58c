// The Tainan City Government organisation tree, seeded into `organizations`.
//
// Codes are stable identifiers (they are also AD OU names): never renumber, never reuse. New units
// get the next free number. Scheme:
//   G01…  府內單位 (CITY_HALL_UNIT)    E01…  府外機關 (EXTERNAL_AGENCY)    D01…D37  區公所
//   <agency>-01…49  business 科/課/中心 (SECTION)
//   <agency>-51…89  二級機關 (SECOND_LEVEL_AGENCY), e.g. G01-51 府東戶政事務所; their 課 G01-51-01…
//   <agency>-91 秘書室, -92 人事室, -93 會計室, -94 政風室 (the same suffix in every agency)
//
// Sources: the 組織規程 of 財政稅務局, 社會局, 各戶政事務所 and 各地政事務所 (Tainan law database),
// 秘書處's own description of its six 科, and the list of Tainan's 戶政事務所 / 衛生所 sites. Other
// bureaus' sections are best knowledge; correct them through 組織管理 (the seed only adds and
// renames the codes below, it never deletes). Youth affairs is a 科 of 研考會 (Tainan has no 青年局).

import type { OrgKind } from '../domain/org-tree';
import { adOuOf } from '../domain/org-tree';

export interface OrgSeed {
  code: string;
  name: string;
  shortName?: string;
  kind: OrgKind;
  children?: readonly OrgSeed[];
}

/** One row to upsert, parents before children. */
export interface OrgSeedRow {
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  parentCode: string | null;
  sortOrder: number;
  adOu: string;
  depth: number;
}

type SectionSpec = readonly [suffix: string, name: string];

function sections(parent: string, specs: readonly SectionSpec[]): OrgSeed[] {
  return specs.map(([suffix, name]) => ({ code: `${parent}-${suffix}`, name, kind: 'SECTION' as const }));
}

/** 秘書室 / 人事室 / 會計室 / 政風室, minus the ones an agency is itself (人事處 has no 人事室). */
function staffOffices(parent: string, omit: readonly string[] = []): OrgSeed[] {
  const all: SectionSpec[] = [
    ['91', '秘書室'],
    ['92', '人事室'],
    ['93', '會計室'],
    ['94', '政風室'],
  ];
  return sections(
    parent,
    all.filter(([, name]) => !omit.includes(name)),
  );
}

function bureau(
  code: string,
  name: string,
  shortName: string | undefined,
  business: readonly SectionSpec[],
  opts: { omitStaff?: readonly string[]; secondLevel?: readonly OrgSeed[]; kind?: OrgKind } = {},
): OrgSeed {
  return {
    code,
    name,
    ...(shortName ? { shortName } : {}),
    kind: opts.kind ?? 'CITY_HALL_UNIT',
    children: [...sections(code, business), ...(opts.secondLevel ?? []), ...staffOffices(code, opts.omitStaff)],
  };
}

function secondLevel(parent: string, suffix: string, name: string, units: readonly SectionSpec[]): OrgSeed {
  const code = `${parent}-${suffix}`;
  return { code, name, kind: 'SECOND_LEVEL_AGENCY', children: sections(code, units) };
}

// 37 districts in a fixed order: the index is part of the codes (D01…, and 衛生所 E03-51…).
export const DISTRICTS = [
  '中西區',
  '東區',
  '南區',
  '北區',
  '安平區',
  '安南區',
  '永康區',
  '歸仁區',
  '新化區',
  '左鎮區',
  '玉井區',
  '楠西區',
  '南化區',
  '仁德區',
  '關廟區',
  '龍崎區',
  '官田區',
  '麻豆區',
  '佳里區',
  '西港區',
  '七股區',
  '將軍區',
  '學甲區',
  '北門區',
  '新營區',
  '後壁區',
  '白河區',
  '東山區',
  '六甲區',
  '下營區',
  '柳營區',
  '鹽水區',
  '善化區',
  '大內區',
  '山上區',
  '新市區',
  '安定區',
] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');

// 戶政事務所 (臺南市各戶政事務所組織規程: 戶籍登記課 / 戶籍資料課 / 戶籍行政課).
const HOUSEHOLD_OFFICES = [
  '府東',
  '安南',
  '安平',
  '永康',
  '歸仁',
  '仁德',
  '新化',
  '善化',
  '玉井',
  '麻豆',
  '官田',
  '佳里',
  '學甲',
  '新營',
  '白河',
] as const;
const HOUSEHOLD_UNITS: SectionSpec[] = [
  ['01', '戶籍登記課'],
  ['02', '戶籍資料課'],
  ['03', '戶籍行政課'],
];

// 地政事務所 (臺南市各地政事務所組織規程 §2; 登記課 / 測量課 / 地價課 / 地用課).
const LAND_OFFICES = ['臺南', '東南', '安南', '永康', '新化', '歸仁', '佳里', '麻豆', '玉井', '鹽水', '白河'] as const;
const LAND_UNITS: SectionSpec[] = [
  ['01', '登記課'],
  ['02', '測量課'],
  ['03', '地價課'],
  ['04', '地用課'],
];

const DISTRICT_UNITS: SectionSpec[] = [
  ['01', '民政課'],
  ['02', '社會課'],
  ['03', '經建課'],
  ['04', '人文課'],
  ['91', '秘書室'],
  ['92', '人事室'],
  ['93', '會計室'],
];

const CITY_HALL_UNITS: OrgSeed[] = [
  bureau(
    'G01',
    '民政局',
    undefined,
    [
      ['01', '自治行政科'],
      ['02', '區政監督科'],
      ['03', '宗教禮俗科'],
      ['04', '戶政科'],
      ['05', '兵役科'],
    ],
    {
      secondLevel: HOUSEHOLD_OFFICES.map((n, i) => secondLevel('G01', String(51 + i), `${n}戶政事務所`, HOUSEHOLD_UNITS)),
    },
  ),
  bureau('G02', '財政稅務局', '財稅局', [
    ['01', '財務管理科'],
    ['02', '庫款支付科'],
    ['03', '公產管理科'],
    ['04', '菸酒管理科'],
    ['05', '綜合企劃科'],
    ['06', '財產稅科'],
    ['07', '使用牌照稅科'],
    ['08', '資訊科'],
  ]),
  bureau(
    'G03',
    '教育局',
    undefined,
    [
      ['01', '教育發展科'],
      ['02', '國小教育科'],
      ['03', '中等教育科'],
      ['04', '幼兒教育科'],
      ['05', '特殊教育科'],
      ['06', '社會教育科'],
      ['07', '體育及衛生保健科'],
      ['08', '學生事務室'],
    ],
    { secondLevel: [secondLevel('G03', '51', '家庭教育中心', [])] },
  ),
  bureau(
    'G04',
    '經濟發展局',
    '經發局',
    [
      ['01', '商業行政科'],
      ['02', '工業行政科'],
      ['03', '能源科'],
      ['04', '公用事業科'],
      ['05', '產業發展科'],
    ],
    { secondLevel: [secondLevel('G04', '51', '市場處', [])] },
  ),
  bureau('G05', '工務局', undefined, [
    ['01', '土木工程科'],
    ['02', '養護工程科'],
    ['03', '建築工程科'],
    ['04', '使用管理科'],
    ['05', '公園管理科'],
    ['06', '路燈管理科'],
  ]),
  bureau('G06', '水利局', undefined, [
    ['01', '水利規劃科'],
    ['02', '水利工程科'],
    ['03', '河海管理科'],
    ['04', '雨水下水道科'],
    ['05', '污水工程科'],
    ['06', '水利管理科'],
  ]),
  bureau(
    'G07',
    '社會局',
    undefined,
    [
      ['01', '人民團體科'],
      ['02', '社會工作及家庭福利科'],
      ['03', '老人福利科'],
      ['04', '社會救助科'],
      ['05', '身心障礙福利科'],
      ['06', '婦女及兒童少年福利科'],
    ],
    {
      secondLevel: [
        secondLevel('G07', '51', '家庭暴力暨性侵害防治中心', []),
        secondLevel('G07', '52', '仁愛之家', []),
        secondLevel('G07', '53', '照顧服務管理中心', []),
      ],
    },
  ),
  bureau('G08', '勞工局', undefined, [
    ['01', '勞資關係科'],
    ['02', '勞動條件科'],
    ['03', '勞工福利科'],
    ['04', '就業服務科'],
    ['05', '職業安全衛生科'],
  ]),
  bureau('G09', '都市發展局', '都發局', [
    ['01', '都市計畫科'],
    ['02', '都市更新科'],
    ['03', '都市設計科'],
    ['04', '住宅發展科'],
    ['05', '綜合企劃科'],
  ]),
  bureau(
    'G10',
    '農業局',
    undefined,
    [
      ['01', '農務科'],
      ['02', '農業行政科'],
      ['03', '畜產科'],
      ['04', '漁業科'],
      ['05', '林務科'],
      ['06', '農村發展科'],
    ],
    {
      secondLevel: [secondLevel('G10', '51', '動物防疫保護處', []), secondLevel('G10', '52', '漁港及近海管理所', [])],
    },
  ),
  bureau('G11', '觀光旅遊局', '觀旅局', [
    ['01', '觀光行銷科'],
    ['02', '觀光產業科'],
    ['03', '觀光工程科'],
    ['04', '風景區管理科'],
  ]),
  bureau('G12', '交通局', undefined, [
    ['01', '交通規劃科'],
    ['02', '交通工程科'],
    ['03', '運輸管理科'],
    ['04', '停車管理科'],
    ['05', '公共運輸科'],
  ]),
  bureau(
    'G13',
    '地政局',
    undefined,
    [
      ['01', '地籍科'],
      ['02', '地價科'],
      ['03', '地權科'],
      ['04', '地用科'],
      ['05', '測量科'],
      ['06', '土地開發科'],
    ],
    {
      secondLevel: LAND_OFFICES.map((n, i) => secondLevel('G13', String(51 + i), `${n}地政事務所`, LAND_UNITS)),
    },
  ),
  bureau(
    'G14',
    '文化局',
    undefined,
    [
      ['01', '文化發展科'],
      ['02', '藝術發展科'],
      ['03', '文化資產科'],
      ['04', '表演藝術科'],
      ['05', '視覺藝術科'],
    ],
    {
      secondLevel: [secondLevel('G14', '51', '文化資產管理處', []), secondLevel('G14', '52', '臺南市立圖書館', [])],
    },
  ),
  bureau('G15', '體育局', undefined, [
    ['01', '全民運動科'],
    ['02', '競技運動科'],
    ['03', '運動設施科'],
  ]),
  bureau(
    'G16',
    '秘書處',
    undefined,
    [
      ['01', '機要科'],
      ['02', '文書科'],
      ['03', '總務科'],
      ['04', '廳舍管理科'],
      ['05', '採購企劃管理科'],
      ['06', '檔案科'],
    ],
    { omitStaff: ['秘書室'] },
  ),
  bureau('G17', '法制處', undefined, [
    ['01', '法制科'],
    ['02', '訴願審議科'],
    ['03', '法律事務科'],
    ['04', '消費者保護科'],
  ]),
  bureau('G18', '新聞及國際關係處', '新聞處', [
    ['01', '新聞聯繫科'],
    ['02', '媒體行銷科'],
    ['03', '國際關係科'],
  ]),
  bureau(
    'G19',
    '人事處',
    undefined,
    [
      ['01', '綜合企劃科'],
      ['02', '任免遷調科'],
      ['03', '考核訓練科'],
      ['04', '給與福利科'],
    ],
    { omitStaff: ['人事室'] },
  ),
  bureau(
    'G20',
    '主計處',
    undefined,
    [
      ['01', '歲計科'],
      ['02', '會計科'],
      ['03', '統計科'],
      ['04', '綜合規劃科'],
    ],
    { omitStaff: ['會計室'] },
  ),
  bureau(
    'G21',
    '政風處',
    undefined,
    [
      ['01', '綜合企劃科'],
      ['02', '預防科'],
      ['03', '查處科'],
      ['04', '維護科'],
    ],
    { omitStaff: ['政風室'] },
  ),
  bureau('G22', '研究發展考核委員會', '研考會', [
    ['01', '綜合計畫科'],
    ['02', '管制考核科'],
    ['03', '研展暨青年事務科'],
    ['04', '為民服務科'],
  ]),
  bureau('G23', '原住民族事務委員會', '原民會', [
    ['01', '綜合企劃科'],
    ['02', '社會福利科'],
  ]),
  bureau('G24', '客家事務委員會', '客委會', [
    ['01', '綜合企劃科'],
    ['02', '文化教育科'],
  ]),
  bureau('G25', '智慧發展中心', '智發中心', [
    ['01', '綜合企劃科'],
    ['02', '應用服務科'],
    ['03', '數據創新科'],
    ['04', '網路管理科'],
    ['05', '資通安全科'],
  ]),
];

const EXTERNAL_AGENCIES: OrgSeed[] = [
  bureau(
    'E01',
    '警察局',
    undefined,
    [
      ['01', '行政科'],
      ['02', '保安科'],
      ['03', '防治科'],
      ['04', '督察科'],
      ['05', '後勤科'],
      ['06', '勤務指揮中心'],
      ['07', '刑事警察大隊'],
      ['08', '交通警察大隊'],
    ],
    { kind: 'EXTERNAL_AGENCY', omitStaff: ['政風室'] },
  ),
  bureau(
    'E02',
    '消防局',
    undefined,
    [
      ['01', '災害預防科'],
      ['02', '災害搶救科'],
      ['03', '緊急救護科'],
      ['04', '火災調查科'],
      ['05', '救災救護指揮中心'],
    ],
    { kind: 'EXTERNAL_AGENCY' },
  ),
  bureau(
    'E03',
    '衛生局',
    undefined,
    [
      ['01', '疾病管制科'],
      ['02', '醫事管理科'],
      ['03', '食品藥物管理科'],
      ['04', '保健科'],
      ['05', '心理及口腔健康科'],
      ['06', '長期照護科'],
    ],
    {
      kind: 'EXTERNAL_AGENCY',
      // Every district has a 衛生所; numbered by the district's position in DISTRICTS.
      secondLevel: DISTRICTS.map((d, i) => secondLevel('E03', String(51 + i), `${d}衛生所`, [])),
    },
  ),
  bureau(
    'E04',
    '環境保護局',
    '環保局',
    [
      ['01', '綜合規劃科'],
      ['02', '空氣品質及噪音管制科'],
      ['03', '水質保護科'],
      ['04', '廢棄物管理科'],
      ['05', '環境衛生及毒物管理科'],
      ['06', '環境稽查大隊'],
    ],
    { kind: 'EXTERNAL_AGENCY' },
  ),
];

const DISTRICT_OFFICES: OrgSeed[] = DISTRICTS.map((d, i) => {
  const code = `D${pad2(i + 1)}`;
  return {
    code,
    name: `${d}公所`,
    shortName: d,
    kind: 'DISTRICT_OFFICE' as const,
    children: sections(code, DISTRICT_UNITS),
  };
});

export const ORG_TREE: readonly OrgSeed[] = [...CITY_HALL_UNITS, ...EXTERNAL_AGENCIES, ...DISTRICT_OFFICES];

const CODE_RE = /^[A-Z][0-9]{2}(-[0-9]{2})*$/;

/**
 * Pre-order rows (parents first) with sortOrder = position among siblings and adOu from the
 * code path. Throws when a code is malformed, duplicated, or not prefixed by its parent's code.
 */
export function flattenOrgTree(tree: readonly OrgSeed[] = ORG_TREE): OrgSeedRow[] {
  const rows: OrgSeedRow[] = [];
  const seen = new Set<string>();
  const walk = (nodes: readonly OrgSeed[], parents: OrgSeed[]) => {
    nodes.forEach((n, i) => {
      const parent = parents[parents.length - 1];
      if (!CODE_RE.test(n.code)) throw new Error(`bad organisation code ${n.code}`);
      if (seen.has(n.code)) throw new Error(`duplicate organisation code ${n.code}`);
      if (parent && !n.code.startsWith(`${parent.code}-`)) {
        throw new Error(`organisation code ${n.code} is not below its parent ${parent.code}`);
      }
      if (!parent && n.code.includes('-')) throw new Error(`top-level code ${n.code} must have no suffix`);
      seen.add(n.code);
      const path = [...parents, n];
      rows.push({
        code: n.code,
        name: n.name,
        shortName: n.shortName ?? null,
        kind: n.kind,
        parentCode: parent?.code ?? null,
        sortOrder: i,
        adOu: adOuOf(path),
        depth: parents.length,
      });
      walk(n.children ?? [], path);
    });
  };
  walk(tree, []);
  return rows;
}
