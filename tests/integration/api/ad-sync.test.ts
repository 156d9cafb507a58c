import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { sameDn } from '../../../infra/ad/dn';
import { organizationChain } from '../../../infra/db/organization-chain';
import { createAgencyAdminGroupActivities } from '../../../activities/self-service/agency-admin-group';
import { eventually, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { createResettableUser } from '../../support/reset-users';
import { seedUsers } from '../../../prisma/seed-users';

const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const clients = createClients(env);
const { prisma, ad } = clients;

afterAll(async () => {
  await prisma.$disconnect();
});

/** The OU of an organisation (created like the portal creates it). */
async function ouOf(code: string) {
  const org = await prisma.organization.findUniqueOrThrow({ where: { code } });
  return ad.ensureOuPath((await organizationChain(prisma, org.id)).map((o) => ({ code: o.code, name: o.name })));
}

/** A fresh active 民政局 (G01-91) user, in AD where the database says, and a G01 機關管理者 (in G01-admins). */
async function newAdminUser() {
  const ouDn = await ouOf('G01-91');
  const user = await createResettableUser({ prisma, ad, dataKey, hashKey, ouDn }, { prefix: 'ads' });
  const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
  await prisma.roleAssignment.create({ data: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: g01.id } });
  // Into G01-admins the way an approved 機關管理者申請 puts an admin there.
  await createAgencyAdminGroupActivities({ prisma, ad }).addAgencyAdminGroup({ userId: user.id, agencyId: g01.id });
  return { ...user, ouDn };
}

type Drift = { id: string; account: string; kind: string; field: string | null; dbValue: string | null; adValue: string | null };
type Session = ReturnType<typeof apiSession>;

async function sysadmin() {
  const session = apiSession();
  expect((await session.login('sysadmin')).status).toBe(200);
  return session;
}

async function reviewed(session: Session, workflowId: string) {
  return eventually(
    async () => {
      const { body } = await session.get(`/api/console/ad-sync/reconciles/${workflowId}`);
      return body.status === 'REVIEW' ? body : null;
    },
    { timeoutMs: 60_000 },
  );
}

const driftsOf = async (session: Session, workflowId: string, account: string, filter = 'open') =>
  (await session.get(`/api/console/ad-sync/reconciles/${workflowId}/drifts?filter=${filter}&q=${account}&pageSize=100`)).body
    .items as (Drift & { repairedAt: string | null; repairedByName: string | null; repairError: string | null })[];

