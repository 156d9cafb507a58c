// The route table: every page of the SPA, once, with its path, zh-TW title (the manual's wording)
// and who may open it. The left menu, the breadcrumbs, the guards and the router are all derived from
// this module (see menu.ts and router.tsx); pages link to each other through it. The component that
// renders each route is in pages.ts, so pages never import the module that lazy-loads them.
//
// A route without a page in pages.ts is not built yet: it renders the 尚未開放 page with its title.
// A route with `externalLink` opens that configured address in a new window from the menu; while the
// address is not configured, the route's own path shows the 尚未開放 page.
import type { ExternalLinks } from '../config';
import type { Role } from '../lib/api/types';

export type Access = 'public' | 'user';

/**
 * What opens a route: a role; DEPUTY — standing in for an approver today (代理人設定); or holding an
 * item as 保管人 (表 2: a general user sees 物品管理 for the items they hold).
 */
export type AccessRole =
  Role | 'DEPUTY' | 'VENUE_CUSTODIAN' | 'CAR_CUSTODIAN' | 'DRIVER_MANAGER' | 'REPAIR_CUSTODIAN' | 'REPAIR_VENDOR';

const CUSTODY_ROLES = {
  VENUE: 'VENUE_CUSTODIAN',
  CAR: 'CAR_CUSTODIAN',
  DRIVER: 'DRIVER_MANAGER',
  REPAIR_TYPE: 'REPAIR_CUSTODIAN',
} as const;

/** The roles a logged-in user opens routes with. */
export const accessRolesOf = (user: {
  roles: readonly Role[];
  deputyFor?: readonly unknown[];
  custodianOf?: readonly (keyof typeof CUSTODY_ROLES)[];
  /** 維修人員 of a 報修類型: 報修處理狀況回報 opens. */
  repairVendor?: boolean;
}): AccessRole[] => [
  ...user.roles,
  ...(user.deputyFor?.length ? (['DEPUTY'] as const) : []),
  ...(user.custodianOf ?? []).map((kind) => CUSTODY_ROLES[kind]),
  ...(user.repairVendor ? (['REPAIR_VENDOR'] as const) : []),
];

interface RouteSpec {
  path: string;
  title: string;
  /** public: anyone, no session needed; user: a logged-in user (further limited by `roles`). */
  access: Access;
  /** Any one of these roles is required; absent = every logged-in user. */
  roles?: readonly AccessRole[];
  externalLink?: keyof ExternalLinks;
  /**
   * The route this page belongs to (a route id): a sub-function of a menu item or a detail page.
   * It gives the breadcrumbs and keeps the parent highlighted in the side menu.
   */
  parent?: string;
  /** Listed in the side menu, below its parent (sub-functions; detail pages leave it out). */
  subMenu?: boolean;
}

export interface RouteDef extends Omit<RouteSpec, 'parent'> {
  id: RouteId;
  parent?: RouteId;
}

const SA: readonly Role[] = ['SYSTEM_ADMIN'];
const SA_AA: readonly Role[] = ['SYSTEM_ADMIN', 'AGENCY_ADMIN'];
/** The review inboxes: their approvers, and whoever stands in for one today. */
const REVIEWERS: readonly AccessRole[] = [...SA_AA, 'DEPUTY'];
/** 物品管理: admins, and the custodians of each kind of item (a deputy sees only the booking inboxes). */
const VENUE_KEEPERS: readonly AccessRole[] = [...SA_AA, 'VENUE_CUSTODIAN'];
const CAR_KEEPERS: readonly AccessRole[] = [...SA_AA, 'CAR_CUSTODIAN'];
const DRIVER_KEEPERS: readonly AccessRole[] = [...SA_AA, 'DRIVER_MANAGER'];
const REPAIR_KEEPERS: readonly AccessRole[] = [...SA_AA, 'REPAIR_CUSTODIAN'];
const ITEM_KEEPERS: readonly AccessRole[] = [...SA_AA, 'VENUE_CUSTODIAN', 'CAR_CUSTODIAN', 'DRIVER_MANAGER', 'REPAIR_CUSTODIAN'];

