import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createClients, type Clients } from '../../../infra/clients';
import { encryptNationalId, hashNationalId } from '../../../infra/db/pii';
import { createActivities } from '../../../worker/activities';
import { accountApplication } from '../../../workflows/account-application';
import {
  accountApplicationWorkflowId,
  decideUpdate,
  amendUpdate,
  getApplicationStateQuery,
} from '../../../workflows/account-application.messages';
import { randomNationalId, uniqueAccount, uniqueEmail } from '../../support/applicant';
import { eventually, testEnv } from '../../support/env';
import { listedWorkflowIds, withWorker } from '../../support/temporal';

const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const healthy = createClients(env);
const adDown = createClients({ ...env, AD_URL: 'ldaps://127.0.0.1:1' });
afterAll(async () => {
  await healthy.prisma.$disconnect();
  await adDown.prisma.$disconnect();
});

async function newApplication() {
  const id = crypto.randomUUID();
  const org = await healthy.prisma.organization.findUniqueOrThrow({ where: { code: 'G01-91' } }); // 民政局 秘書室
  const nationalId = randomNationalId();
  const email = uniqueEmail();
  const account = uniqueAccount('wf');
  await healthy.prisma.accountApplication.create({
    data: {
      id,
      workflowId: accountApplicationWorkflowId(id),
      nationalIdCipher: encryptNationalId(nationalId, dataKey),
      nationalIdHash: hashNationalId(nationalId, hashKey),
      account,
      needOfficialMail: false,
      backupEmail: email,
      name: '測試申請人',
      organizationId: org.id,
      title: '科員',
      officePhone: '2991111',
      statusKeyHash: 'x'.repeat(64),
    },
  });
  return { id, email, account, workflowId: accountApplicationWorkflowId(id) };
}

/** Real activities, with the three durations shortened to seconds (they come from an activity by design). */
function activities(clients: Clients, seconds: { reminder: number; escalation: number; expiry: number }) {
  const real = createActivities(clients, { webUrl: env.WEB_URL, dataKey });
  return {
    ...real,
    getSystemParameters: async () => ({
      'request.reminderAfter': seconds.reminder,
      'request.escalationAfter': seconds.escalation,
      'request.expiryAfter': seconds.expiry,
    }),
  };
}

async function mailsTo(address: string) {
  const response = await fetch(`${env.MAILBOX_URL}/messages?to=${encodeURIComponent(address)}`);
  const payload = (await response.json()) as { messages?: { subject: string }[] } | { subject: string }[];
  return (Array.isArray(payload) ? payload : (payload.messages ?? [])).map((m) => m.subject);
}

