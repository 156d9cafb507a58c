import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, type Clients } from '../../../infra/clients';
import { createActivities } from '../../../worker/activities';
import { agencyChange } from '../../../workflows/agency-change';
import { decideAgencyChangeUpdate, getAgencyChangeStateQuery } from '../../../workflows/agency-change.messages';
import { fileSandbox } from '../ad/helpers';
import { latestMail } from '../../support/applicant';
import { eventually, testEnv } from '../../support/env';
import { readableHistory } from '../../support/histories';
import { createResettableUser, FIRST_PASSWORD } from '../../support/reset-users';
import { listedWorkflowIds, withWorker } from '../../support/temporal';

const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const healthy = createClients(env);
const adDown = createClients({ ...env, AD_URL: 'ldaps://127.0.0.1:1' });
const { prisma, ad } = healthy;
let sandbox: Awaited<ReturnType<typeof fileSandbox>>;

beforeAll(async () => {
  sandbox = await fileSandbox('agencychgwf');
});
afterAll(async () => {
  await sandbox?.cleanup();
  await prisma.$disconnect();
  await adDown.prisma.$disconnect();
});

const activities = (clients: Clients) => createActivities(clients, { webUrl: env.WEB_URL, dataKey });
/** Review periods shortened to seconds (system parameters request.reminderAfter / request.expiryAfter). */
const shortReview = (seconds: { reminder: number; expiry: number }) => ({
  ...activities(healthy),
  getSystemParameters: async () => ({ 'request.reminderAfter': seconds.reminder, 'request.expiryAfter': seconds.expiry }),
});

/** A signed-in user: a portal session and an SSO session and refresh token. */
async function signIn(userId: string) {
  const sessionId = crypto.randomBytes(32).toString('hex');
  await prisma.session.create({ data: { id: sessionId, userId, expiresAt: new Date(Date.now() + 3_600_000) } });
  for (const type of ['Session', 'RefreshToken']) {
    await prisma.oidcPayload.create({ data: { type, id: crypto.randomUUID(), payload: { accountId: userId } } });
  }
  return sessionId;
}

