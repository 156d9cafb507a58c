import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, type Clients } from '../../../infra/clients';
import { sealSecret } from '../../../infra/db/secret-box';
import { AD_PASSWORD_BOX } from '../../../activities/password-sync';
import { createActivities } from '../../../worker/activities';
import { activatedSignal } from '../../../workflows/account-application.messages';
import { accountReactivation } from '../../../workflows/account-reactivation';
import {
  accountReactivationWorkflowId,
  decideReactivationUpdate,
  getReactivationStateQuery,
} from '../../../workflows/account-reactivation.messages';
import { fileSandbox } from '../ad/helpers';
import { eventually, testEnv } from '../../support/env';
import { readableHistory } from '../../support/histories';
import { createResettableUser } from '../../support/reset-users';
import { withWorker } from '../../support/temporal';

// accountReactivation on a real worker with the real activities; AD is first unreachable, then back.
const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const healthy = createClients(env);
const adDown = createClients({ ...env, AD_URL: 'ldaps://127.0.0.1:1' });
const { prisma, ad } = healthy;
let sandbox: Awaited<ReturnType<typeof fileSandbox>>;
let account = '';

beforeAll(async () => {
  sandbox = await fileSandbox('reactwf');
});
afterAll(async () => {
  if (account) await ad.deleteUser(account).catch(() => undefined);
  await sandbox?.cleanup();
  await prisma.$disconnect();
  await adDown.prisma.$disconnect();
});

const activities = (clients: Clients) => ({
  ...createActivities(clients, { webUrl: env.WEB_URL, dataKey }),
  getSystemParameters: async () => ({ 'request.reminderAfter': 3600, 'request.expiryAfter': 7200 }),
});

describe('accountReactivation workflow (real Temporal, PostgreSQL, AD, SMTP)', () => {
  it('while AD is down: approved and 開通帳號 work in the portal, the request shows …中, and AD catches up', async () => {
    const user = await createResettableUser({ prisma, ad, dataKey, hashKey, ouDn: sandbox.ouDn }, { prefix: 'rwf' });
    account = user.account;
    // Last logged in long ago, before being disabled: 閒置停用 must not take the reactivated account again.
    await prisma.user.update({
      where: { id: user.id },
      data: { status: 'DISABLED', disabledAt: new Date(), lastLoginAt: new Date('2024-01-02T00:00:00Z') },
    });
    await ad.disableUser(user.account);
    const unit = await prisma.organization.findUniqueOrThrow({ where: { code: 'G25-02' } });
    const approver = await prisma.user.findUniqueOrThrow({ where: { account: 'sdcadmin' } });
    const actor = { userId: approver.id, account: approver.account, name: approver.name };
    // What the API records before it starts the workflow: the requested changes.
    const workflowId = accountReactivationWorkflowId(user.id, Date.now().toString(36));
    await prisma.request.create({
      data: {
        workflowId,
        type: 'ACCOUNT_REACTIVATION',
        status: 'PENDING',
        statusLabel: '待機關管理者審核',
        applicantUserId: user.id,
        summary: { changes: { organizationId: unit.id, title: '復職專員', officePhone: '2991111', officeExt: null } },
      },
    });
    const password = 'Again!2026Work';
    const box = await prisma.secretBox.create({
      data: {
        purpose: AD_PASSWORD_BOX,
        cipher: sealSecret(password, dataKey, AD_PASSWORD_BOX),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });

    const taskQueue = await withWorker(env, activities(adDown), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(accountReactivation, { taskQueue, workflowId, args: [{ userId: user.id }] });
      const selfDecision = await handle
        .executeUpdate(decideReactivationUpdate, {
          args: [{ decision: 'APPROVE', actor: { userId: user.id, account: user.account, name: user.name } }],
        })
        .catch((e: { cause?: { message?: string } }) => e.cause?.message);
      expect(selfDecision).toBe('不可審核自己的申請');
      const answer = await handle.executeUpdate(decideReactivationUpdate, { args: [{ decision: 'APPROVE', actor }] });
      expect(answer.status).toBe('MOVING_AD');

      // The portal does not wait for AD: the account is 待開通 in its new unit at once.
      const pending = await eventually(async () => {
        const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
        return row.status === 'PENDING_ACTIVATION' ? row : null;
      });
      expect(pending).toMatchObject({ organizationId: unit.id, title: '復職專員', passwordHash: null });
      const moving = await prisma.request.findUniqueOrThrow({ where: { workflowId } });
      expect(moving.statusLabel).toBe('已核准，AD 帳號移轉中');

      await handle.signal(activatedSignal, { userId: user.id, passwordRef: box.id });
      await eventually(async () => (await handle.query(getReactivationStateQuery)).status === 'ENABLING_AD');
      const active = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(active).toMatchObject({ status: 'ACTIVE', lastLoginAt: null });
      expect(Date.now() - active.activatedAt!.getTime()).toBeLessThan(120_000);
      // The read model follows the workflow's state as its event is written.
      await eventually(
        async () => (await prisma.request.findUniqueOrThrow({ where: { workflowId } })).statusLabel === '已開通，AD 帳號啟用中',
      );
      expect((await ad.findUser(user.account))?.enabled).toBe(false);
      return taskQueue;
    });

    await withWorker(
      env,
      activities(healthy),
      async ({ client }) => {
        const handle = client.workflow.getHandle(workflowId);
        expect((await handle.result()).status).toBe('ACTIVE');
        const described = await handle.describe();
        expect(described.searchAttributes).toMatchObject({
          RequestType: ['ACCOUNT_REACTIVATION'],
          RequestStatus: ['ACTIVE'],
          AgencyCode: ['G25'],
          ApplicantAccount: [user.account],
        });
        expect(readableHistory(await handle.fetchHistory())).not.toContain(password);
      },
      taskQueue,
    );

    const found = await ad.findUser(user.account);
    expect(found?.enabled).toBe(true);
    expect(found?.dn).toMatch(/^CN=[^,]+,OU=G25-02,OU=G25,/);
    expect(await ad.verifyPassword(user.account, password)).toBe(true);
    expect(await prisma.secretBox.count({ where: { id: box.id } })).toBe(0);
    const request = await prisma.request.findUniqueOrThrow({
      where: { workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request).toMatchObject({ status: 'ACTIVE', agencyId: unit.agencyId, decidedById: approver.id });
    expect(request.events.map((e) => e.kind)).toEqual([
      'SUBMITTED',
      'APPROVED',
      'ACCOUNT_UPDATED',
      'ACTIVATED',
      'AD_MOVED',
      'AD_ENABLED',
    ]);
  }, 180_000);
});