const specs = {
  // 臺南市政府公務入口網-未登入 (manual 第二章第二節)
  landing: { path: '/', title: '臺南市政府公務入口網', access: 'public' },
  login: { path: '/login', title: '個人帳號登入', access: 'public' },
  // 單一帳號認證平台 (manual 第二章第一節): oidc-provider sends the browser here for login and 授權.
  ssoLogin: { path: '/login/sso/:uid', title: '單一帳號認證平台', access: 'public' },
  forgotPassword: {
    path: '/login/forgot-password',
    title: '忘記密碼',
    access: 'public',
  },
  // 密碼已逾期: the SSO login page comes here with the login's changeToken in the router state.
  passwordExpired: {
    path: '/login/password-expired',
    title: '密碼已逾期',
    access: 'public',
  },
  activateAccount: {
    path: '/login/activate',
    title: '開通帳號',
    access: 'public',
  },
  // 機關(單位)異動申請 › 送出 signs the user out: this public page says what happens next.
  agencyChangeSubmitted: {
    path: '/login/agency-change-submitted',
    title: '機關(單位)異動申請已送出',
    access: 'public',
  },
  accountApplication: {
    path: '/apply/account',
    title: '個人帳號申請',
    access: 'public',
  },
  accountApplicationEdit: {
    path: '/apply/account/edit',
    title: '修改個人帳號申請內容',
    access: 'public',
  },
  accountApplicationStatusLookup: {
    path: '/apply/account/status',
    title: '申請進度查詢',
    access: 'public',
  },
  accountApplicationStatus: {
    path: '/apply/account/status/:id',
    title: '申請進度',
    access: 'public',
  },
  accountReactivation: {
    path: '/apply/reactivation',
    title: '個人帳號復用',
    access: 'public',
  },
  agencyAdminLookup: {
    path: '/agency-admins/lookup',
    title: '機關管理員查詢',
    access: 'public',
  },

  // 內容主頁 and the user's name menu
  home: { path: '/home', title: '內容主頁', access: 'user' },
  personalization: { path: '/settings/personalization', title: '個人化設定', access: 'user' },
  account: { path: '/account', title: '個人帳號管理', access: 'user' },
  // 個人帳號管理 › 代理人設定: an approver names a colleague who decides their requests for a period.
  delegations: { path: '/account/delegations', title: '代理人設定', access: 'user', parent: 'account' },
  loginRecords: {
    path: '/account/login-records',
    title: '個人帳號登入紀錄',
    access: 'user',
  },
  loginRecordDetail: {
    path: '/account/login-records/:id',
    title: '登入紀錄詳細資料',
    access: 'user',
    parent: 'loginRecords',
  },
  usageRecords: {
    path: '/account/usage-records',
    title: '個人帳號使用紀錄',
    access: 'user',
  },

  // 我的個人應用
  myEmail: { path: '/my/email', title: '我的電子郵件', access: 'user' },
  myAnnouncements: { path: '/my/announcements', title: '我的公告管理', access: 'user' },
  myDocumentAttachments: { path: '/my/document-attachments', title: '我的公文附件管理', access: 'user' },
  myMailAccounts: { path: '/my/mail-accounts', title: '我的機關及系統郵件帳號管理', access: 'user' },
  // 表 2: the 維修人員 of a 報修類型 answer its tickets here.
  repairHandling: { path: '/my/repair-handling', title: '報修處理狀況回報', access: 'user', roles: ['REPAIR_VENDOR'] },
  repairHandlingTicket: {
    path: '/my/repair-handling/:key',
    title: '報修處理狀況回報',
    access: 'user',
    roles: ['REPAIR_VENDOR'],
    parent: 'repairHandling',
  },

  // 應用程式列表
  announcements: { path: '/apps/announcements', title: '公告專區', access: 'user' },
  faq: { path: '/apps/faq', title: '常見問題', access: 'user' },
  fileDownloads: { path: '/apps/files', title: '檔案下載區', access: 'user' },
  documentAttachments: { path: '/apps/document-attachments', title: '公文附件下載區', access: 'user' },
  readingClubs: { path: '/apps/reading-clubs', title: '線上讀書會', access: 'user' },
  trainingRegistration: { path: '/apps/training-registration', title: '教育訓練報名', access: 'user' },
  yonghuaTemperature: {
    path: '/apps/yonghua-temperature',
    title: '永華辦公室溫度表',
    access: 'user',
    externalLink: 'yonghuaTemperature',
  },
  energySaving: { path: '/apps/energy-saving', title: '節能減碳平台', access: 'user', externalLink: 'energySaving' },
  propertySystem: { path: '/apps/property-system', title: '物品管理系統', access: 'user', externalLink: 'propertySystem' },
  smallProcurement: {
    path: '/apps/small-procurement',
    title: '小額採購資訊網',
    access: 'user',
    externalLink: 'smallProcurement',
  },
  personnelIshare: {
    path: '/apps/personnel-ishare',
    title: '人事處 iShare 網站',
    access: 'user',
    externalLink: 'personnelIshare',
  },
  salaryQuery: { path: '/apps/salary-query', title: '薪資暨所得資料查詢系統', access: 'user', externalLink: 'salaryQuery' },

  // 資安自我檢查表
  selfCheckPc: { path: '/security-self-check/personal-computer', title: '資安自我檢查表(個人電腦)', access: 'user' },
  selfCheckSystem: { path: '/security-self-check/system-management', title: '資安自我檢查表(系統管理)', access: 'user' },

  // 公務通訊資源
  directory: { path: '/communication/directory', title: '通訊錄', access: 'user' },
  councillors: { path: '/communication/councillors', title: '議員資訊', access: 'user', externalLink: 'councillors' },
  myAgencyAdmins: {
    path: '/communication/agency-admins',
    title: '本機關管理者',
    access: 'user',
  },

  // 線上申請作業
  repairs: { path: '/applications/repairs', title: '線上報修', access: 'user' },
  repairType: { path: '/applications/repairs/types/:id', title: '報修類型詳細頁', access: 'user', parent: 'repairs' },
  repairNew: { path: '/applications/repairs/types/:id/new', title: '新增報修案件', access: 'user', parent: 'repairType' },
  repairTicket: { path: '/applications/repairs/tickets/:key', title: '報修案件', access: 'user', parent: 'repairs' },
  venueBookings: { path: '/applications/venue-bookings', title: '場地借用申請', access: 'user' },
  carBookings: { path: '/applications/car-bookings', title: '公務車借用登記', access: 'user' },
  bookingRecords: { path: '/applications/booking-records', title: '場地及公務車申請紀錄', access: 'user' },
  calendarFeeds: {
    path: '/applications/booking-records/calendar',
    title: '行事曆訂閱',
    access: 'user',
    parent: 'bookingRecords',
  },
  bookingRecord: {
    path: '/applications/booking-records/:id',
    title: '借用申請明細',
    access: 'user',
    parent: 'bookingRecords',
  },
  mailAccountApplication: { path: '/applications/mail-accounts', title: '機關及資訊系統帳號申請', access: 'user' },
  agencyAdminApplication: {
    path: '/applications/agency-admin',
    title: '機關管理者申請',
    access: 'user',
  },
  integrationApplication: { path: '/applications/integrations', title: '應用系統服務介接申請', access: 'user' },
  integrationSystemNew: {
    path: '/applications/integrations/new',
    title: '新增應用系統',
    access: 'user',
    parent: 'integrationApplication',
  },
  integrationSystem: {
    path: '/applications/integrations/systems/:id',
    title: '應用系統詳細',
    access: 'user',
    parent: 'integrationApplication',
  },
  // 我要申請 (:kind = sso | verify | redirect | sms) and 更換金鑰 / 停用 (:kind/rotate, :kind/revoke).
  integrationServiceApply: {
    path: '/applications/integrations/systems/:id/apply/:kind',
    title: '服務申請',
    access: 'user',
    parent: 'integrationSystem',
  },
  integrationRecord: {
    path: '/applications/integrations/records/:key',
    title: '審核紀錄',
    access: 'user',
    parent: 'integrationApplication',
  },

  // 管理主控台功能 (表 2: 機關管理者 only 帳號管理 and 物品管理)
  consoleMessages: { path: '/console/messages', title: '訊息管理', access: 'user', roles: SA },
  consoleOrganizations: {
    path: '/console/organizations',
    title: '組織管理',
    access: 'user',
    roles: SA,
  },
  consoleAccounts: {
    path: '/console/accounts',
    title: '帳號管理',
    access: 'user',
    roles: SA_AA,
  },
  consoleAccount: {
    path: '/console/accounts/:id',
    title: '帳號明細',
    access: 'user',
    roles: SA_AA,
    parent: 'consoleAccounts',
  },
  consoleAccountApplications: {
    path: '/console/accounts/applications',
    title: '帳號申請審核',
    access: 'user',
    roles: REVIEWERS,
    parent: 'consoleAccounts',
    subMenu: true,
  },
  consoleAccountApplication: {
    path: '/console/accounts/applications/:id',
    title: '帳號申請明細',
    access: 'user',
    roles: REVIEWERS,
    parent: 'consoleAccountApplications',
  },
  consoleAdminRoleRequests: {
    path: '/console/accounts/admin-role-requests',
    title: '機關管理者申請審核',
    access: 'user',
    roles: REVIEWERS,
    parent: 'consoleAccounts',
    subMenu: true,
  },
  consoleAdminRoleRequest: {
    path: '/console/accounts/admin-role-requests/:id',
    title: '機關管理者申請明細',
    access: 'user',
    roles: REVIEWERS,
    parent: 'consoleAdminRoleRequests',
  },
  consoleAgencyChangeRequests: {
    path: '/console/accounts/agency-change-requests',
    title: '機關異動審核',
    access: 'user',
    roles: REVIEWERS,
    parent: 'consoleAccounts',
    subMenu: true,
  },
  consoleAgencyChangeRequest: {
    path: '/console/accounts/agency-change-requests/:id',
    title: '機關異動申請明細',
    access: 'user',
    roles: REVIEWERS,
    parent: 'consoleAgencyChangeRequests',
  },
  consoleReactivationRequests: {
    path: '/console/accounts/reactivation-requests',
    title: '復用申請審核',
    access: 'user',
    roles: REVIEWERS,
    parent: 'consoleAccounts',
    subMenu: true,
  },
  consoleReactivationRequest: {
    path: '/console/accounts/reactivation-requests/:id',
    title: '復用申請明細',
    access: 'user',
    roles: REVIEWERS,
    parent: 'consoleReactivationRequests',
  },
  consoleAdSync: {
    path: '/console/ad-sync',
    title: 'AD 同步管理作業',
    access: 'user',
    roles: SA,
  },
  consoleIntegrations: { path: '/console/integrations', title: '應用系統服務介接管理', access: 'user', roles: SA },
  consoleIntegration: {
    path: '/console/integrations/:key',
    title: '服務介接申請審核',
    access: 'user',
    roles: SA,
    parent: 'consoleIntegrations',
  },
  consoleHomeApps: { path: '/console/home-apps', title: '首頁應用程式管理', access: 'user', roles: SA },
  consoleLogs: {
    path: '/console/logs',
    title: '日誌紀錄管理',
    access: 'user',
    roles: SA,
  },
  consoleParameters: {
    path: '/console/parameters',
    title: '系統參數管理',
    access: 'user',
    roles: SA,
  },
  // 表 2: custodians (保管人) who are general users see 物品管理 for the items they hold.
  consoleItems: { path: '/console/items', title: '物品管理', access: 'user', roles: ITEM_KEEPERS },
  consoleVenues: {
    path: '/console/items/venues',
    title: '場地清單管理',
    access: 'user',
    roles: VENUE_KEEPERS,
    parent: 'consoleItems',
    subMenu: true,
  },
  consoleVenueNew: {
    path: '/console/items/venues/new',
    title: '新增場地',
    access: 'user',
    roles: SA_AA,
    parent: 'consoleVenues',
  },
  consoleVenue: {
    path: '/console/items/venues/:id',
    title: '場地管理',
    access: 'user',
    roles: VENUE_KEEPERS,
    parent: 'consoleVenues',
  },
  consoleVenueBookings: {
    path: '/console/items/venue-bookings',
    title: '場地借用審核',
    access: 'user',
    roles: [...VENUE_KEEPERS, 'DEPUTY'],
    parent: 'consoleItems',
    subMenu: true,
  },
  consoleVenueBooking: {
    path: '/console/items/venue-bookings/:id',
    title: '場地借用申請明細',
    access: 'user',
    roles: [...VENUE_KEEPERS, 'DEPUTY'],
    parent: 'consoleVenueBookings',
  },
  consoleCars: {
    path: '/console/items/cars',
    title: '公務車清單管理',
    access: 'user',
    roles: CAR_KEEPERS,
    parent: 'consoleItems',
    subMenu: true,
  },
  consoleCarNew: { path: '/console/items/cars/new', title: '新增公務車', access: 'user', roles: SA_AA, parent: 'consoleCars' },
  consoleCar: { path: '/console/items/cars/:id', title: '公務車管理', access: 'user', roles: CAR_KEEPERS, parent: 'consoleCars' },
  consoleDrivers: {
    path: '/console/items/drivers',
    title: '派遣司機清單管理',
    access: 'user',
    roles: DRIVER_KEEPERS,
    parent: 'consoleItems',
    subMenu: true,
  },
  consoleDriverNew: {
    path: '/console/items/drivers/new',
    title: '新增司機',
    access: 'user',
    roles: SA_AA,
    parent: 'consoleDrivers',
  },
  consoleDriver: {
    path: '/console/items/drivers/:id',
    title: '派遣司機管理',
    access: 'user',
    roles: DRIVER_KEEPERS,
    parent: 'consoleDrivers',
  },
  consoleCarBookings: {
    path: '/console/items/car-bookings',
    title: '公務車借用審核',
    access: 'user',
    roles: [...CAR_KEEPERS, 'DEPUTY'],
    parent: 'consoleItems',
    subMenu: true,
  },
  consoleCarBooking: {
    path: '/console/items/car-bookings/:id',
    title: '公務車借用申請明細',
    access: 'user',
    roles: [...CAR_KEEPERS, 'DEPUTY'],
    parent: 'consoleCarBookings',
  },
  consoleRepairTypes: {
    path: '/console/items/repair-types',
    title: '報修類型管理',
    access: 'user',
    roles: REPAIR_KEEPERS,
    parent: 'consoleItems',
    subMenu: true,
  },
  consoleRepairTypeNew: {
    path: '/console/items/repair-types/new',
    title: '新增報修類型',
    access: 'user',
    roles: SA_AA,
    parent: 'consoleRepairTypes',
  },
  consoleRepairType: {
    path: '/console/items/repair-types/:id',
    title: '報修類型管理',
    access: 'user',
    roles: REPAIR_KEEPERS,
    parent: 'consoleRepairTypes',
  },
  consoleSecurityAuditForms: {
    path: '/console/security-audit-forms',
    title: '資訊安全內部稽核表管理',
    access: 'user',
    roles: SA,
  },
  consoleVotes: { path: '/console/votes', title: '票選管理', access: 'user', roles: SA },
} satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof specs;

