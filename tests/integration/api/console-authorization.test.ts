// Issue 5: "an agency admin can never see or act on another agency's accounts — a test walks every
// console route with an admin of another agency". The routes are read from the API itself (the
// mounts in api/app.ts, the paths from each router), so a route added later is walked too; a new
// console area must be classified below or this test fails.
import crypto from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { encryptNationalId, hashNationalId } from '../../../infra/db/pii';
import { randomNationalId, uniqueEmail } from '../../support/applicant';
import { testEnv } from '../../support/env';
import { createResource } from '../../support/resources';
import { createActiveUser } from './support-users';
import { apiSession } from '../../support/http';
import { createTestUser } from '../db/helpers';

const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const clients = createClients(env);
const prisma = clients.prisma;
afterAll(async () => {
  await prisma.$disconnect();
});

/** Console areas for system admins only: an agency admin gets 403 on every route. */
const SYSTEM_ADMIN_ONLY = [
  'connectivity-checks',
  'ad-sync',
  'system-parameters',
  'organizations',
  'records',
  // 應用系統服務介接管理: only system admins review 應用系統服務介接申請 (integration.decide).
  'integration-requests',
];
/** Areas agency admins use for their own agency: lists leave other agencies out, items answer 403. */
const AGENCY_SCOPED: Record<string, { list: (f: Fixtures) => string }> = {
  accounts: { list: (f) => `?q=${f.user.account}&pageSize=100` },
  'account-applications': { list: () => '?status=ALL&pageSize=100' },
  'admin-role-requests': { list: () => '?status=ALL&pageSize=100' },
  'agency-change-requests': { list: () => '?status=ALL&pageSize=100' },
  'reactivation-requests': { list: () => '?status=ALL&pageSize=100' },
  'venue-bookings': { list: () => '?status=ALL&pageSize=100' },
  'car-bookings': { list: () => '?status=ALL&pageSize=100' },
};

interface ConsoleRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  area: string;
  path: string;
}

/** Every console route of the API: mounts from api/app.ts, paths from the routers (built with inert deps). */
async function consoleRoutes(): Promise<ConsoleRoute[]> {
  const app = fs.readFileSync(new URL('../../../api/app.ts', import.meta.url), 'utf8');
  const modules = new Map(
    [...app.matchAll(/import \{([^}]+)\} from '\.\/(routes\/console\/[^']+)'/g)].flatMap((m) =>
      m[1]!.split(',').map((name) => [name.trim(), m[2]!] as const),
    ),
  );
  const inert: unknown = new Proxy(function () {}, { get: (_t, p) => (p === 'then' ? undefined : inert), apply: () => inert });
  const routes: ConsoleRoute[] = [];
  for (const [, area, factory] of app.matchAll(/app\.use\('\/api\/console\/([^']+)',\s*(\w+)\(/g)) {
    const mod = (await import(`../../../api/${modules.get(factory!)}`)) as Record<string, (deps: unknown) => Router>;
    for (const layer of mod[factory!]!(inert).stack) {
      const route = layer.route as { path: string; methods: Record<string, boolean> } | undefined;
      if (!route) continue;
      for (const method of Object.keys(route.methods))
        routes.push({ method: method as ConsoleRoute['method'], area: area!, path: route.path });
    }
  }
  return routes;
}

interface Fixtures {
  user: { id: string; account: string };
  requests: Record<string, { id: string; workflowId: string }>;
  applicationId: string;
}

