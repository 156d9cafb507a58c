import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { agencyAdminGroupName } from '../../../activities/self-service';
import { createActivities } from '../../../worker/activities';
import { adminRoleRequest } from '../../../workflows/admin-role-request';
import { adminRoleRequestWorkflowId, decideAdminRoleUpdate } from '../../../workflows/admin-role-request.messages';
import { fileSandbox } from '../ad/helpers';
import { testEnv } from '../../support/env';
import { createResettableUser } from '../../support/reset-users';
import { withWorker } from '../../support/temporal';

// adminRoleRequest on a real worker with the real activities (database, Samba AD, outbox); only the
// reminder/expiry durations are shortened.
const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const clients = createClients(env);
const { prisma, ad } = clients;
let sandbox: Awaited<ReturnType<typeof fileSandbox>>;
beforeAll(async () => {
  sandbox = await fileSandbox('adminrole');
});
afterAll(async () => {
  await sandbox?.cleanup();
  await prisma.$disconnect();
});

const activities = (seconds: { reminder: number; expiry: number }) => ({
  ...createActivities(clients, { webUrl: env.WEB_URL, dataKey }),
  getSystemParameters: async () => ({ 'request.reminderAfter': seconds.reminder, 'request.expiryAfter': seconds.expiry }),
});

async function start(client: Client, taskQueue: string, userId: string, reason: string) {
  const workflowId = adminRoleRequestWorkflowId(crypto.randomUUID());
  const handle = await client.workflow.start(adminRoleRequest, { taskQueue, workflowId, args: [{ userId, reason }] });
  return { handle, workflowId };
}

describe('adminRoleRequest workflow', () => {
  it('approve → AGENCY_ADMIN of the agency granted, AD group membership added, timeline and search attributes', async () => {
    const user = await createResettableUser({ prisma, ad, dataKey, hashKey, ouDn: sandbox.ouDn }, { prefix: 'wr' });
    const org = await prisma.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
    const agency = await prisma.organization.findUniqueOrThrow({ where: { id: org.agencyId ?? org.id } });
    const approver = await prisma.user.findFirstOrThrow({ where: { account: 'sysadmin' } });
    await withWorker(env, activities({ reminder: 3600, expiry: 7200 }), async ({ client, taskQueue }) => {
      const { handle, workflowId } = await start(client, taskQueue, user.id, '承辦帳號管理');
      const refused = await handle
        .executeUpdate(decideAdminRoleUpdate, {
          args: [{ decision: 'REJECT', actor: { userId: approver.id, account: 'sysadmin', name: '系統管理者' } }],
        })
        .catch((e: { cause?: { message?: string } }) => e.cause?.message);
      expect(refused).toBe('駁回時請填寫審核意見');
      const answer = await handle.executeUpdate(decideAdminRoleUpdate, {
        args: [{ decision: 'APPROVE', actor: { userId: approver.id, account: 'sysadmin', name: '系統管理者' } }],
      });
      expect(answer.status).not.toBe('PENDING');
      expect((await handle.result()).status).toBe('GRANTED');

      const role = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: user.id, role: 'AGENCY_ADMIN' } });
      expect(role).toMatchObject({ organizationId: agency.id, grantedById: approver.id });
      expect(await ad.listGroups(user.account)).toContain(agencyAdminGroupName(agency.code));
      const request = await prisma.request.findUniqueOrThrow({
        where: { workflowId },
        include: { events: { orderBy: { seq: 'asc' } } },
      });
      expect(request).toMatchObject({ type: 'ADMIN_ROLE', status: 'GRANTED', agencyId: agency.id, decidedById: approver.id });
      expect(request.events.map((e) => e.kind)).toEqual(['SUBMITTED', 'APPROVED', 'ROLE_GRANTED', 'AD_GROUP_ADDED']);
      const described = await handle.describe();
      expect(described.searchAttributes).toMatchObject({
        RequestType: ['ADMIN_ROLE'],
        RequestStatus: ['GRANTED'],
        AgencyCode: [agency.code],
      });
      // A second decision is refused with the state.
      const again = await handle
        .executeUpdate(decideAdminRoleUpdate, {
          args: [{ decision: 'APPROVE', actor: { userId: approver.id, account: 'sysadmin', name: '系統管理者' } }],
        })
        .catch((e: { message?: string }) => e.message ?? 'refused');
      expect(again).toBeTruthy();
    });
  }, 60_000);

  it('undecided: the approvers are reminded, then the request expires with no role granted', async () => {
    const user = await createResettableUser({ prisma, ad, dataKey, hashKey, ouDn: sandbox.ouDn }, { prefix: 'wx' });
    await withWorker(env, activities({ reminder: 1, expiry: 3 }), async ({ client, taskQueue }) => {
      const { handle, workflowId } = await start(client, taskQueue, user.id, '逾期測試');
      expect((await handle.result()).status).toBe('EXPIRED');
      const request = await prisma.request.findUniqueOrThrow({
        where: { workflowId },
        include: { events: { orderBy: { seq: 'asc' } } },
      });
      expect(request.events.map((e) => e.kind)).toEqual(['SUBMITTED', 'REMINDED', 'EXPIRED']);
      expect(request.statusLabel).toBe('逾期未審核（已失效）');
      expect(await prisma.roleAssignment.count({ where: { userId: user.id } })).toBe(0);
      expect(await prisma.outboxMessage.count({ where: { key: { startsWith: `${workflowId}:reminder:` } } })).toBeGreaterThan(0);
    });
  }, 60_000);
});
