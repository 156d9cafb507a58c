import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, type Clients } from '../../../infra/clients';
import { createActivities } from '../../../worker/activities';
import { ensureSchedules } from '../../../worker/schedules';
import { accountDisable } from '../../../workflows/account-disable';
import { getDisableStateQuery } from '../../../workflows/account-disable.messages';
import { fileSandbox } from '../ad/helpers';
import { eventually, testEnv } from '../../support/env';
import { readableHistory } from '../../support/histories';
import { createResettableUser, FIRST_PASSWORD } from '../../support/reset-users';
import { listedWorkflowIds, withWorker } from '../../support/temporal';

const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const healthy = createClients(env);
const adDown = createClients({ ...env, AD_URL: 'ldaps://127.0.0.1:1' });
let sandbox: Awaited<ReturnType<typeof fileSandbox>>;

beforeAll(async () => {
  sandbox = await fileSandbox('disable');
});
afterAll(async () => {
  await sandbox?.cleanup();
  await healthy.prisma.$disconnect();
  await adDown.prisma.$disconnect();
});

const newUser = (prefix = 'dis') =>
  createResettableUser({ prisma: healthy.prisma, ad: healthy.ad, dataKey, hashKey, ouDn: sandbox.ouDn }, { prefix });

/** A signed-in user: a portal session and an SSO session and refresh token. */
async function signIn(userId: string) {
  const sessionId = crypto.randomBytes(32).toString('hex');
  await healthy.prisma.session.create({ data: { id: sessionId, userId, expiresAt: new Date(Date.now() + 3_600_000) } });
  for (const type of ['Session', 'RefreshToken']) {
    await healthy.prisma.oidcPayload.create({ data: { type, id: crypto.randomUUID(), payload: { accountId: userId } } });
  }
  return sessionId;
}

