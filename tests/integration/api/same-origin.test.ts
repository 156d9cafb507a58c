// Issue 10 item 3: SameSite=Lax does not stop a page on another origin of the same site (another port
// here; any *.tainan.gov.tw host in production) from posting with the victim's cookie. Every
// state-changing route — read from the app itself, so a route added later is walked too — refuses such
// a request with CROSS_ORIGIN_REQUEST before it changes anything, for a system admin and a plain user,
// and the same request from the portal's own origin is not refused for it.
import type { Role } from '@prisma/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../../infra/db/prisma';
import type { RouteEntry } from '../../../api/route-table';
import { fillPath } from '../../../api/route-table';
import { e2e, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { changesState, mountedRoutes } from '../../support/routes';
import { createTestOrg } from '../db/helpers';
import { createActiveUser } from './support-users';

const prisma = createPrisma(testEnv().DATABASE_URL);
afterAll(async () => {
  await prisma.$disconnect();
});

const OWN_ORIGIN = new URL(e2e.baseUrl()).origin;
const OTHER_ORIGIN = `http://127.0.0.1:${Number(new URL(OWN_ORIGIN).port) + 7}`;
/** A browser today, and one from before Sec-Fetch-Site (Origin only). */
const CROSS_ORIGIN: Record<string, string>[] = [
  { 'sec-fetch-site': 'same-site', origin: OTHER_ORIGIN },
  { origin: OTHER_ORIGIN },
];
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin', origin: OWN_ORIGIN };
const REFUSAL = { code: 'CROSS_ORIGIN_REQUEST', message: '已拒絕來自其他網站的請求，請直接在臺南市政府公務入口網的頁面上操作' };

/** Reached by a system admin, these start runs shared with other suites (同步比對, 連線檢查): the portal's-own-origin check uses the plain user there. */
const STARTS_SHARED_WORK = new Set(['POST /api/console/ad-sync/reconciles', 'POST /api/console/connectivity-checks']);
/** Succeeding, these end the session: walked last from the portal's own origin. */
const ENDS_SESSION = new Set(['DELETE /api/session', 'POST /api/auth/logout']);
const key = (r: RouteEntry) => `${r.method} ${r.path}`;

type Session = ReturnType<typeof apiSession>;

async function send(session: Session, route: RouteEntry, path: string, headers: Record<string, string>) {
  const response = await fetch(new URL(path, e2e.baseUrl()), {
    method: route.method,
    redirect: 'manual',
    headers: { 'content-type': 'application/json', cookie: session.jar.header(), ...headers },
    body: route.method === 'DELETE' ? undefined : '{}',
  });
  const text = await response.text();
  const error = (() => {
    try {
      return (JSON.parse(text) as { error?: { code: string; message: string } }).error;
    } catch {
      return undefined;
    }
  })();
  return { status: response.status, error };
}

async function activeUser(role?: Role) {
  const user = await createActiveUser(prisma);
  if (role) await prisma.roleAssignment.create({ data: { userId: user.id, role } });
  const session = apiSession();
  expect((await session.login(user.account)).status).toBe(200);
  return { user, session };
}

let routes: RouteEntry[];
let admin: Awaited<ReturnType<typeof activeUser>>;
let plain: Awaited<ReturnType<typeof activeUser>>;
let org: Awaited<ReturnType<typeof createTestOrg>>;

/** The real thing a route names, so that a request let through would change it. */
function target(path: string) {
  return (name: string) =>
    path.startsWith('/api/console/organizations/')
      ? org.section.id
      : path.startsWith('/api/console/accounts/') || path.startsWith('/api/console/ad-sync/users/')
        ? name === 'id'
          ? plain.user.id
          : 'probe'
        : 'probe';
}

/** What a let-through request would have changed: the two users, their sessions, requests and records, the unit. */
async function snapshot() {
  const ids = [admin.user.id, plain.user.id];
  return {
    users: await prisma.user.findMany({
      where: { id: { in: ids } },
      include: { roles: true, avatar: true },
      orderBy: { id: 'asc' },
    }),
    sessions: await prisma.session.findMany({
      where: { userId: { in: ids } },
      select: { id: true, revokedAt: true },
      orderBy: { id: 'asc' },
    }),
    requests: await prisma.request.count({ where: { OR: [{ applicantUserId: { in: ids } }, { decidedById: { in: ids } }] } }),
    usage: await prisma.usageRecord.count({ where: { userId: { in: ids } } }),
    units: await prisma.organization.findMany({ where: { id: { in: [org.agency.id, org.section.id] } }, orderBy: { id: 'asc' } }),
  };
}

beforeAll(async () => {
  routes = mountedRoutes().filter(changesState);
  [admin, plain, org] = await Promise.all([activeUser('SYSTEM_ADMIN'), activeUser(), createTestOrg(prisma)]);
});

describe('same-origin check on every state-changing route (issue 10 item 3)', () => {
  it('finds every state-changing route, among them the ones the tester named', () => {
    expect(routes.length).toBeGreaterThan(70);
    expect(routes.map(key)).toEqual(
      expect.arrayContaining([
        'POST /api/account/otp/setup',
        'POST /api/console/organizations/:id/retire',
        'POST /api/console/organizations/:id/restore',
        'POST /api/console/ad-sync/users/:id/sync',
        'POST /api/console/ad-sync/reconciles',
        'POST /api/auth/logout',
        'POST /dev/integrations/redirect-login-demo',
      ]),
    );
  });

  it('refuses a request from another origin with the victim’s cookie, and it changes nothing', async () => {
    const before = await snapshot();
    const outcomes: string[] = [];
    for (const route of routes) {
      const path = fillPath(route.path, target(route.path));
      for (const [who, { session }] of Object.entries({ admin, plain })) {
        for (const headers of CROSS_ORIGIN) {
          const answer = await send(session, route, path, headers);
          const label = `${key(route)} as ${who} with ${JSON.stringify(headers)} → ${answer.status} ${answer.error?.code}`;
          expect(answer.status, label).toBe(403);
          expect(answer.error, label).toEqual(REFUSAL);
          outcomes.push(label);
        }
      }
    }
    expect(outcomes.length).toBe(routes.length * 4);
    expect(await snapshot()).toEqual(before);
    // Both sessions survived DELETE /api/session and POST /api/auth/logout from the other origin.
    expect((await admin.session.get('/api/session')).status).toBe(200);
    expect((await plain.session.get('/api/session')).status).toBe(200);
  });

  it('lets the same request through from the portal’s own origin', async () => {
    const ordered = [...routes].sort((a, b) => Number(ENDS_SESSION.has(key(a))) - Number(ENDS_SESSION.has(key(b))));
    for (const route of ordered) {
      // Here every parameter names nothing: the request must get past the check, not do its work.
      const path = fillPath(route.path);
      for (const [who, { session }] of Object.entries({ admin, plain })) {
        if (who === 'admin' && STARTS_SHARED_WORK.has(key(route))) continue;
        const answer = await send(session, route, path, SAME_ORIGIN);
        expect(answer.error?.code, `${key(route)} as ${who} → ${answer.status}`).not.toBe('CROSS_ORIGIN_REQUEST');
      }
    }
  });
});
