import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useAccountSandbox } from './support-sandbox';
import { eventually } from '../../support/env';
import { apiSession } from '../../support/http';
import { FIRST_PASSWORD } from '../../support/reset-users';

const { clients, newUser: sandboxUser } = useAccountSandbox('disableapi');

/** An active user of 民政局 (G01, whose agency admin is cabadmin), in the database and AD. */
const newUser = () => sandboxUser({ prefix: 'dapi' });

describe('停用 over HTTP: /api/console/accounts', () => {
  it('lets the own agency admin disable with a reason; another agency admin gets 403 and never sees the account', async () => {
    const user = await newUser();
    const userSession = apiSession();
    expect((await userSession.login(user.account, FIRST_PASSWORD)).status).toBe(200);

    const other = apiSession();
    await other.login('sdcadmin'); // 智慧發展中心 (G25)
    const listed = await other.get(`/api/console/accounts?q=${user.account}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
    const refused = await other.post(`/api/console/accounts/${user.id}/disable`, { reason: '離職' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');

    const admin = apiSession();
    await admin.login('cabadmin');
    const mine = await admin.get(`/api/console/accounts?q=${user.account}`);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ account: user.account, statusLabel: '啟用', allowedActions: ['disable'] }),
    ]);
    const noReason = await admin.post(`/api/console/accounts/${user.id}/disable`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBe('請填寫停用原因');
    expect((await clients.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('ACTIVE');

    const started = await admin.post(`/api/console/accounts/${user.id}/disable`, { reason: '退休' });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const { workflowId } = started.body;
    const done = await eventually(async () => {
      const { body } = await admin.get(`/api/console/accounts/requests/${workflowId}`);
      return body.status === 'DISABLED' ? body : null;
    });
    expect(done).toMatchObject({ account: user.account, statusLabel: '已停用', reason: '退休' });
    expect(done.events.map((e: { kind: string }) => e.kind)).toContain('SESSIONS_REVOKED');
    expect(done.temporalUrl).toContain(encodeURIComponent(workflowId));

    // The user is signed out, and the account shows as 停用 without a 停用 action.
    expect((await userSession.get('/api/session')).status).toBe(401);
    expect((await admin.get(`/api/console/accounts?q=${user.account}`)).body.items[0]).toMatchObject({
      statusLabel: '停用',
      disabledReason: '退休',
      allowedActions: [],
    });
    const again = await admin.post(`/api/console/accounts/${user.id}/disable`, { reason: '退休' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ACCOUNT_ALREADY_DISABLED');
    // Another agency's admin cannot read the request either.
    expect((await other.get(`/api/console/accounts/requests/${workflowId}`)).status).toBe(403);
  });

  it('refuses a second disable while one is open, with a link to the open one', async () => {
    const user = await newUser();
    const openId = `idle-disable-${user.id}-${crypto.randomBytes(3).toString('hex')}`;
    const g01 = await clients.prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    await clients.prisma.request.create({
      data: {
        workflowId: openId,
        type: 'IDLE_DISABLE',
        status: 'DISABLING_AD',
        statusLabel: '已停用（AD 停用中）',
        agencyId: g01.id,
        applicantUserId: user.id,
        applicantAccount: user.account,
      },
    });
    const admin = apiSession();
    await admin.login('cabadmin');
    const refused = await admin.post(`/api/console/accounts/${user.id}/disable`, { reason: '離職' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'DISABLE_IN_PROGRESS',
      message: '此帳號已有進行中的閒置停用作業，請至該作業查看進度',
      openRequest: { workflowId: openId, url: `/console/accounts?request=${encodeURIComponent(openId)}` },
    });
  });

  it('names what to hand over when the account is the sole agency admin, and changes nothing', async () => {
    const user = await newUser();
    const code = `T${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
    const agency = await clients.prisma.organization.create({
      data: { code, name: `測試機關${code}`, kind: 'EXTERNAL_AGENCY', adOu: `OU=${code}` },
    });
    await clients.prisma.roleAssignment.create({ data: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: agency.id } });
    const sysadmin = apiSession();
    await sysadmin.login('sysadmin');
    const refused = await sysadmin.post(`/api/console/accounts/${user.id}/disable`, { reason: '離職' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ACCOUNT_PRECHECK_FAILED');
    expect(refused.body.error.message).toContain(`是${agency.name}唯一的機關管理者，請先指定其他機關管理者`);
    expect((await clients.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('ACTIVE');
    expect(await clients.prisma.request.count({ where: { applicantUserId: user.id } })).toBe(0);
  });
});