describe('agencyChange workflow (real Temporal, PostgreSQL, AD, SMTP)', () => {
  it('with AD down: signs out at once, takes the decision and moves the user in the database; AD follows (disable → move → enable) when it answers', async () => {
    const user = await createResettableUser({ prisma, ad, dataKey, hashKey, ouDn: sandbox.ouDn }, { prefix: 'agw' });
    const sessionId = await signIn(user.id);
    // A second agency admin of 民政局 (cabadmin is the other): the role and its AD group end with the move.
    const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    await prisma.roleAssignment.create({ data: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: g01.id } });
    await ad.addGroupMember(user.account, { name: 'G01-admins', ouDn: `OU=G01,${ad.rootDn}` });
    const target = await prisma.organization.findUniqueOrThrow({ where: { code: 'G25-03' } });
    const sdcadmin = await prisma.user.findUniqueOrThrow({ where: { account: 'sdcadmin' } });
    const workflowId = `agency-change-${user.id}-${Date.now().toString(36)}`;

    const taskQueue = await withWorker(env, activities(adDown), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(agencyChange, {
        taskQueue,
        workflowId,
        args: [{ userId: user.id, organizationId: target.id, reason: '調職' }],
      });
      await eventually(async () => (await handle.query(getAgencyChangeStateQuery)).status === 'PENDING');
      // Does not wait for AD: every session and token is gone and the account cannot log in.
      expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
      expect(await prisma.oidcPayload.count({ where: { payload: { path: ['accountId'], equals: user.id } } })).toBe(0);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('DISABLED');
      // The read model follows the workflow's state by an activity: wait for the row, not the query.
      const request = await eventually(async () => {
        const row = await prisma.request.findUniqueOrThrow({ where: { workflowId }, include: { agency: true } });
        return row.statusLabel === '待新機關管理者審核（AD 停用中）' ? row : null;
      });
      expect(request).toMatchObject({ type: 'AGENCY_CHANGE' });
      expect(request.agency?.code).toBe('G25');

      // The decision does not wait for AD either.
      const self = handle.executeUpdate(decideAgencyChangeUpdate, {
        args: [{ decision: 'APPROVE', actor: { userId: user.id, account: user.account, name: user.name } }],
      });
      await expect(self).rejects.toThrow();
      const state = await handle.executeUpdate(decideAgencyChangeUpdate, {
        args: [{ decision: 'APPROVE', actor: { userId: sdcadmin.id, account: sdcadmin.account, name: sdcadmin.name } }],
      });
      expect(state.status).toBe('MOVING');
      await eventually(async () => {
        const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { roles: true } });
        return row.organizationId === target.id && row.status === 'ACTIVE' && row.roles.length === 0;
      });
      expect((await prisma.request.findUniqueOrThrow({ where: { workflowId } })).statusLabel).toBe('已核准，AD 帳號移轉中');
      // AD still has the user where it was, in its old state.
      expect(await ad.findUser(user.account)).toMatchObject({ ouDn: sandbox.ouDn, enabled: true });
      return taskQueue;
    });

    const state = await withWorker(
      env,
      activities(healthy),
      async ({ client }) => {
        const handle = client.workflow.getHandle(workflowId);
        const result = await handle.result();
        const query = `RequestType = 'AGENCY_CHANGE' AND RequestStatus = 'APPROVED' AND ApplicantAccount = '${user.account}'`;
        const listed = await listedWorkflowIds(client, query);
        expect(listed).toEqual([workflowId]);
        expect(readableHistory(await handle.fetchHistory())).not.toContain(FIRST_PASSWORD);
        return result;
      },
      taskQueue,
    );
    expect(state.status).toBe('APPROVED');
    expect(await ad.findUser(user.account)).toMatchObject({ ouDn: `OU=G25-03,OU=G25,${ad.rootDn}`, enabled: true });
    expect(await ad.listGroups(user.account)).not.toContain('G01-admins');
    const request = await prisma.request.findUniqueOrThrow({
      where: { workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request.statusLabel).toBe('已核准（已異動至新單位）');
    expect(request.decidedById).toBe(sdcadmin.id);
    const kinds = request.events.map((e) => e.kind);
    expect(kinds.slice(0, 5)).toEqual(['SUBMITTED', 'PRECHECKED', 'SESSIONS_REVOKED', 'DISABLED', 'NOTIFIED']);
    // AD steps in the order AD must see them, after the outage.
    const order = ['AD_DISABLED', 'AD_MOVED', 'AD_GROUP_REMOVED', 'AD_ENABLED'].map((k) => kinds.indexOf(k));
    expect(order.every((i) => i > kinds.indexOf('APPROVED'))).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(request.events.find((e) => e.kind === 'MOVED')?.label).toContain('並取消民政局機關管理者權限');
  });

  it('undecided: the approvers are reminded, then the request expires and the account is enabled again in its old unit', async () => {
    const user = await createResettableUser({ prisma, ad, dataKey, hashKey, ouDn: sandbox.ouDn }, { prefix: 'agx' });
    const target = await prisma.organization.findUniqueOrThrow({ where: { code: 'G25-03' } });
    const workflowId = `agency-change-${user.id}-${Date.now().toString(36)}`;
    const state = await withWorker(env, shortReview({ reminder: 2, expiry: 4 }), async ({ client, taskQueue }) =>
      client.workflow.execute(agencyChange, {
        taskQueue,
        workflowId,
        args: [{ userId: user.id, organizationId: target.id }],
      }),
    );
    expect(state.status).toBe('EXPIRED');
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ organizationId: user.organizationId, status: 'ACTIVE', disabledReason: null });
    expect(await ad.findUser(user.account)).toMatchObject({ ouDn: sandbox.ouDn, enabled: true });
    const request = await prisma.request.findUniqueOrThrow({
      where: { workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request.statusLabel).toBe('逾期未審核（維持原單位）');
    expect(request.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['REMINDED', 'EXPIRED', 'REACTIVATED', 'AD_ENABLED']),
    );
    expect(await latestMail(user.email, '機關(單位)異動申請已逾期失效')).toBeTruthy();
  });
});
