import { useMatches } from 'react-router';
import { ROUTES, type RouteDef, type RouteId } from './paths';

export interface RouteHandle {
  routeId: RouteId;
}

function isRouteHandle(handle: unknown): handle is RouteHandle {
  return typeof handle === 'object' && handle !== null && typeof (handle as RouteHandle).routeId === 'string';
}

/** The route-table entry of the page being shown (from the matched route's handle), if any. */
export function useCurrentRoute(): RouteDef | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i -= 1) {
    const handle = matches[i]?.handle;
    if (isRouteHandle(handle)) return ROUTES[handle.routeId];
  }
  return undefined;
}
