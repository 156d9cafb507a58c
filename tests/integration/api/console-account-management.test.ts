// 管理主控台 › 帳號管理 › 詳細: 編輯, 啟用, 重設為待開通, 機關管理者 / 系統管理者 — over HTTP against
// the real API, worker, Temporal, PostgreSQL, Samba AD and the SMTP sink.
import { describe, expect, it } from 'vitest';
import { useAccountSandbox } from './support-sandbox';
import { agencyAdminGroupName } from '../../../activities/self-service';
import { e2e, eventually } from '../../support/env';
import { latestMail, verifyEmailFully, verifiedHeaders } from '../../support/applicant';
import { apiSession } from '../../support/http';
import { FIRST_PASSWORD } from '../../support/reset-users';
import { createTestUser } from '../db/helpers';

const { clients, newUser: sandboxUser } = useAccountSandbox('accountmgmt');

/** An active 民政局 (G01, admin cabadmin) user, in the database and enabled in AD. */
const newUser = () => sandboxUser({ prefix: 'amgt' });

async function admin(account = 'cabadmin') {
  const session = apiSession();
  expect((await session.login(account)).status).toBe(200);
  return session;
}

/** The request once it has reached `status` and written `lastEvent` (mail follows the status). */
async function requestDone(session: ReturnType<typeof apiSession>, workflowId: string, status: string, lastEvent?: string) {
  return eventually(
    async () => {
      const { body } = await session.get(`/api/console/accounts/requests/${workflowId}`);
      const last = body.events?.at(-1)?.kind;
      return body.status === status && (!lastEvent || last === lastEvent) ? body : null;
    },
    { timeoutMs: 45_000, intervalMs: 500 },
  );
}

