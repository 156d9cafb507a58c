// The react-router tree, generated from the route table: public pages in the public frame,
// every other page inside the session guard and the portal frame.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RedirectIfLoggedIn, RequireSession, SessionAwareLayout } from '../auth/guards';
import { useSession } from '../auth/session';
import { LANDING_HOME, PORTAL_HOME } from '../common/homeLink';
import { NotFoundPage } from '../common/NotFoundPage';
import { PublicLayout } from '../layout/PublicLayout';
import { RoutePage } from './RoutePage';
import { accessRolesOf, ROUTE_LIST, type RouteDef } from './paths';
import type { RouteHandle } from './useCurrentRoute';

function SessionRoutePage({ route }: { route: RouteDef }) {
  const { state } = useSession();
  return <RoutePage route={route} roles={state.status === 'authenticated' ? accessRolesOf(state.user) : null} />;
}

function NotFound() {
  const { state } = useSession();
  return <NotFoundPage home={state.status === 'authenticated' ? PORTAL_HOME : LANDING_HOME} />;
}

function toRouteObject(route: RouteDef): RouteObject {
  const page = <SessionRoutePage route={route} />;
  const element = route.id === 'landing' || route.id === 'login' ? <RedirectIfLoggedIn>{page}</RedirectIfLoggedIn> : page;
  return { path: route.path, element, handle: { routeId: route.id } satisfies RouteHandle };
}

export function createPortalRouter() {
  return createBrowserRouter([
    {
      element: <PublicLayout />,
      children: ROUTE_LIST.filter((route) => route.access === 'public').map(toRouteObject),
    },
    {
      element: <RequireSession />,
      children: ROUTE_LIST.filter((route) => route.access === 'user').map(toRouteObject),
    },
    {
      element: <SessionAwareLayout />,
      children: [{ path: '*', element: <NotFound /> }],
    },
  ]);
}