describe('accountApplication workflow timers and faults (real Temporal, PostgreSQL, AD, SMTP)', () => {
  it('reminds the agency admins, escalates to the system admins, then expires and tells the applicant', async () => {
    const app = await newApplication();
    const state = await withWorker(
      env,
      activities(healthy, { reminder: 1, escalation: 2, expiry: 3 }),
      async ({ client, taskQueue }) => {
        const handle = await client.workflow.start(accountApplication, {
          taskQueue,
          workflowId: app.workflowId,
          args: [{ applicationId: app.id }],
        });
        const result = await handle.result();
        // The operator's filter in the Temporal UI: by request type, agency and status.
        const query = `RequestType = 'ACCOUNT_APPLICATION' AND AgencyCode = 'G01' AND RequestStatus = 'EXPIRED' AND ApplicantAccount = '${app.account}'`;
        const listed = await listedWorkflowIds(client, query);
        expect(listed).toEqual([app.workflowId]);
        return result;
      },
    );
    expect(state.status).toBe('EXPIRED');
    const request = await healthy.prisma.request.findUniqueOrThrow({
      where: { workflowId: app.workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request.events.map((e) => e.kind)).toEqual(['SUBMITTED', 'REMINDED', 'ESCALATED', 'EXPIRED']);
    expect(request.statusLabel).toBe('逾期未審核（已失效）');
    expect((await healthy.prisma.accountApplication.findUniqueOrThrow({ where: { id: app.id } })).status).toBe('EXPIRED');

    const cabadmin = await healthy.prisma.user.findUniqueOrThrow({ where: { account: 'cabadmin' } });
    const sysadmin = await healthy.prisma.user.findUniqueOrThrow({ where: { account: 'sysadmin' } });
    const addressOf = (u: typeof cabadmin) => (u.officialMail ? `${u.account}@mail.tainan.gov.tw` : u.backupEmail!);
    expect(await eventually(async () => (await mailsTo(addressOf(cabadmin))).find((s) => s.includes('提醒您')))).toBeTruthy();
    expect(await eventually(async () => (await mailsTo(addressOf(sysadmin))).find((s) => s.includes('逾期未審核')))).toBeTruthy();
    expect(await eventually(async () => (await mailsTo(app.email)).find((s) => s.includes('已逾期失效')))).toBeTruthy();
  });

  it('shows 帳號建立中 while AD is down and finishes by itself when AD answers again, creating the account once', async () => {
    const app = await newApplication();
    const slow = { reminder: 3600, escalation: 7200, expiry: 10800 };
    const sdcadmin = await healthy.prisma.user.findUniqueOrThrow({ where: { account: 'cabadmin' } });
    const actor = { userId: sdcadmin.id, account: sdcadmin.account, name: sdcadmin.name };

    // First a worker whose AD is unreachable: the approval is accepted, provisioning keeps retrying.
    const taskQueue = await withWorker(env, activities(adDown, slow), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(accountApplication, {
        taskQueue,
        workflowId: app.workflowId,
        args: [{ applicationId: app.id }],
      });
      const afterDecision = await handle.executeUpdate(decideUpdate, { args: [{ decision: 'APPROVE', actor }] });
      expect(afterDecision.status).toBe('PROVISIONING');
      await new Promise((r) => setTimeout(r, 3_000));
      expect((await handle.query(getApplicationStateQuery)).status).toBe('PROVISIONING');
      const request = await healthy.prisma.request.findUniqueOrThrow({ where: { workflowId: app.workflowId } });
      expect(request.statusLabel).toBe('帳號建立中');
      return taskQueue;
    });

    // AD is back (a worker with a reachable AD picks the same task queue up): the workflow moves on.
    const account = (await healthy.prisma.accountApplication.findUniqueOrThrow({ where: { id: app.id } })).account;
    await withWorker(
      env,
      activities(healthy, slow),
      async ({ client }) => {
        const handle = client.workflow.getHandle(app.workflowId);
        await eventually(async () => (await handle.query(getApplicationStateQuery)).status === 'AWAITING_ACTIVATION', {
          timeoutMs: 90_000,
          intervalMs: 1_000,
        });
        await handle.terminate('test finished');
      },
      taskQueue,
    );
    const user = await healthy.ad.findUser(account);
    expect(user).toMatchObject({ enabled: false });
    expect(await healthy.prisma.user.count({ where: { account } })).toBe(1);
  }, 150_000);

  it('keeps 已送出申請 first in the timeline when an amendment reaches a workflow that has only just started', async () => {
    const app = await newApplication();
    const slow = activities(healthy, { reminder: 3600, escalation: 7200, expiry: 10800 });
    // Recording the PENDING status takes a while, so the amendment arrives before SUBMITTED is written.
    const delayed = {
      ...slow,
      setApplicationStatus: async (input: Parameters<typeof slow.setApplicationStatus>[0]) => {
        await new Promise((r) => setTimeout(r, 1_500));
        return slow.setApplicationStatus(input);
      },
    };
    const stored = await healthy.prisma.accountApplication.findUniqueOrThrow({ where: { id: app.id } });
    await withWorker(env, delayed, async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(accountApplication, {
        taskQueue,
        workflowId: app.workflowId,
        args: [{ applicationId: app.id }],
      });
      const changes = {
        account: stored.account,
        needOfficialMail: false,
        name: stored.name,
        organizationId: stored.organizationId,
        title: '專員',
        officePhone: stored.officePhone,
        officeExt: null,
        remark: null,
      };
      await handle.executeUpdate(amendUpdate, { args: [{ changes, changedFields: ['title'] }] });
      await handle.terminate('test finished');
    });
    const request = await healthy.prisma.request.findUniqueOrThrow({
      where: { workflowId: app.workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request.events.map((e) => e.kind)).toEqual(['SUBMITTED', 'AMENDED']);
    expect(request.events[0]!.at.getTime()).toBeLessThanOrEqual(request.events[1]!.at.getTime());
    expect((await healthy.prisma.accountApplication.findUniqueOrThrow({ where: { id: app.id } })).title).toBe('專員');
  }, 60_000);
});
