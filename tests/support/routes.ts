import { createApp, type AppDeps } from '../../api/app';
import { listRoutes, type RouteEntry } from '../../api/route-table';

/** Stands for every service: building the app only wires routers, it calls none of them. */
const inert: never = new Proxy(() => undefined, {
  get: (_t, p) => (p === 'then' ? undefined : inert),
  apply: () => inert,
}) as unknown as never;

/**
 * Every route the test API answers (NODE_ENV=test, with the SSO and 行動自然人憑證 wired, as
 * api/main.ts builds it), read from the app itself, so a route added tomorrow is walked by the tests
 * that must cover every route.
 */
export function mountedRoutes(publicUrl = 'http://127.0.0.1'): RouteEntry[] {
  const portal = { webUrl: publicUrl, internalUrl: publicUrl, dataKey: Buffer.alloc(32), secret: 'routes', secureCookies: false };
  const app = createApp({
    env: { NODE_ENV: 'test', PUBLIC_URL: publicUrl, TRUST_PROXY: 'loopback' },
    log: inert,
    prisma: inert,
    temporal: inert,
    pings: inert,
    passwordMaxAgeDays: inert,
    keys: { dataKey: Buffer.alloc(32), hashKey: Buffer.alloc(32), sessionSecret: 'routes'.repeat(6) },
    sso: {
      provider: inert,
      kit: inert,
      proofs: inert,
      signingKeys: inert,
      pool: inert,
      close: inert,
      limits: inert,
      portal,
    } as AppDeps['sso'],
    moi: inert,
  });
  return listRoutes(app);
}

/** Whether a request on this route may change something (GET and HEAD must not). */
export const changesState = (route: RouteEntry) => route.method !== 'GET';