/** A fresh agency whose only agency admin is `userId`. */
async function makeSoleAgencyAdmin(userId: string) {
  const code = `T${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const agency = await healthy.prisma.organization.create({
    data: { code, name: `測試機關${code}`, kind: 'EXTERNAL_AGENCY', adOu: `OU=${code}` },
  });
  await healthy.prisma.roleAssignment.create({ data: { userId, role: 'AGENCY_ADMIN', organizationId: agency.id } });
  return agency;
}

async function mailsTo(address: string) {
  const response = await fetch(`${env.MAILBOX_URL}/messages?to=${encodeURIComponent(address)}`);
  const payload = (await response.json()) as { messages?: { subject: string; text?: string }[] } | { subject: string }[];
  return (Array.isArray(payload) ? payload : (payload.messages ?? [])).map((m) => m.subject);
}

const activities = (clients: Clients) => createActivities(clients, { webUrl: env.WEB_URL, dataKey });

describe('accountDisable workflow (real Temporal, PostgreSQL, AD, SMTP)', () => {
  it('signs the user out at once while AD is down, disables them in the database, and disables AD when it answers again', async () => {
    const user = await newUser();
    const sessionId = await signIn(user.id);
    const sysadmin = await healthy.prisma.user.findUniqueOrThrow({ where: { account: 'sysadmin' } });
    const workflowId = `account-disable-${user.id}-${Date.now().toString(36)}`;
    const input = {
      userId: user.id,
      kind: 'MANUAL' as const,
      reason: '離職',
      actor: { userId: sysadmin.id, account: sysadmin.account, name: sysadmin.name },
    };

    const taskQueue = await withWorker(env, activities(adDown), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(accountDisable, { taskQueue, workflowId, args: [input] });
      await eventually(async () => (await handle.query(getDisableStateQuery)).status === 'DISABLING_AD');
      // Does not wait for AD: every session and token is gone and the account cannot log in.
      expect((await healthy.prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
      const tokens = await healthy.prisma.oidcPayload.count({ where: { payload: { path: ['accountId'], equals: user.id } } });
      expect(tokens).toBe(0);
      const row = await healthy.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(row.status).toBe('DISABLED');
      expect(row.disabledReason).toBe('離職');
      expect((await healthy.ad.findUser(user.account))?.enabled).toBe(true);
      const request = await healthy.prisma.request.findUniqueOrThrow({ where: { workflowId } });
      expect(request.statusLabel).toBe('已停用（AD 停用中）');
      return taskQueue;
    });

    const state = await withWorker(
      env,
      activities(healthy),
      async ({ client }) => {
        const handle = client.workflow.getHandle(workflowId);
        const result = await handle.result();
        const query = `RequestType = 'ACCOUNT_DISABLE' AND RequestStatus = 'DISABLED' AND ApplicantAccount = '${user.account}'`;
        const listed = await listedWorkflowIds(client, query);
        expect(listed).toEqual([workflowId]);
        const history = readableHistory(await handle.fetchHistory());
        expect(history).not.toContain(FIRST_PASSWORD);
        return result;
      },
      taskQueue,
    );
    expect(state.status).toBe('DISABLED');
    expect((await healthy.ad.findUser(user.account))?.enabled).toBe(false);
    const request = await healthy.prisma.request.findUniqueOrThrow({
      where: { workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request.type).toBe('ACCOUNT_DISABLE');
    expect(request.statusLabel).toBe('已停用');
    expect(request.events.map((e) => e.kind)).toEqual([
      'REQUESTED',
      'PRECHECKED',
      'SESSIONS_REVOKED',
      'DISABLED',
      'AD_DISABLED',
      'NOTIFIED',
    ]);
    expect(request.events[0]!.comment).toBe('離職');
    expect(await eventually(async () => (await mailsTo(user.email)).find((s) => s.includes('您的公務帳號已停用')))).toBeTruthy();
  });

  it('refuses to disable the sole agency admin and says to appoint another agency admin first', async () => {
    const user = await newUser();
    const agency = await makeSoleAgencyAdmin(user.id);
    const sessionId = await signIn(user.id);
    const workflowId = `account-disable-${user.id}-${Date.now().toString(36)}`;
    const state = await withWorker(env, activities(healthy), async ({ client, taskQueue }) =>
      client.workflow.execute(accountDisable, {
        taskQueue,
        workflowId,
        args: [{ userId: user.id, kind: 'MANUAL', reason: '退休' }],
      }),
    );
    expect(state.status).toBe('BLOCKED');
    expect(state.problems[0]!.message).toContain(`${agency.name}唯一的機關管理者，請先指定其他機關管理者`);
    expect((await healthy.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('ACTIVE');
    expect((await healthy.prisma.session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).toBeNull();
    expect((await healthy.ad.findUser(user.account))?.enabled).toBe(true);
    const request = await healthy.prisma.request.findUniqueOrThrow({ where: { workflowId } });
    expect(request.statusLabel).toBe('未通過停用前檢查（未停用）');
  });
});

describe('idleDisable on its schedule (shortened parameters)', () => {
  it('warns the almost idle, disables the idle, and reports a sole agency admin to the system admins instead', async () => {
    const idle = await newUser('idl');
    const soon = await newUser('ids');
    const soleAdmin = await newUser('ida');
    await makeSoleAgencyAdmin(soleAdmin.id);
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    await healthy.prisma.user.update({ where: { id: idle.id }, data: { lastLoginAt: ago(120) } });
    await healthy.prisma.user.update({ where: { id: soon.id }, data: { lastLoginAt: ago(45) } });
    await healthy.prisma.user.update({ where: { id: soleAdmin.id }, data: { lastLoginAt: ago(120) } });
    const mine = new Set([idle.id, soon.id, soleAdmin.id]);

    const real = activities(healthy);
    const shortened = {
      ...real,
      // 閒置 60 s, warned 30 s before; the rest of the test database's users are not this test's business.
      getSystemParameters: async () => ({ 'account.idleDisableAfter': 60, 'account.idleWarningBefore': 30 }),
      findIdleAccounts: async (input: Parameters<typeof real.findIdleAccounts>[0]) => {
        const found = await real.findIdleAccounts(input);
        return { warn: found.warn.filter((u) => mine.has(u.userId)), disable: found.disable.filter((u) => mine.has(u.userId)) };
      },
    };

    const result = await withWorker(env, shortened, async ({ client, taskQueue }) => {
      const scheduleId = `idle-disable-test-${crypto.randomUUID()}`;
      const created = await ensureSchedules(client, { taskQueue, scheduleId });
      expect(created.created).toBe(true);
      expect((await ensureSchedules(client, { taskQueue, scheduleId })).created).toBe(false); // idempotent
      const schedule = client.schedule.getHandle(scheduleId);
      try {
        await schedule.trigger();
        const started = await eventually(
          async () => (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId,
        );
        const run = await client.workflow.getHandle(started).result();
        const disableId = (
          await healthy.prisma.request.findFirstOrThrow({ where: { applicantUserId: idle.id, type: 'IDLE_DISABLE' } })
        ).workflowId;
        await client.workflow.getHandle(disableId).result();
        return run;
      } finally {
        await schedule.delete();
      }
    });

    expect(result.disabling).toEqual([idle.account]);
    expect(result.warned).toEqual([soon.account]);
    expect(result.blocked).toEqual([soleAdmin.account]);
    const status = async (id: string) => (await healthy.prisma.user.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(idle.id)).toBe('DISABLED');
    expect((await healthy.ad.findUser(idle.account))?.enabled).toBe(false);
    expect(await status(soon.id)).toBe('ACTIVE');
    expect(await status(soleAdmin.id)).toBe('ACTIVE');
    expect((await healthy.ad.findUser(soleAdmin.account))?.enabled).toBe(true);

    expect(await eventually(async () => (await mailsTo(idle.email)).find((s) => s.includes('您的公務帳號已停用')))).toBeTruthy();
    expect(await eventually(async () => (await mailsTo(soon.email)).find((s) => s.includes('即將因閒置停用')))).toBeTruthy();
    const sysadmin = await healthy.prisma.user.findUniqueOrThrow({ where: { account: 'sysadmin' } });
    const sysadminMail = sysadmin.officialMail ? `${sysadmin.account}@mail.tainan.gov.tw` : sysadmin.backupEmail!;
    expect(await eventually(async () => (await mailsTo(sysadminMail)).find((s) => s.includes('閒置停用未執行')))).toBeTruthy();
    const report = await healthy.prisma.outboxMessage.findFirstOrThrow({
      where: { recipient: sysadminMail, key: { startsWith: 'idle-blocked:' }, body: { contains: soleAdmin.account } },
    });
    expect(report.body).toContain('請先指定其他機關管理者');
  });
});