describe('AD 同步管理作業 over HTTP: /api/console/ad-sync', () => {
  it('同步比對 finds exactly the drift made by hand in AD, 修復 makes AD match the database, and a second run finds nothing', async () => {
    const user = await newAdminUser();
    const otherOu = await ouOf('G25');
    // Drift by hand, the way an AD operator would make it.
    await ad.disableUser(user.account);
    await ad.updateUser(user.account, { title: '手改職稱' });
    await ad.moveUser(user.account, otherOu);
    await ad.removeGroupMember(user.account, { name: 'G01-admins', ouDn: await ouOf('G01') });

    const admin = await sysadmin();
    const started = await admin.post('/api/console/ad-sync/reconciles');
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const { workflowId } = started.body;
    expect(started.body.temporalUrl).toContain(encodeURIComponent(workflowId));

    const run = await reviewed(admin, workflowId);
    expect(run.progress.checked).toBeGreaterThanOrEqual(1);
    expect(run.progress.checked).toBe(run.progress.total);
    expect(run.events.map((e: { kind: string }) => e.kind).slice(0, 2)).toEqual(['REQUESTED', 'CHECKED']);

    const drifts = await driftsOf(admin, workflowId, user.account);
    expect(drifts.map(({ kind, field, dbValue, adValue }) => ({ kind, field, dbValue, adValue }))).toEqual(
      expect.arrayContaining([
        { kind: 'ENABLED_MISMATCH', field: 'enabled', dbValue: '啟用', adValue: '停用' },
        { kind: 'ATTRIBUTE_MISMATCH', field: 'title', dbValue: null, adValue: '手改職稱' },
        { kind: 'OU_MISMATCH', field: 'ou', dbValue: user.ouDn, adValue: otherOu },
        { kind: 'ADMIN_GROUP_MISMATCH', field: 'G01-admins', dbValue: '成員', adValue: '非成員' },
      ]),
    );
    expect(drifts).toHaveLength(4);
    // The account list shows the user as 同步失敗 with what differs.
    const failedList = await admin.get(`/api/console/ad-sync/users?status=FAILED&q=${user.account}`);
    expect(failedList.body.items).toEqual([
      expect.objectContaining({
        account: user.account,
        adSyncStatusLabel: '同步失敗',
        adLastError: expect.stringContaining('OU 不一致'),
      }),
    ]);

    const repair = await admin.post(`/api/console/ad-sync/reconciles/${workflowId}/repair`, {
      driftIds: drifts.map((d) => d.id),
    });
    expect(repair.status, JSON.stringify(repair.body)).toBe(202);
    const sysadminRow = await prisma.user.findUniqueOrThrow({ where: { account: 'sysadmin' } });
    const repaired = await eventually(
      async () => {
        const all = await driftsOf(admin, workflowId, user.account, 'all');
        return all.every((d) => d.repairedAt) ? all : null;
      },
      { timeoutMs: 60_000 },
    );
    expect(repaired.map((d) => d.repairedByName)).toEqual(Array(4).fill(sysadminRow.name));
    expect(await driftsOf(admin, workflowId, user.account)).toEqual([]);

    const inAd = await ad.findUser(user.account);
    expect(inAd).toMatchObject({ enabled: true, title: null });
    expect(sameDn(inAd!.ouDn, user.ouDn)).toBe(true);
    expect(await ad.listGroups(user.account)).toContain('G01-admins');
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      adSyncStatus: 'SYNCED',
      adLastError: null,
    });
    const afterRepair = await eventually(async () => {
      const { body } = await admin.get(`/api/console/ad-sync/reconciles/${workflowId}`);
      return body.events.some((e: { kind: string }) => e.kind === 'REPAIRED') ? body : null;
    });
    expect(afterRepair.events.find((e: { kind: string }) => e.kind === 'REPAIRED').label).toBe('修復完成：成功 4 筆');

    // A new run ends the old one (still waiting for 修復) and finds nothing for this user.
    const second = await admin.post('/api/console/ad-sync/reconciles');
    expect(second.status, JSON.stringify(second.body)).toBe(202);
    await reviewed(admin, second.body.workflowId);
    expect(await driftsOf(admin, second.body.workflowId, user.account, 'all')).toEqual([]);
    await eventually(async () => (await admin.get(`/api/console/ad-sync/reconciles/${workflowId}`)).body.status === 'CLOSED');
  });

  it('機關管理者 groups: nothing to report for the seeded admins; a membership removed in AD and an AD account added by hand are reported', async () => {
    const seededAdmins = seedUsers.filter((u) => u.roles.some((r) => r.role === 'AGENCY_ADMIN')).map((u) => u.account);
    const admin = await sysadmin();
    const clean = await admin.post('/api/console/ad-sync/reconciles');
    expect(clean.status, JSON.stringify(clean.body)).toBe(202);
    expect((await reviewed(admin, clean.body.workflowId)).progress.adminGroupOutsiders).toBe(0);
    for (const account of seededAdmins) {
      // Test slots share one domain, so a seeded account may live in another slot's tree (OU 不一致): only the groups count here.
      const found = (await driftsOf(admin, clean.body.workflowId, account, 'all')).filter(
        (d) => d.account === account && d.kind === 'ADMIN_GROUP_MISMATCH',
      );
      expect(found, account).toEqual([]);
    }

    // A G01 機關管理者 leaves G01-admins, and a domain account outside the portal's OU joins it.
    const user = await newAdminUser();
    const g01 = await ouOf('G01');
    const outsider = `ads${crypto.randomBytes(3).toString('hex')}`;
    const { dn: outsiderDn } = await ad.createUser({
      account: outsider,
      ouDn: `CN=Users,${env.AD_BASE_DN}`,
      displayName: '群組外人',
    });
    try {
      await ad.removeGroupMember(user.account, { name: 'G01-admins', ouDn: g01 });
      await ad.addGroupMember(outsider, { name: 'G01-admins', ouDn: g01 });

      const started = await admin.post('/api/console/ad-sync/reconciles');
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const { workflowId } = started.body;
      expect((await reviewed(admin, workflowId)).progress.adminGroupOutsiders).toBe(1);
      // The timeline line follows the status change to 比對完成.
      await eventually(async () =>
        (await admin.get(`/api/console/ad-sync/reconciles/${workflowId}`)).body.events.some(
          (e: { label: string }) => e.label === 'AD 機關管理者群組中有 1 個入口網未管理的成員（僅列出，不會自動移出）',
        ),
      );

      const removed = await driftsOf(admin, workflowId, user.account);
      expect(removed).toEqual([
        expect.objectContaining({
          userId: user.id,
          kind: 'ADMIN_GROUP_MISMATCH',
          kindLabel: '機關管理者群組不一致',
          field: 'G01-admins',
          dbValue: '成員',
          adValue: '非成員',
          repairable: true,
        }),
      ]);
      const added = await driftsOf(admin, workflowId, outsider);
      expect(added).toEqual([
        expect.objectContaining({
          account: outsider,
          userId: null,
          kind: 'ADMIN_GROUP_MISMATCH',
          kindLabel: '機關管理者群組不一致',
          field: 'G01-admins',
          dbValue: '非成員',
          adValue: `成員（${outsiderDn}）`,
          repairable: false,
        }),
      ]);

      // 修復 puts the admin back; the outsider is only listed and stays where the AD administrator put it.
      const repair = await admin.post(`/api/console/ad-sync/reconciles/${workflowId}/repair`, {
        driftIds: [removed[0]!.id, added[0]!.id],
      });
      expect(repair.status, JSON.stringify(repair.body)).toBe(202);
      const done = await eventually(async () => {
        const { body } = await admin.get(`/api/console/ad-sync/reconciles/${workflowId}`);
        return body.events.find((e: { kind: string }) => e.kind === 'REPAIRED');
      });
      expect(done.label).toBe('修復完成：成功 1 筆');
      expect(await ad.listGroups(user.account)).toContain('G01-admins');
      expect(await ad.listGroups(outsider)).toContain('G01-admins');
      expect(await driftsOf(admin, workflowId, outsider)).toEqual([expect.objectContaining({ repairedAt: null })]);
    } finally {
      await ad.deleteUser(outsider);
    }
  });

  it('重新同步 pushes one account back to AD and shows it 已同步', async () => {
    const user = await newAdminUser();
    await prisma.user.update({ where: { id: user.id }, data: { title: '科員', officePhone: '2991111', officeExt: '8123' } });
    await ad.disableUser(user.account);
    await ad.updateUser(user.account, { displayName: '被改的名字' });

    const admin = await sysadmin();
    const started = await admin.post(`/api/console/ad-sync/users/${user.id}/sync`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const done = await eventually(
      async () => {
        const { body } = await admin.get(`/api/console/ad-sync/syncs/${started.body.workflowId}`);
        return body.status === 'SYNCED' ? body : null;
      },
      { timeoutMs: 30_000 },
    );
    expect(done.statusLabel).toBe('已同步');
    expect(done.events.at(-1).label).toContain('已同步至 AD（修正：');
    expect(done.temporalUrl).toContain(encodeURIComponent(started.body.workflowId));
    expect(await ad.findUser(user.account)).toMatchObject({
      enabled: true,
      displayName: '王忘記',
      title: '科員',
      telephoneNumber: '06-2991111#8123',
    });
    const listed = await admin.get(`/api/console/ad-sync/users?q=${user.account}`);
    expect(listed.body.items[0]).toMatchObject({ adSyncStatusLabel: '已同步', adLastError: null, openSync: null });
  });

  it('refuses a second 同步比對 while one is running, with a link to it', async () => {
    const openId = `ad-reconcile-test${crypto.randomBytes(3).toString('hex')}`;
    await prisma.request.create({
      data: { workflowId: openId, type: 'AD_RECONCILE', status: 'CHECKING', statusLabel: '比對中', summary: { scope: 'ALL' } },
    });
    try {
      const admin = await sysadmin();
      const refused = await admin.post('/api/console/ad-sync/reconciles');
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({
        code: 'CONFLICT',
        message: '已有進行中的同步比對，請至該比對查看進度',
        openRequest: { workflowId: openId, url: `/console/ad-sync?tab=reconcile&run=${encodeURIComponent(openId)}` },
      });
    } finally {
      await prisma.request.update({ where: { workflowId: openId }, data: { status: 'CLOSED', statusLabel: '已結束' } });
    }
  });

  it('is for system admins only: an agency admin gets 403 on every route, bad input a specific message', async () => {
    const target = await prisma.user.findUniqueOrThrow({ where: { account: 'cabuser1' } });
    const cab = apiSession();
    expect((await cab.login('cabadmin')).status).toBe(200);
    const id = 'ad-reconcile-x1';
    const routes: [string, string][] = [
      ['get', '/api/console/ad-sync/users'],
      ['post', `/api/console/ad-sync/users/${target.id}/sync`],
      ['get', '/api/console/ad-sync/syncs/user-ad-sync-x1'],
      ['get', '/api/console/ad-sync/reconciles'],
      ['post', '/api/console/ad-sync/reconciles'],
      ['get', `/api/console/ad-sync/reconciles/${id}`],
      ['get', `/api/console/ad-sync/reconciles/${id}/drifts`],
      ['post', `/api/console/ad-sync/reconciles/${id}/repair`],
    ];
    for (const [method, path] of routes) {
      const response = method === 'get' ? await cab.get(path) : await cab.post(path, {});
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    expect(await prisma.request.count({ where: { applicantUserId: target.id, type: 'AD_RECONCILE' } })).toBe(0);

    const admin = await sysadmin();
    const bad = await admin.get('/api/console/ad-sync/users?status=WRONG');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.status).toBe('同步狀態只能是 FAILED、PENDING 或 SYNCED');
    const badRepair = await admin.post(`/api/console/ad-sync/reconciles/${id}/repair`, { driftIds: [] });
    expect(badRepair.status).toBe(400);
    expect(badRepair.body.error.fields.driftIds).toBe('請選擇要修復的差異');
  });
});