describe('帳號管理 › 詳細 over HTTP', () => {
  it('shows the detail to the own agency admin, offers the allowed actions, and edits with AD following', async () => {
    const user = await newUser();
    const cab = await admin();
    const detail = await cab.get(`/api/console/accounts/${user.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      account: user.account,
      status: 'ACTIVE',
      organizationPath: expect.stringContaining('民政局'),
      roles: [],
      openRequest: null,
      allowedActions: ['edit', 'disable', 'resetActivation', 'grantAgencyAdmin'],
    });
    expect(JSON.stringify(detail.body)).not.toMatch(/passwordHash|nationalId|argon2/);

    const bad = await cab.patch(`/api/console/accounts/${user.id}`, { name: '', title: '科員', officePhone: 'abc' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({ name: expect.any(String), officePhone: expect.any(String) });
    expect((await clients.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);

    const saved = await cab.patch(`/api/console/accounts/${user.id}`, {
      name: '王更正',
      title: '專員',
      officePhone: '2991111',
      officeExt: '8201',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.changed).toEqual(expect.arrayContaining(['name', 'title', 'officePhone', 'officeExt']));
    const inAd = await eventually(async () => {
      const found = await clients.ad.findUser(user.account);
      return found?.title === '專員' ? found : null;
    });
    expect(inAd).toMatchObject({ displayName: '王更正', telephoneNumber: '06-2991111#8201' });
    const record = await clients.prisma.usageRecord.findFirst({
      where: { action: 'console.account.update', target: { contains: user.account } },
    });
    expect(record?.detail).toMatchObject({ fields: expect.arrayContaining(['title']) });
  });

  it('refuses every action to another agency admin and to a general user', async () => {
    const user = await newUser();
    const other = await admin('sdcadmin');
    expect((await other.get(`/api/console/accounts/${user.id}`)).status).toBe(403);
    expect(
      (await other.patch(`/api/console/accounts/${user.id}`, { name: 'x', title: 'y', officePhone: '2991111' })).status,
    ).toBe(403);
    expect((await other.post(`/api/console/accounts/${user.id}/reset-activation`, { reason: '測試' })).status).toBe(403);
    expect((await other.put(`/api/console/accounts/${user.id}/roles/agency-admin`)).status).toBe(403);
    const cab = await admin();
    expect((await cab.put(`/api/console/accounts/${user.id}/roles/system-admin`)).status).toBe(403);
    const plain = apiSession();
    await plain.login(user.account, FIRST_PASSWORD);
    expect((await plain.get(`/api/console/accounts/${user.id}`)).status).toBe(403);
    expect(await clients.prisma.roleAssignment.count({ where: { userId: user.id } })).toBe(0);
  });

  it('啟用 a disabled account: ACTIVE with its old password, AD enabled, mailed; refused for an active one', async () => {
    const user = await newUser();
    const cab = await admin();
    expect((await cab.post(`/api/console/accounts/${user.id}/enable`, { reason: '誤停用' })).body.error.message).toBe(
      '此帳號未停用，無需啟用',
    );
    const disabled = await cab.post(`/api/console/accounts/${user.id}/disable`, { reason: '留職停薪' });
    await requestDone(cab, disabled.body.workflowId, 'DISABLED');
    expect((await clients.ad.findUser(user.account))?.enabled).toBe(false);

    expect((await cab.post(`/api/console/accounts/${user.id}/enable`, { reason: ' ' })).status).toBe(400);
    const started = await cab.post(`/api/console/accounts/${user.id}/enable`, { reason: '復職' });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const done = await requestDone(cab, started.body.workflowId, 'ENABLED', 'NOTIFIED');
    expect(done.events.map((e: { kind: string }) => e.kind)).toEqual(['REQUESTED', 'ENABLED', 'AD_ENABLED', 'NOTIFIED']);
    expect((await clients.ad.findUser(user.account))?.enabled).toBe(true);
    expect((await apiSession().login(user.account, FIRST_PASSWORD)).status).toBe(200);
    const mail = await latestMail(user.email, '重新啟用');
    expect(mail.body).toContain('復職');
  });

  it('重設為待開通: the old password stops working at once, 開通帳號 sets a new one, AD gets it', async () => {
    const user = await newUser();
    const userSession = apiSession();
    await userSession.login(user.account, FIRST_PASSWORD);
    const cab = await admin();
    const started = await cab.post(`/api/console/accounts/${user.id}/reset-activation`, { reason: '帳號遭冒用疑慮' });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const waiting = await requestDone(cab, started.body.workflowId, 'AWAITING_ACTIVATION', 'NOTIFIED');
    expect(waiting.statusLabel).toBe('待使用者開通帳號');
    expect((await userSession.get('/api/session')).status).toBe(401);
    expect((await apiSession().login(user.account, FIRST_PASSWORD)).status).not.toBe(200);
    expect((await clients.ad.findUser(user.account))?.enabled).toBe(false);
    // A second 啟用／重設 while this one waits is refused with its link.
    const again = await cab.post(`/api/console/accounts/${user.id}/reset-activation`, { reason: '再一次' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'REQUEST_OPEN',
      message: '此帳號有進行中的啟用／重設作業（待使用者開通帳號），請待其完成後再辦理',
      openRequest: { workflowId: started.body.workflowId },
    });
    await latestMail(user.email, '重新開通帳號');

    const { token } = await verifyEmailFully('ACTIVATE', user.email);
    const NEW = 'Reset!2026new';
    const activated = await fetch(`${e2e.baseUrl()}/api/activation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...verifiedHeaders(token) },
      body: JSON.stringify({ newPassword: NEW, confirmPassword: NEW }),
    });
    expect(activated.status, await activated.clone().text()).toBe(200);
    const done = await requestDone(cab, started.body.workflowId, 'ACTIVATED');
    expect(done.events.map((e: { kind: string }) => e.kind)).toEqual([
      'REQUESTED',
      'RESET',
      'AD_DISABLED',
      'NOTIFIED',
      'ACTIVATED',
      'AD_ENABLED',
    ]);
    expect((await apiSession().login(user.account, NEW)).status).toBe(200);
    expect((await clients.ad.findUser(user.account))?.enabled).toBe(true);
    expect(await clients.ad.verifyPassword(user.account, NEW)).toBe(true);
  });

  it('機關管理者: granted (AD group joined), the last one cannot be removed, removal leaves the group', async () => {
    const user = await newUser();
    const second = await newUser();
    const cab = await admin();
    const g01 = await clients.prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    const group = agencyAdminGroupName('G01');

    const granted = await cab.put(`/api/console/accounts/${user.id}/roles/agency-admin`);
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect(granted.body.effective).toBe('下次登入生效');
    expect((await cab.put(`/api/console/accounts/${user.id}/roles/agency-admin`)).status).toBe(409);
    await eventually(async () => (await clients.ad.listGroups(user.account)).includes(group));
    const detail = await cab.get(`/api/console/accounts/${user.id}`);
    expect(detail.body.roles).toEqual([
      expect.objectContaining({ role: 'AGENCY_ADMIN', grantedBy: expect.stringContaining('cabadmin') }),
    ]);
    expect(detail.body.allowedActions).toContain('revokeAgencyAdmin');

    // Effective at the next login: a new session of the user enters the console and sees their agency.
    const asAdmin = apiSession();
    await asAdmin.login(user.account, FIRST_PASSWORD);
    expect((await asAdmin.get(`/api/console/accounts/${second.id}`)).status).toBe(200);

    // In an agency whose only admin is this user, removing them is refused with what to do first.
    const lone = await clients.prisma.roleAssignment.findMany({ where: { role: 'AGENCY_ADMIN', organizationId: g01.id } });
    expect(lone.length).toBeGreaterThan(1); // cabadmin and the new one: removal allowed
    const removed = await cab.delete(`/api/console/accounts/${user.id}/roles/agency-admin`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.effective).toBe('立即生效');
    expect((await asAdmin.get(`/api/console/accounts/${second.id}`)).status).toBe(403);
    await eventually(async () => !(await clients.ad.listGroups(user.account)).includes(group));
  });

  it('機關管理者: the only admin of an agency cannot be removed; the answer says what to do first', async () => {
    const code = `X${Date.now().toString(36).slice(-6).toUpperCase()}`;
    const agency = await clients.prisma.organization.create({
      data: { code, name: `測試機關${code}`, kind: 'EXTERNAL_AGENCY', adOu: `OU=${code}` },
    });
    const lone = await createTestUser(clients.prisma, agency.id);
    await clients.prisma.user.update({ where: { id: lone.id }, data: { status: 'ACTIVE' } });
    await clients.prisma.roleAssignment.create({ data: { userId: lone.id, role: 'AGENCY_ADMIN', organizationId: agency.id } });
    const sys = await admin('sysadmin');
    const refused = await sys.delete(`/api/console/accounts/${lone.id}/roles/agency-admin`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(`${lone.name} 是測試機關${code}唯一的機關管理者，請先指定其他同仁為機關管理者再移除`);
    expect(await clients.prisma.roleAssignment.count({ where: { userId: lone.id } })).toBe(1);
  });

  it('系統管理者: designated and removed directly by a system admin (recorded); never oneself', async () => {
    const first = await newUser();
    const second = await newUser();
    const sys = await admin('sysadmin');
    expect((await sys.put(`/api/console/accounts/${first.id}/roles/system-admin`)).status).toBe(200);
    expect((await sys.put(`/api/console/accounts/${first.id}/roles/system-admin`)).status).toBe(409);
    // Immediately: the new system admin's next request already has the role.
    const asFirst = apiSession();
    await asFirst.login(first.account, FIRST_PASSWORD);
    expect((await asFirst.get('/api/console/system-parameters')).status).toBe(200);
    expect((await asFirst.put(`/api/console/accounts/${second.id}/roles/system-admin`)).status).toBe(200);
    const self = await asFirst.delete(`/api/console/accounts/${first.id}/roles/system-admin`);
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe('不可移除自己的系統管理者權限，請由其他系統管理者辦理');
    expect((await sys.delete(`/api/console/accounts/${first.id}/roles/system-admin`)).status).toBe(200);
    expect((await asFirst.get('/api/console/system-parameters')).status).toBe(403);
    expect((await sys.delete(`/api/console/accounts/${second.id}/roles/system-admin`)).status).toBe(200);
    const records = await clients.prisma.usageRecord.findMany({
      where: { action: { in: ['console.role.grant', 'console.role.revoke'] }, target: { contains: first.account } },
      orderBy: { at: 'asc' },
    });
    expect(records.map((r) => r.action)).toEqual(['console.role.grant', 'console.role.revoke']);
  });
});