/** Resources of 智慧發展中心 (G25, admin sdcadmin), walked by 民政局's admin (cabadmin). */
async function foreignFixtures(): Promise<Fixtures> {
  const unit = await prisma.organization.findUniqueOrThrow({ where: { code: 'G25-02' } });
  const created = await createTestUser(prisma, unit.id);
  const user = await prisma.user.update({ where: { id: created.id }, data: { status: 'ACTIVE', activatedAt: new Date() } });
  await prisma.loginRecord.create({
    data: { userId: user.id, account: user.account, method: 'PASSWORD', action: 'LOGIN', result: 'SUCCESS' },
  });
  await prisma.usageRecord.create({ data: { userId: user.id, action: 'profile.update', detail: { fields: ['title'] } } });
  const stamp = crypto.randomBytes(4).toString('hex');
  const requests: Fixtures['requests'] = {};
  for (const [type, workflowId] of [
    ['ADMIN_ROLE', `admin-role-authz-${stamp}`],
    ['AGENCY_CHANGE', `agency-change-authz-${stamp}`],
    ['ACCOUNT_REACTIVATION', `account-reactivation-authz-${stamp}`],
    ['ACCOUNT_DISABLE', `account-disable-${user.id}-authz${stamp}`],
  ] as const) {
    requests[type] = await prisma.request.create({
      data: {
        workflowId,
        type,
        status: 'PENDING',
        statusLabel: '待審核',
        agencyId: unit.agencyId,
        applicantUserId: user.id,
        applicantAccount: user.account,
        applicantName: user.name,
        summary: { organizationPath: '智慧發展中心', reason: 'authz', toOrganizationId: unit.id },
      },
      select: { id: true, workflowId: true },
    });
  }
  // A venue and a car of 智慧發展中心 held by its user, each with a pending booking request.
  for (const kind of ['VENUE', 'CAR'] as const) {
    const resource = await createResource(prisma, { kind, agencyId: unit.agencyId!, custodian1Id: user.id });
    requests[`${kind}_BOOKING`] = await prisma.request.create({
      data: {
        workflowId: `${kind.toLowerCase()}-booking-authz-${stamp}`,
        type: `${kind}_BOOKING`,
        status: 'PENDING',
        statusLabel: '未審核',
        agencyId: unit.agencyId,
        resourceId: resource.id,
        applicantUserId: user.id,
        applicantAccount: user.account,
        applicantName: user.name,
        summary: { key: `authz-${stamp}`, reason: 'authz' },
      },
      select: { id: true, workflowId: true },
    });
  }
  const nationalId = randomNationalId();
  const applicationId = crypto.randomUUID();
  await prisma.accountApplication.create({
    data: {
      id: applicationId,
      workflowId: `account-application-${applicationId}`,
      nationalIdCipher: encryptNationalId(nationalId, dataKey),
      nationalIdHash: hashNationalId(nationalId, hashKey),
      account: `authz${stamp}`,
      needOfficialMail: false,
      backupEmail: uniqueEmail(),
      name: '跨機關測試',
      organizationId: unit.id,
      title: '科員',
      officePhone: '2991111',
      statusKeyHash: 'x'.repeat(64),
    },
  });
  // The inbox lists the application from its read-model row.
  requests.ACCOUNT_APPLICATION = await prisma.request.create({
    data: {
      workflowId: `account-application-${applicationId}`,
      type: 'ACCOUNT_APPLICATION',
      status: 'PENDING',
      statusLabel: '待機關管理者審核',
      agencyId: unit.agencyId,
      applicantAccount: `authz${stamp}`,
      applicantName: '跨機關測試',
      summary: { applicationId, organizationPath: '智慧發展中心' },
    },
    select: { id: true, workflowId: true },
  });
  return { user: { id: user.id, account: user.account }, requests, applicationId };
}

/** The other agency's resource a parameterised route names. */
function paramValue(area: string, path: string, param: string, f: Fixtures): string {
  if (area === 'accounts') return param === 'workflowId' ? f.requests.ACCOUNT_DISABLE!.workflowId : f.user.id;
  if (area === 'account-applications') return f.applicationId;
  if (area === 'admin-role-requests') return f.requests.ADMIN_ROLE!.id;
  if (area === 'agency-change-requests') return f.requests.AGENCY_CHANGE!.id;
  if (area === 'reactivation-requests') return f.requests.ACCOUNT_REACTIVATION!.id;
  if (area === 'venue-bookings') return f.requests.VENUE_BOOKING!.id;
  if (area === 'car-bookings') return f.requests.CAR_BOOKING!.id;
  throw new Error(`no foreign resource for :${param} of /api/console/${area}${path}`);
}

