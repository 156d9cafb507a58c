import { afterAll, describe, expect, it } from 'vitest';
import { createClients, type Clients } from '../../../infra/clients';
import { organizationChain } from '../../../infra/db/organization-chain';
import { createActivities } from '../../../worker/activities';
import { userAdSync } from '../../../workflows/user-ad-sync';
import { getUserAdSyncStateQuery, userAdSyncWorkflowId } from '../../../workflows/ad-reconcile.messages';
import { eventually, testEnv } from '../../support/env';
import { readableHistory } from '../../support/histories';
import { createResettableUser, FIRST_PASSWORD } from '../../support/reset-users';
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

const activities = (clients: Clients) => createActivities(clients, { webUrl: env.WEB_URL, dataKey });

describe('userAdSync workflow (real Temporal, PostgreSQL, AD)', () => {
  it('while AD is down the account stays 待同步 with the reason, and it is synced when AD answers again', async () => {
    const { prisma, ad } = healthy;
    const org = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01-91' } });
    const ouDn = await ad.ensureOuPath((await organizationChain(prisma, org.id)).map((o) => ({ code: o.code, name: o.name })));
    const user = await createResettableUser({ prisma, ad, dataKey, hashKey, ouDn }, { prefix: 'adw' });
    await prisma.user.update({ where: { id: user.id }, data: { title: '技士', adSyncStatus: 'SYNCED' } });
    const sysadmin = await prisma.user.findUniqueOrThrow({ where: { account: 'sysadmin' } });
    const workflowId = userAdSyncWorkflowId(user.id, Date.now().toString(36));
    const input = { userId: user.id, actor: { userId: sysadmin.id, account: sysadmin.account, name: sysadmin.name } };

    const taskQueue = await withWorker(env, activities(adDown), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(userAdSync, { taskQueue, workflowId, args: [input] });
      const row = await eventually(
        async () => {
          const u = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
          return u.adSyncStatus === 'PENDING' && u.adLastError ? u : null;
        },
        { timeoutMs: 30_000 },
      );
      expect(row.adLastError).toMatch(/cannot reach AD|ECONNREFUSED/);
      expect((await handle.query(getUserAdSyncStateQuery)).status).toBe('SYNCING');
      expect((await prisma.request.findUniqueOrThrow({ where: { workflowId } })).statusLabel).toBe('同步中');
      expect((await ad.findUser(user.account))?.title).toBeNull();
      return taskQueue;
    });

    const result = await withWorker(
      env,
      activities(healthy),
      async ({ client }) => {
        const handle = client.workflow.getHandle(workflowId);
        const done = await handle.result();
        expect(readableHistory(await handle.fetchHistory())).not.toContain(FIRST_PASSWORD);
        const query = `RequestType = 'AD_RECONCILE' AND RequestStatus = 'SYNCED' AND ApplicantAccount = '${user.account}'`;
        const listed = await listedWorkflowIds(client, query);
        expect(listed).toEqual([workflowId]);
        return done;
      },
      taskQueue,
    );
    expect(result.status).toBe('SYNCED');
    expect(result.fixed).toEqual([{ kind: 'ATTRIBUTE_MISMATCH', field: 'title' }]);
    expect((await ad.findUser(user.account))?.title).toBe('技士');
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      adSyncStatus: 'SYNCED',
      adLastError: null,
    });
    const request = await prisma.request.findUniqueOrThrow({
      where: { workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request.statusLabel).toBe('已同步');
    expect(request.events.map((e) => e.label)).toEqual([
      `${sysadmin.name} 要求重新同步 ${user.account} 至 AD`,
      '已同步至 AD（修正：屬性不一致 title）',
    ]);
  });
});
