import { readFileSync } from 'node:fs';
import { Client } from 'ldapts';
import { afterAll, describe, expect, it } from 'vitest';
import { createClients, type Clients } from '../../../infra/clients';
import { createActivities } from '../../../worker/activities';
import { createOrganization, renameOrganization } from '../../../api/commands/organization-change';
import type { Actor } from '../../../api/policies';
import { createTemporal } from '../../../api/temporal';
import { organizationChange } from '../../../workflows/organization-change';
import { organizationChangeResume } from '../../../workflows/organization-change-resume';
import { getOrganizationChangeStateQuery } from '../../../workflows/organization-change.messages';
import { testAdConfig, uniq } from '../ad/helpers';
import { eventually, testEnv } from '../../support/env';
import { listedWorkflowIds, withWorker } from '../../support/temporal';

const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const healthy = createClients(env);
const adDown = createClients({ ...env, AD_URL: 'ldaps://127.0.0.1:1' });
const adConfig = testAdConfig();
const createdOus: string[] = [];

afterAll(async () => {
  for (const dn of createdOus) await healthy.ad.deleteSubtree(dn).catch(() => undefined);
  await healthy.prisma.$disconnect();
  await adDown.prisma.$disconnect();
});

const activities = (clients: Clients) => createActivities(clients, { webUrl: env.WEB_URL, dataKey });

/** Whether AD has the entry (read straight over LDAPS, not through the code under test). */
async function ouExists(dn: string) {
  const client = new Client({
    url: adConfig.url,
    tlsOptions: adConfig.caFile ? { ca: [readFileSync(adConfig.caFile)] } : undefined,
  });
  try {
    await client.bind(adConfig.bindDN, adConfig.bindPassword);
    await client.search(dn, { scope: 'base', attributes: ['1.1'] });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 32) return false;
    throw error;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

describe('organizationChange workflow (real Temporal, PostgreSQL, AD)', () => {
  it('waits while AD is down (套用至 AD 中) and creates the OU when AD answers again', async () => {
    const sysadmin = await healthy.prisma.user.findUniqueOrThrow({ where: { account: 'sysadmin' } });
    const g01 = await healthy.prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    const code = `G01-W${uniq()}`;
    // The API's transaction, done by hand: the unit exists in the database, not yet in AD.
    const unit = await healthy.prisma.organization.create({
      data: { code, name: `停機測試科${code}`, kind: 'SECTION', parentId: g01.id, adOu: `OU=${code},OU=G01` },
    });
    const dn = `OU=${code},OU=G01,${healthy.ad.rootDn}`;
    createdOus.push(dn);
    const workflowId = `organization-change-${unit.id}-${Date.now().toString(36)}`;
    const input = {
      kind: 'CREATE' as const,
      organizationId: unit.id,
      applyIds: [unit.id],
      description: `「${unit.name}」（${code}）於「民政局」之下`,
      actor: { userId: sysadmin.id, account: sysadmin.account, name: sysadmin.name },
    };

    const taskQueue = await withWorker(env, activities(adDown), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(organizationChange, { taskQueue, workflowId, args: [input] });
      await eventually(
        async () => (await healthy.prisma.request.findUnique({ where: { workflowId } }))?.statusLabel === '套用至 AD 中',
      );
      // Several failed attempts later, still waiting, nothing lost.
      await new Promise((r) => setTimeout(r, 3000));
      expect((await handle.query(getOrganizationChangeStateQuery)).status).toBe('APPLYING_AD');
      expect(await ouExists(dn)).toBe(false);
      const request = await healthy.prisma.request.findUniqueOrThrow({ where: { workflowId } });
      expect(request).toMatchObject({ type: 'ORGANIZATION_CHANGE', agencyId: g01.id, applicantAccount: 'sysadmin' });
      return taskQueue;
    });

    const state = await withWorker(
      env,
      activities(healthy),
      async ({ client }) => {
        const handle = client.workflow.getHandle(workflowId);
        const result = await handle.result();
        const query = `RequestType = 'ORGANIZATION_CHANGE' AND RequestStatus = 'DONE' AND AgencyCode = 'G01' AND WorkflowId = '${workflowId}'`;
        const listed = await listedWorkflowIds(client, query);
        expect(listed).toEqual([workflowId]);
        return result;
      },
      taskQueue,
    );
    expect(state).toEqual({ status: 'DONE', applied: 1 });
    expect(await ouExists(dn)).toBe(true);
    const request = await healthy.prisma.request.findUniqueOrThrow({
      where: { workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request.statusLabel).toBe('已完成');
    expect(request.events.map((e) => [e.kind, e.label])).toEqual([
      ['REQUESTED', `${sysadmin.name} 新增下級單位：${input.description}`],
      ['AD_APPLIED', '已套用至 AD'],
    ]);
  });

  it('a change saved while Temporal is unreachable waits as 待套用, holds its unit, and the resume run applies it', async () => {
    const sysadmin = await healthy.prisma.user.findUniqueOrThrow({ where: { account: 'sysadmin' } });
    const g01 = await healthy.prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
    const actor: Actor = {
      id: sysadmin.id,
      account: sysadmin.account,
      name: sysadmin.name,
      organizationId: sysadmin.organizationId,
      agencyId: sysadmin.organizationId,
      roles: ['SYSTEM_ADMIN'],
      adminOfAgencyIds: [],
    };
    // The real client against an address nothing listens on: starting the workflow fails as it does
    // when the Temporal server is down.
    const down = createTemporal({
      address: '127.0.0.1:1',
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: 'unreachable',
      uiUrl: 'http://127.0.0.1:1',
    });
    const name = `斷線測試科${uniq()}`;
    const saved = await createOrganization({ prisma: healthy.prisma, temporal: down }, actor, {
      parentId: g01.id,
      name,
      kind: 'SECTION',
    });
    await down.connection.close().catch(() => undefined);
    expect(saved.status).toBe('NOT_STARTED');
    const unit = await healthy.prisma.organization.findUniqueOrThrow({ where: { id: saved.organizationId } });
    const dn = `${unit.adOu},${healthy.ad.rootDn}`;
    createdOus.push(dn);
    expect(await healthy.prisma.request.findUniqueOrThrow({ where: { workflowId: saved.workflowId } })).toMatchObject({
      status: 'NOT_STARTED',
      statusLabel: '待套用至 AD（工作流程服務恢復後自動套用）',
    });
    expect(await ouExists(dn)).toBe(false);
    // The unit is held until AD has the change: a rename is refused with a link to the waiting change.
    await expect(
      renameOrganization({ prisma: healthy.prisma, temporal: down }, actor, unit.id, { name: `${name}甲` }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // Temporal is back: the schedule's run starts the change under the id the API gave it.
    await withWorker(env, activities(healthy), async ({ client, taskQueue }) => {
      await client.workflow.execute(organizationChangeResume, { taskQueue, workflowId: `resume-test-${uniq()}` });
      return client.workflow.getHandle(saved.workflowId).result();
    });
    expect(await ouExists(dn)).toBe(true);
    const request = await healthy.prisma.request.findUniqueOrThrow({
      where: { workflowId: saved.workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request.statusLabel).toBe('已完成');
    expect(request.events.map((e) => e.kind)).toEqual(['REQUESTED', 'AD_APPLIED']);
  });
});