/** A well-formed body, so a refusal is the policy's and not validation's. */
function bodyFor(route: ConsoleRoute, f: Fixtures): unknown {
  if (route.path.endsWith('batch-decision'))
    return {
      ids: [SYSTEM_ADMIN_ONLY.includes(route.area) ? 'authz-id' : paramValue(route.area, '/:id', 'id', f)],
      decision: 'REJECT',
      comment: '跨機關測試',
    };
  if (route.path.endsWith('/decision')) return { decision: 'REJECT', comment: '跨機關測試' };
  if (route.method === 'patch') return { name: '跨機關', title: '科員', officePhone: '2991111' };
  // 機關管理者 / 系統管理者 設定與移除 take nothing in the body (a stray field is refused as bad input).
  if (route.path.includes('/roles/')) return {};
  return { reason: '跨機關測試' };
}

/** Every cell of an Excel answer, as one text. */
async function sheetText(response: Response) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
  return cells.join('\n');
}

const hasMarker = (body: unknown, f: Fixtures) => {
  const text = JSON.stringify(body ?? '');
  return [f.user.account, f.user.id, f.applicationId, ...Object.values(f.requests).map((r) => r.id)].some((m) =>
    text.includes(m),
  );
};

/** How a walk calls one console route: its URL (the other agency's resource in it) and the call. */
function probe(route: ConsoleRoute) {
  const base = `/api/console/${route.area}`;
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const path = route.path.replace(/:(\w+)/g, (_m, p: string) =>
    SYSTEM_ADMIN_ONLY.includes(route.area) ? `authz-${p}` : encodeURIComponent(paramValue(route.area, route.path, p, fixtures)),
  );
  const isExport = route.method === 'get' && route.path.endsWith('export');
  const isList = route.method === 'get' && params.length === 0;
  const query = isList && route.area in AGENCY_SCOPED ? AGENCY_SCOPED[route.area]!.list(fixtures) : '';
  const url = `${base}${path === '/' ? '' : path}${query}`;
  const call = (s: ReturnType<typeof apiSession>) =>
    route.method === 'get' || route.method === 'delete' ? s[route.method](url) : s[route.method](url, bodyFor(route, fixtures));
  return { base, url, isList, isExport, call };
}

let routes: ConsoleRoute[];
let fixtures: Fixtures;
beforeAll(async () => {
  routes = await consoleRoutes();
  fixtures = await foreignFixtures();
});

