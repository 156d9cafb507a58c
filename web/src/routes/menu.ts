// The left menu (mirroring the manual's menu), the user's name menu and the breadcrumbs, all made of
// route ids from paths.ts.
import type { ExternalLinks } from '../config';
import {
  ancestorsOf,
  canAccess,
  HOME_PATH,
  isLinkablePath,
  ROUTES,
  subMenuOf,
  type AccessRole,
  type RouteDef,
  type RouteId,
} from './paths';

export interface MenuLeaf {
  kind: 'route';
  route: RouteId;
}

export interface MenuGroup {
  kind: 'group';
  id: string;
  title: string;
  items: readonly RouteId[];
}

export type MenuEntry = MenuLeaf | MenuGroup;

const leaf = (route: RouteId): MenuLeaf => ({ kind: 'route', route });
const group = (id: string, title: string, items: readonly RouteId[]): MenuGroup => ({ kind: 'group', id, title, items });

/** The left side menu, in the manual's order. */
export const SIDE_MENU: readonly MenuEntry[] = [
  leaf('home'),
  leaf('account'),
  group('my', '我的個人應用', ['myEmail', 'myAnnouncements', 'myDocumentAttachments', 'myMailAccounts', 'repairHandling']),
  group('apps', '應用程式列表', [
    'announcements',
    'faq',
    'fileDownloads',
    'documentAttachments',
    'readingClubs',
    'trainingRegistration',
    'yonghuaTemperature',
    'energySaving',
    'propertySystem',
    'smallProcurement',
    'personnelIshare',
    'salaryQuery',
  ]),
  group('selfCheck', '資安自我檢查表', ['selfCheckPc', 'selfCheckSystem']),
  group('communication', '公務通訊資源', ['directory', 'councillors', 'myAgencyAdmins']),
  group('applications', '線上申請作業', [
    'repairs',
    'venueBookings',
    'carBookings',
    'bookingRecords',
    'mailAccountApplication',
    'agencyAdminApplication',
    'integrationApplication',
  ]),
  group('console', '管理主控台功能', [
    'consoleMessages',
    'consoleOrganizations',
    'consoleAccounts',
    'consoleAdSync',
    'consoleIntegrations',
    'consoleHomeApps',
    'consoleLogs',
    'consoleParameters',
    'consoleItems',
    'consoleSecurityAuditForms',
    'consoleVotes',
  ]),
];

/** The menu under the user's name (top right); 切換色系 and 登出 are actions, not routes. */
export const NAME_MENU: readonly RouteId[] = ['personalization', 'account', 'loginRecords', 'usageRecords'];

/**
 * The side menu a user with these roles sees: items they may not open are dropped, and so are empty
 * groups. A sub-function they may open stays, in its parent's place (a deputy opens 帳號申請審核
 * without 帳號管理).
 */
export function visibleMenu(roles: readonly AccessRole[], menu: readonly MenuEntry[] = SIDE_MENU): MenuEntry[] {
  const allowed = (id: RouteId) => canAccess(ROUTES[id], roles);
  const result: MenuEntry[] = [];
  for (const entry of menu) {
    if (entry.kind === 'route') {
      if (allowed(entry.route)) result.push(entry);
    } else {
      const items = entry.items.flatMap((id) =>
        allowed(id) ? [id] : subMenuOf(id).flatMap((child) => (canAccess(child, roles) ? [child.id] : [])),
      );
      if (items.length > 0) result.push({ ...entry, items });
    }
  }
  return result;
}

/** The route and the routes it belongs to, nearest first: what the side menu may highlight for it. */
export function routeTrail(id: RouteId): RouteId[] {
  return [id, ...ancestorsOf(id).map((route) => route.id)];
}

/** The group of the side menu a route (or the page it belongs to) is listed in, if any. */
export function groupOf(id: RouteId, menu: readonly MenuEntry[] = SIDE_MENU): MenuGroup | undefined {
  const trail = routeTrail(id);
  return menu.find((entry): entry is MenuGroup => entry.kind === 'group' && entry.items.some((item) => trail.includes(item)));
}

export interface Crumb {
  title: string;
  /** Absent for the current page and for menu groups (which have no page of their own). */
  path?: string;
}

/**
 * 首頁 / <menu group> / <parent pages> / <page>, e.g. 首頁 / 管理主控台功能 / AD 同步管理作業 or
 * 首頁 / 管理主控台功能 / 帳號管理 / 帳號申請審核 / 帳號申請明細.
 */
export function breadcrumbTrail(id: RouteId): Crumb[] {
  if (id === 'home') return [{ title: '首頁' }];
  const trail: Crumb[] = [{ title: '首頁', path: HOME_PATH }];
  const parent = groupOf(id);
  if (parent) trail.push({ title: parent.title });
  for (const ancestor of ancestorsOf(id).reverse()) {
    trail.push(isLinkablePath(ancestor.path) ? { title: ancestor.title, path: ancestor.path } : { title: ancestor.title });
  }
  trail.push({ title: ROUTES[id].title });
  return trail;
}

/** Where a menu item points: the configured external address (new window) or the route's own path. */
export function menuTarget(route: RouteDef, links: ExternalLinks): { href: string; external: boolean } {
  const url = route.externalLink ? links[route.externalLink] : '';
  return url ? { href: url, external: true } : { href: route.path, external: false };
}