export const ROUTES: Readonly<Record<RouteId, RouteDef>> = Object.fromEntries(
  Object.entries(specs).map(([id, spec]) => [id, { id, ...spec }]),
) as Record<RouteId, RouteDef>;

export const ROUTE_LIST: readonly RouteDef[] = Object.values(ROUTES);

/** The path the 首頁 breadcrumb and the logo point to once logged in. */
export const HOME_PATH = ROUTES.home.path;
export const LOGIN_PATH = ROUTES.login.path;
export const LANDING_PATH = ROUTES.landing.path;

/** Whether a user with these roles may open the route (public routes: everyone). */
export function canAccess(route: RouteDef, roles: readonly AccessRole[] | null): boolean {
  if (route.access === 'public') return true;
  if (roles === null) return false;
  return !route.roles || route.roles.some((role) => roles.includes(role));
}

/** The routes this one belongs to, nearest first (empty for a top-level page). */
export function ancestorsOf(id: RouteId): RouteDef[] {
  const chain: RouteDef[] = [];
  const seen = new Set<RouteId>([id]);
  for (let parent = ROUTES[id].parent; parent !== undefined && !seen.has(parent); parent = ROUTES[parent].parent) {
    seen.add(parent);
    chain.push(ROUTES[parent]);
  }
  return chain;
}

/** The sub-functions listed below a route in the side menu. */
export function subMenuOf(id: RouteId): RouteDef[] {
  return ROUTE_LIST.filter((route) => route.parent === id && route.subMenu);
}

/** A path with no parameters can be linked to (a detail page's `:id` cannot). */
export function isLinkablePath(path: string): boolean {
  return !path.includes(':');
}

export function routeByPath(path: string): RouteDef | undefined {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return ROUTE_LIST.find((route) => route.path === normalised);
}