describe('every console route, walked by an admin of another agency (cabadmin of 民政局 on 智慧發展中心)', () => {
  it('knows every console area and finds the routes', () => {
    const areas = [...new Set(routes.map((r) => r.area))];
    expect(areas.filter((a) => !SYSTEM_ADMIN_ONLY.includes(a) && !(a in AGENCY_SCOPED))).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it('never shows or changes the other agency’s accounts and requests', async () => {
    const cab = apiSession();
    expect((await cab.login('cabadmin')).status).toBe(200);
    const sdc = apiSession();
    expect((await sdc.login('sdcadmin')).status).toBe(200);
    const outcomes: string[] = [];
    for (const route of routes) {
      const { base, url, isList, isExport, call } = probe(route);
      if (isExport && !SYSTEM_ADMIN_ONLY.includes(route.area)) {
        // 匯出 Excel: the other agency's rows are not in the file (and are in its own admin's file).
        const file = await cab.download(url);
        expect(file.status, `GET ${url}`).toBe(200);
        expect(await sheetText(file), `GET ${url}`).not.toContain(fixtures.user.account);
        expect(await sheetText(await sdc.download(url)), `GET ${url} as sdcadmin`).toContain(fixtures.user.account);
        outcomes.push(`GET ${base}${route.path} → 200 without the other agency's rows`);
        continue;
      }
      const response = await call(cab);
      const label = `${route.method.toUpperCase()} ${base}${route.path} → ${response.status}`;
      outcomes.push(label);

      if (SYSTEM_ADMIN_ONLY.includes(route.area)) {
        expect(response.status, label).toBe(403);
      } else if (isList) {
        expect(response.status, label).toBe(200);
        expect(hasMarker(response.body, fixtures), `${label} lists another agency's resource`).toBe(false);
        // Not vacuous: the other agency's own admin sees the same resource in the same list.
        expect(hasMarker((await call(sdc)).body, fixtures), `${label}: sdcadmin should see it`).toBe(true);
      } else if (route.path.endsWith('batch-decision')) {
        // Each selected item is refused on its own; nothing is decided.
        expect([200, 403], label).toContain(response.status);
        if (response.status === 200)
          expect(
            (response.body.results as { ok: boolean }[]).every((r) => !r.ok),
            `${label} decided something`,
          ).toBe(true);
      } else {
        expect(response.status, label).toBe(403);
      }
    }
    // Nothing about the other agency's user or requests changed.
    const user = await prisma.user.findUniqueOrThrow({ where: { id: fixtures.user.id }, include: { roles: true } });
    expect(user).toMatchObject({ status: 'ACTIVE', name: '測試使用者', roles: [] });
    const requests = await prisma.request.findMany({ where: { id: { in: Object.values(fixtures.requests).map((r) => r.id) } } });
    expect(requests.map((r) => r.status)).toEqual(Array(7).fill('PENDING'));
    expect(outcomes.length).toBe(routes.length);
  });
});

/** A review inbox a deputy opens in the approver's name (代理人設定); nothing else of the console. */
const DELEGABLE_AREAS = [
  'account-applications',
  'admin-role-requests',
  'agency-change-requests',
  'reactivation-requests',
  'venue-bookings',
  'car-bookings',
];

/** An active user of 民政局 (G01-91) with the demo password, for a session of its own. */
const g01User = () => createActiveUser(prisma, 'G01-91');

describe('every console route, walked by the deputy of 民政局’s admin (代理人設定)', () => {
  it('opens only the review inboxes, scoped as the admin’s: the other agency’s requests stay hidden and undecided', async () => {
    const principal = await g01User();
    const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    await prisma.roleAssignment.create({ data: { userId: principal.id, role: 'AGENCY_ADMIN', organizationId: g01.id } });
    const deputy = await g01User();
    await prisma.delegation.create({
      data: {
        principalId: principal.id,
        deputyId: deputy.id,
        startsAt: new Date(Date.now() - 60_000),
        endsAt: new Date(Date.now() + 3_600_000),
      },
    });
    const session = apiSession();
    expect((await session.login(deputy.account)).status).toBe(200);
    const outcomes: string[] = [];
    for (const route of routes) {
      const { base, isList, call } = probe(route);
      const response = await call(session);
      const label = `${route.method.toUpperCase()} ${base}${route.path} → ${response.status}`;
      outcomes.push(label);
      if (!DELEGABLE_AREAS.includes(route.area)) {
        expect(response.status, label).toBe(403);
      } else if (isList) {
        expect(response.status, label).toBe(200);
        expect(hasMarker(response.body, fixtures), `${label} lists another agency's resource`).toBe(false);
      } else if (route.path.endsWith('batch-decision')) {
        expect([200, 403], label).toContain(response.status);
        if (response.status === 200)
          expect(
            (response.body.results as { ok: boolean }[]).every((r) => !r.ok),
            label,
          ).toBe(true);
      } else {
        expect(response.status, label).toBe(403);
      }
    }
    expect(outcomes.length).toBe(routes.length);
    const requests = await prisma.request.findMany({ where: { id: { in: Object.values(fixtures.requests).map((r) => r.id) } } });
    expect(requests.every((r) => r.status === 'PENDING')).toBe(true);
  });
});
