import { describe, expect, it } from 'vitest';
import type { Role } from '../lib/api/types';
import { breadcrumbTrail, groupOf, menuTarget, NAME_MENU, routeTrail, SIDE_MENU, visibleMenu, type MenuEntry } from './menu';
import { ancestorsOf, canAccess, ROUTE_LIST, ROUTES, routeByPath, subMenuOf, type AccessRole, type RouteId } from './paths';

const idsOf = (menu: readonly MenuEntry[]): RouteId[] =>
  menu.flatMap((entry) => (entry.kind === 'route' ? [entry.route] : [...entry.items]));

const titlesOf = (menu: readonly MenuEntry[], groupId: string): string[] => {
  const found = menu.find((entry) => entry.kind === 'group' && entry.id === groupId);
  return found && found.kind === 'group' ? found.items.map((id) => ROUTES[id].title) : [];
};

describe('route table', () => {
  it('gives every route a unique absolute path and a zh-TW title', () => {
    const paths = ROUTE_LIST.map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const route of ROUTE_LIST) {
      expect(route.path.startsWith('/')).toBe(true);
      expect(route.title).toMatch(/[\u4e00-\u9fff]/);
      expect(ROUTES[route.id]).toBe(route);
    }
  });

  it('lists each top-level menu entry once', () => {
    expect(new Set(SIDE_MENU.map((entry) => (entry.kind === 'group' ? entry.id : entry.route))).size).toBe(SIDE_MENU.length);
  });

  it('has a route behind every item of the side menu and the name menu, each listed once', () => {
    const ids = [...idsOf(SIDE_MENU), ...NAME_MENU.filter((id) => id !== 'account')];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(ROUTES[id], id).toBeDefined();
  });

  it('puts only logged-in pages in the menus, and every logged-in page in one of them or below a page that is', () => {
    const inMenus = new Set<RouteId>([...idsOf(SIDE_MENU), ...NAME_MENU]);
    for (const route of ROUTE_LIST) {
      if (route.access === 'public') expect(inMenus.has(route.id), route.id).toBe(false);
      else
        expect(
          routeTrail(route.id).some((id) => inMenus.has(id)),
          route.id,
        ).toBe(true);
    }
  });

  it('gives sub-functions and detail pages an existing parent with the same access', () => {
    for (const route of ROUTE_LIST) {
      if (!route.parent) continue;
      const parent = ROUTES[route.parent];
      expect(parent, route.id).toBeDefined();
      expect(parent.access, route.id).toBe(route.access);
      expect(ancestorsOf(route.id).length, route.id).toBeLessThan(5);
    }
    expect(subMenuOf('consoleAccounts').map((route) => route.title)).toEqual([
      '帳號申請審核',
      '機關管理者申請審核',
      '機關異動審核',
      '復用申請審核',
    ]);
    expect(subMenuOf('consoleAccountApplications')).toEqual([]);
  });

  it('follows the manual for the menu wording', () => {
    expect(SIDE_MENU.map((entry) => (entry.kind === 'group' ? entry.title : ROUTES[entry.route].title))).toEqual([
      '內容主頁',
      '個人帳號管理',
      '我的個人應用',
      '應用程式列表',
      '資安自我檢查表',
      '公務通訊資源',
      '線上申請作業',
      '管理主控台功能',
    ]);
    expect(titlesOf(SIDE_MENU, 'communication')).toEqual(['通訊錄', '議員資訊', '本機關管理者']);
    expect(NAME_MENU.map((id) => ROUTES[id].title)).toEqual([
      '個人化設定',
      '個人帳號管理',
      '個人帳號登入紀錄',
      '個人帳號使用紀錄',
    ]);
  });

  it('finds routes by path, ignoring a trailing slash', () => {
    expect(routeByPath('/console/ad-sync')?.id).toBe('consoleAdSync');
    expect(routeByPath('/console/ad-sync/')?.id).toBe('consoleAdSync');
    expect(routeByPath('/')?.id).toBe('landing');
    expect(routeByPath('/nope')).toBeUndefined();
  });
});

