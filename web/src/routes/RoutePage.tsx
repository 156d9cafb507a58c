import { createElement, lazy, Suspense, type ReactElement } from 'react';
import { ForbiddenPage } from '../common/ForbiddenPage';
import { LANDING_HOME, PORTAL_HOME } from '../common/homeLink';
import { LoadingScreen } from '../common/LoadingScreen';
import { NotOpenPage } from '../common/NotOpenPage';
import { PAGES } from './pages';
import { canAccess, ROUTE_LIST, type AccessRole, type RouteDef, type RouteId } from './paths';

// One code-split element per built page, created once at start-up (never during render).
const pages = new Map<RouteId, ReactElement>(
  ROUTE_LIST.flatMap((route) => {
    const load = PAGES[route.id];
    return load ? [[route.id, <Suspense fallback={<LoadingScreen />}>{createElement(lazy(load))}</Suspense>] as const] : [];
  }),
);

/** Renders a route-table entry: 403 when the roles do not allow it, 尚未開放 when it is not built yet. */
export function RoutePage({ route, roles }: { route: RouteDef; roles: readonly AccessRole[] | null }) {
  if (!canAccess(route, roles)) return <ForbiddenPage title={route.title} />;
  return pages.get(route.id) ?? <NotOpenPage title={route.title} home={route.access === 'public' ? LANDING_HOME : PORTAL_HOME} />;
}