describe('menu by role', () => {
  const consoleFor = (roles: AccessRole[]) => titlesOf(visibleMenu(roles), 'console');

  it('shows a deputy (代理人設定) the review inboxes in 帳號管理’s and 物品管理’s place, and nothing else of the console', () => {
    expect(consoleFor(['DEPUTY'])).toEqual([
      '帳號申請審核',
      '機關管理者申請審核',
      '機關異動審核',
      '復用申請審核',
      '場地借用審核',
      '公務車借用審核',
    ]);
    expect(consoleFor([])).toEqual([]);
  });

  it('shows a custodian (保管人) who is a general user 物品管理 for the kinds of item they hold, and nothing else of the console', () => {
    const items = (roles: AccessRole[]) =>
      subMenuOf('consoleItems')
        .filter((route) => canAccess(route, roles))
        .map((route) => route.title);
    expect(consoleFor(['VENUE_CUSTODIAN'])).toEqual(['物品管理']);
    expect(items(['VENUE_CUSTODIAN'])).toEqual(['場地清單管理', '場地借用審核']);
    expect(items(['CAR_CUSTODIAN', 'DRIVER_MANAGER'])).toEqual(['公務車清單管理', '派遣司機清單管理', '公務車借用審核']);
    expect(consoleFor(['REPAIR_CUSTODIAN'])).toEqual(['物品管理']);
    expect(items(['REPAIR_CUSTODIAN'])).toEqual(['報修類型管理']);
    expect(items(['AGENCY_ADMIN'])).toHaveLength(6);
  });

  it('shows 報修處理狀況回報 under 我的個人應用 to the 維修人員 of a 報修類型 only', () => {
    const mine = (roles: AccessRole[]) =>
      ROUTE_LIST.filter((route) => route.id === 'repairHandling' && canAccess(route, roles)).map((route) => route.title);
    expect(mine(['REPAIR_VENDOR'])).toEqual(['報修處理狀況回報']);
    expect(mine([])).toEqual([]);
    expect(mine(['SYSTEM_ADMIN'])).toEqual([]);
  });

  it('shows a system administrator every console function of 表 2', () => {
    expect(consoleFor(['SYSTEM_ADMIN'])).toEqual([
      '訊息管理',
      '組織管理',
      '帳號管理',
      'AD 同步管理作業',
      '應用系統服務介接管理',
      '首頁應用程式管理',
      '日誌紀錄管理',
      '系統參數管理',
      '物品管理',
      '資訊安全內部稽核表管理',
      '票選管理',
    ]);
  });

  it('shows an agency administrator only 帳號管理 and 物品管理 (日誌紀錄管理 is for system admins, 表 2)', () => {
    expect(consoleFor(['AGENCY_ADMIN'])).toEqual(['帳號管理', '物品管理']);
  });

  it('hides 管理主控台功能 from a general user and keeps everything else but 報修處理狀況回報 (維修人員 only)', () => {
    const menu = visibleMenu([]);
    expect(menu.some((entry) => entry.kind === 'group' && entry.id === 'console')).toBe(false);
    expect(idsOf(menu)).toEqual(
      idsOf(SIDE_MENU.filter((entry) => entry.kind === 'route' || entry.id !== 'console')).filter(
        (id) => id !== 'repairHandling',
      ),
    );
  });

  it('gives a user holding both admin roles the union', () => {
    expect(consoleFor(['AGENCY_ADMIN', 'SYSTEM_ADMIN'])).toHaveLength(11);
  });

  it('agrees with the guard: a menu item is visible exactly when the route may be opened', () => {
    for (const roles of [[], ['AGENCY_ADMIN'], ['SYSTEM_ADMIN']] as Role[][]) {
      const visible = new Set(idsOf(visibleMenu(roles)));
      for (const id of idsOf(SIDE_MENU)) expect(visible.has(id), `${id} for [${roles}]`).toBe(canAccess(ROUTES[id], roles));
    }
  });

  it('lets nobody without a session into logged-in pages, and everybody into public ones', () => {
    expect(canAccess(ROUTES.home, null)).toBe(false);
    expect(canAccess(ROUTES.landing, null)).toBe(true);
    expect(canAccess(ROUTES.accountApplication, null)).toBe(true);
    expect(canAccess(ROUTES.consoleAdSync, ['AGENCY_ADMIN'])).toBe(false);
  });
});

describe('breadcrumbs', () => {
  it('starts at 首頁 and passes through the menu group', () => {
    expect(breadcrumbTrail('consoleAdSync')).toEqual([
      { title: '首頁', path: '/home' },
      { title: '管理主控台功能' },
      { title: 'AD 同步管理作業' },
    ]);
    expect(breadcrumbTrail('loginRecords')).toEqual([{ title: '首頁', path: '/home' }, { title: '個人帳號登入紀錄' }]);
    expect(breadcrumbTrail('home')).toEqual([{ title: '首頁' }]);
    expect(groupOf('faq')?.title).toBe('應用程式列表');
  });

  it('passes through the pages a sub-function or a detail page belongs to, linking those with a path of their own', () => {
    expect(breadcrumbTrail('consoleAccountApplications')).toEqual([
      { title: '首頁', path: '/home' },
      { title: '管理主控台功能' },
      { title: '帳號管理', path: '/console/accounts' },
      { title: '帳號申請審核' },
    ]);
    expect(breadcrumbTrail('consoleAccountApplication')).toEqual([
      { title: '首頁', path: '/home' },
      { title: '管理主控台功能' },
      { title: '帳號管理', path: '/console/accounts' },
      { title: '帳號申請審核', path: '/console/accounts/applications' },
      { title: '帳號申請明細' },
    ]);
    expect(groupOf('consoleAccountApplication')?.id).toBe('console');
    expect(routeTrail('consoleAccountApplication')).toEqual([
      'consoleAccountApplication',
      'consoleAccountApplications',
      'consoleAccounts',
    ]);
  });

  it('lets agency and system administrators review applications, and nobody else', () => {
    expect(canAccess(ROUTES.consoleAccountApplications, ['AGENCY_ADMIN'])).toBe(true);
    expect(canAccess(ROUTES.consoleAccountApplication, ['SYSTEM_ADMIN'])).toBe(true);
    expect(canAccess(ROUTES.consoleAccountApplications, [])).toBe(false);
    expect(canAccess(ROUTES.accountApplicationStatus, null)).toBe(true);
  });
});

describe('external links', () => {
  const links = {
    yonghuaTemperature: 'https://example.test/temperature',
    energySaving: '',
    propertySystem: '',
    smallProcurement: '',
    personnelIshare: '',
    salaryQuery: '',
    councillors: '',
  };

  it('opens a configured address and falls back to the route (尚未開放) otherwise', () => {
    expect(menuTarget(ROUTES.yonghuaTemperature, links)).toEqual({ href: 'https://example.test/temperature', external: true });
    expect(menuTarget(ROUTES.energySaving, links)).toEqual({ href: '/apps/energy-saving', external: false });
    expect(menuTarget(ROUTES.faq, links)).toEqual({ href: '/apps/faq', external: false });
  });
});
