import fs from 'node:fs';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { createActivities } from '../../../worker/activities';
import { repairTicket } from '../../../workflows/repair-ticket';
import {
  getRepairTicketStateQuery,
  rateRepairUpdate,
  repairTypeChangedSignal,
  replyRepairUpdate,
  returnRepairUpdate,
  type RepairActor,
} from '../../../workflows/repair-ticket.messages';
import { eventually, testEnv } from '../../support/env';
import { createRepairTicketRow, createRepairType } from '../../support/repairs';
import { withWorker } from '../../support/temporal';
import { createActiveUser } from '../api/support-users';

// repairTicket on a real worker with the real activities (database, outbox): reply → 退回 → reply →
// 評分 with every refusal on the way; 已處理 left unrated closes itself; an unanswered ticket reminds
// its vendors then tells the type's custodians; and a worker down meanwhile loses none of it.
// RECORD_HISTORIES=1 writes the replay test's histories.
const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const clients = createClients(env);
const { prisma } = clients;
afterAll(() => prisma.$disconnect());

const HOUR = 3600;
/** How many times the 評分 row's write began (the first test holds it for a moment). */
let ratingWrites = 0;
const activities = (p: { replyTarget?: number; escalateAfter?: number; autoCloseAfter?: number; slowRating?: boolean } = {}) => ({
  ...createActivities(clients, { webUrl: env.WEB_URL, dataKey }),
  ...(p.slowRating
    ? {
        recordRepairReply: async (input: Parameters<ReturnType<typeof createActivities>['recordRepairReply']>[0]) => {
          if (input.kind === 'RATING') {
            ratingWrites++;
            await new Promise((r) => setTimeout(r, 3_000));
          }
          return createActivities(clients, { webUrl: env.WEB_URL, dataKey }).recordRepairReply(input);
        },
      }
    : {}),
  getSystemParameters: async () => ({
    'repair.replyTarget': p.replyTarget ?? 24 * HOUR,
    'repair.escalateAfter': p.escalateAfter ?? 24 * HOUR,
    'repair.autoCloseAfter': p.autoCloseAfter ?? 7 * 24 * HOUR,
  }),
});

async function setup() {
  const reporter = await createActiveUser(prisma);
  const vendor = await createActiveUser(prisma, 'G01');
  const otherVendor = await createActiveUser(prisma, 'G01');
  const custodian = await createActiveUser(prisma, 'G01');
  const g01 = await prisma.organization.findUniqueOrThrow({ where: { code: 'G01' } });
  const type = await createRepairType(prisma, { agencyId: g01.id, custodian1Id: custodian.id, vendorIds: [vendor.id] });
  // Another type, served by another vendor: its vendor is nobody's on this ticket.
  await createRepairType(prisma, { agencyId: g01.id, custodian1Id: custodian.id, vendorIds: [otherVendor.id] });
  const ticket = await createRepairTicketRow(prisma, type, reporter);
  return { reporter, vendor, otherVendor, custodian, type, ticket };
}

const as = (u: { id: string; account: string; name: string }): RepairActor => ({
  userId: u.id,
  account: u.account,
  name: u.name,
});
const refusal = (p: Promise<unknown>) =>
  p.then(() => 'accepted').catch((e: { cause?: { message?: string } }) => e.cause?.message);

async function record(client: Client, workflowId: string, name: string) {
  if (!process.env.RECORD_HISTORIES) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  fs.writeFileSync(new URL(`../../histories/${name}-v1.json`, import.meta.url), `${historyToJSON(history)}\n`);
}

const outboxKeys = async (workflowId: string) =>
  (await prisma.outboxMessage.findMany({ where: { key: { startsWith: `${workflowId}:` } }, select: { key: true } })).map(
    (m) => m.key,
  );
const eventKinds = async (workflowId: string) =>
  (await prisma.request.findUnique({ where: { workflowId }, include: { events: { orderBy: { seq: 'asc' } } } }))?.events.map(
    (e) => e.kind,
  ) ?? [];

const replyInput = (vendor: RepairActor, categoryId: string, result = '已更換網路線') => ({
  actor: vendor,
  handlerName: vendor.name,
  handledAt: new Date().toISOString(),
  result,
  categoryId,
});

describe('repairTicket workflow', () => {
  it('reply → 退回 → reply → 評分 4: every step a 處理狀況回覆 row, the ticket and the timeline; the refusals in words', async () => {
    const { reporter, vendor, otherVendor, type, ticket } = await setup();
    const [category, second] = type.categories;
    await withWorker(env, activities({ slowRating: true }), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(repairTicket, {
        taskQueue,
        workflowId: ticket.workflowId,
        args: [ticket.input],
      });
      // Before any reply: a rating or a return is refused, as is a vendor of another type.
      expect(await refusal(handle.executeUpdate(rateRepairUpdate, { args: [{ actor: as(reporter), rating: 4 }] }))).toBe(
        '此報修案件目前狀態為「待處理」，僅已處理的案件可評分',
      );
      expect(await refusal(handle.executeUpdate(returnRepairUpdate, { args: [{ actor: as(reporter), reason: '未修好' }] }))).toBe(
        '此報修案件目前狀態為「待處理」，僅已處理的案件可退回',
      );
      expect(await refusal(handle.executeUpdate(replyRepairUpdate, { args: [replyInput(as(otherVendor), category!.id)] }))).toBe(
        '您不是此報修類型的維修人員，無法回覆此報修案件',
      );
      expect(
        await refusal(
          handle.executeUpdate(replyRepairUpdate, { args: [{ ...replyInput(as(vendor), category!.id), categoryId: 'nope' }] }),
        ),
      ).toBe('請選擇分類');

      const handled = await handle.executeUpdate(replyRepairUpdate, {
        args: [replyInput(as(vendor), category!.id, '已重新安裝驅動程式')],
      });
      expect(handled.status).toBe('HANDLED');
      expect(await refusal(handle.executeUpdate(returnRepairUpdate, { args: [{ actor: as(reporter), reason: '  ' }] }))).toBe(
        '請輸入退回原因',
      );
      expect(
        await refusal(handle.executeUpdate(returnRepairUpdate, { args: [{ actor: as(vendor), reason: '不是我報的' }] })),
      ).toBe('僅報修人可評分或退回此報修案件');
      const returned = await handle.executeUpdate(returnRepairUpdate, { args: [{ actor: as(reporter), reason: '仍無法開機' }] });
      expect(returned).toMatchObject({ status: 'PENDING', returnCount: 1 });

      await handle.executeUpdate(replyRepairUpdate, { args: [replyInput(as(vendor), second!.id, '已更換電源供應器')] });
      expect(await refusal(handle.executeUpdate(rateRepairUpdate, { args: [{ actor: as(reporter), rating: 6 }] }))).toBe(
        '評分須為 1 至 5 分',
      );
      // A second rating while the first is being recorded (its write held for a moment): refused.
      const first = handle.executeUpdate(rateRepairUpdate, { args: [{ actor: as(reporter), rating: 4, note: '謝謝' }] });
      await eventually(async () => ratingWrites > 0);
      expect(await refusal(handle.executeUpdate(rateRepairUpdate, { args: [{ actor: as(reporter), rating: 5 }] }))).toBe(
        '此報修案件已評分，無法再次評分',
      );
      expect(await first).toMatchObject({ status: 'CLOSED', rating: 4, returnCount: 1 });
      expect((await handle.result()).status).toBe('CLOSED');
      await record(client, ticket.workflowId, 'repair-ticket-returned-rated');
    });

    const row = await prisma.repairTicket.findUniqueOrThrow({
      where: { id: ticket.row.id },
      include: { replies: { orderBy: { seq: 'asc' } } },
    });
    expect(row).toMatchObject({ status: 'CLOSED', returnCount: 1, rating: 4, ratingNote: '謝謝', autoClosed: false });
    expect(row.firstRepliedAt).not.toBeNull();
    expect(row.closedAt).not.toBeNull();
    expect(row.replies.map((r) => [r.seq, r.kind])).toEqual([
      [1, 'REPLY'],
      [2, 'RETURN'],
      [3, 'REPLY'],
      [4, 'RATING'],
    ]);
    expect(row.replies[0]).toMatchObject({
      handlerName: vendor.name,
      result: '已重新安裝驅動程式',
      categoryName: `${type.name}-一般操作問題`,
    });
    expect(row.replies[1]).toMatchObject({ reason: '仍無法開機', authorUserId: reporter.id });
    expect(row.replies[3]).toMatchObject({ rating: 4, note: '謝謝' });
    const request = await prisma.request.findUniqueOrThrow({
      where: { workflowId: ticket.workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request).toMatchObject({ type: 'REPAIR_TICKET', repairTypeId: type.id, status: 'CLOSED', statusLabel: '已結案' });
    expect(request.events.map((e) => e.kind)).toEqual(['SUBMITTED', 'REPLIED', 'RETURNED', 'REPLIED', 'RATED']);
    const keys = await outboxKeys(ticket.workflowId);
    expect(keys.filter((k) => k.includes(':vendors:submitted:1:'))).toHaveLength(1);
    expect(keys.filter((k) => k.includes(':vendors:returned:2:'))).toHaveLength(1);
    expect(keys).toEqual(
      expect.arrayContaining([
        `${ticket.workflowId}:submitted`,
        `${ticket.workflowId}:handled:1`,
        `${ticket.workflowId}:handled:2`,
      ]),
    );
  });

  it('已處理 and neither rated nor returned within repair.autoCloseAfter: closed by itself, recorded and mailed', async () => {
    const { vendor, type, ticket } = await setup();
    await withWorker(env, activities({ autoCloseAfter: 2 }), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(repairTicket, {
        taskQueue,
        workflowId: ticket.workflowId,
        args: [ticket.input],
      });
      await handle.executeUpdate(replyRepairUpdate, { args: [replyInput(as(vendor), type.categories[0]!.id)] });
      expect(await handle.result()).toMatchObject({ status: 'CLOSED', returnCount: 0 });
      await record(client, ticket.workflowId, 'repair-ticket-auto-closed');
    });
    const row = await prisma.repairTicket.findUniqueOrThrow({
      where: { id: ticket.row.id },
      include: { replies: { orderBy: { seq: 'asc' } } },
    });
    expect(row).toMatchObject({ status: 'CLOSED', autoClosed: true, rating: null });
    expect(row.replies.map((r) => r.kind)).toEqual(['REPLY', 'AUTO_CLOSE']);
    expect(await eventKinds(ticket.workflowId)).toEqual(['SUBMITTED', 'REPLIED', 'AUTO_CLOSED']);
    expect(await outboxKeys(ticket.workflowId)).toContain(`${ticket.workflowId}:closed`);
  });

  it('unanswered: the vendors reminded after the reply target, the custodians told after repair.escalateAfter; a return restarts the clock', async () => {
    const { reporter, vendor, type, ticket } = await setup();
    await withWorker(env, activities({ replyTarget: 1, escalateAfter: 1 }), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(repairTicket, {
        taskQueue,
        workflowId: ticket.workflowId,
        args: [ticket.input],
      });
      await eventually(async () => (await eventKinds(ticket.workflowId)).includes('ESCALATED'));
      await handle.executeUpdate(replyRepairUpdate, { args: [replyInput(as(vendor), type.categories[0]!.id)] });
      await handle.executeUpdate(returnRepairUpdate, { args: [{ actor: as(reporter), reason: '仍未修好' }] });
      // The second 待處理 period has its own reminder and escalation.
      await eventually(async () => (await eventKinds(ticket.workflowId)).filter((k) => k === 'ESCALATED').length === 2);
      await handle.executeUpdate(replyRepairUpdate, { args: [replyInput(as(vendor), type.categories[0]!.id)] });
      await handle.executeUpdate(rateRepairUpdate, { args: [{ actor: as(reporter), rating: 5 }] });
      expect((await handle.result()).status).toBe('CLOSED');
      await record(client, ticket.workflowId, 'repair-ticket-reminded-escalated');
    });
    expect(await eventKinds(ticket.workflowId)).toEqual([
      'SUBMITTED',
      'REMINDED',
      'ESCALATED',
      'REPLIED',
      'RETURNED',
      'REMINDED',
      'ESCALATED',
      'REPLIED',
      'RATED',
    ]);
    const keys = await outboxKeys(ticket.workflowId);
    for (const round of [1, 2]) {
      expect(keys.filter((k) => k.includes(`:vendors:reminder:${round}:`))).toHaveLength(1);
      expect(keys.filter((k) => k.includes(`:custodians:escalated:${round}:`))).toHaveLength(1);
    }
  });

  it('a 維修人員 added to the type while the ticket waits may answer once the workflow is told (repairTypeChanged)', async () => {
    const { reporter, type, ticket } = await setup();
    const newcomer = await createActiveUser(prisma, 'G01');
    await withWorker(env, activities(), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(repairTicket, {
        taskQueue,
        workflowId: ticket.workflowId,
        args: [ticket.input],
      });
      await prisma.repairVendor.create({ data: { repairTypeId: type.id, userId: newcomer.id } });
      expect(
        await refusal(handle.executeUpdate(replyRepairUpdate, { args: [replyInput(as(newcomer), type.categories[0]!.id)] })),
      ).toBe('您不是此報修類型的維修人員，無法回覆此報修案件');
      await handle.signal(repairTypeChangedSignal);
      const handled = await eventually(() =>
        handle.executeUpdate(replyRepairUpdate, { args: [replyInput(as(newcomer), type.categories[0]!.id)] }).catch(() => null),
      );
      expect(handled.status).toBe('HANDLED');
      await handle.executeUpdate(rateRepairUpdate, { args: [{ actor: as(reporter), rating: 5 }] });
      expect((await handle.result()).status).toBe('CLOSED');
    });
  });

  it('the worker down while a ticket waits: once back, the reminder and escalation fire and nothing is lost', async () => {
    const { reporter, vendor, type, ticket } = await setup();
    let handle: WorkflowHandle<typeof repairTicket> | undefined;
    const taskQueue = await withWorker(env, activities({ replyTarget: 2, escalateAfter: 2 }), async ({ client, taskQueue }) => {
      handle = await client.workflow.start(repairTicket, { taskQueue, workflowId: ticket.workflowId, args: [ticket.input] });
      // Waiting for its reply: the vendors told, the reply target's timer started.
      await eventually(async () => (await outboxKeys(ticket.workflowId)).some((k) => k.includes(':vendors:submitted:1:')));
      await new Promise((r) => setTimeout(r, 500));
      return taskQueue;
    });
    // No worker: both timers come due meanwhile.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await eventKinds(ticket.workflowId)).toEqual(['SUBMITTED']);
    await withWorker(
      env,
      activities({ replyTarget: 2, escalateAfter: 2 }),
      async ({ client }) => {
        const h = client.workflow.getHandle(handle!.workflowId);
        await eventually(async () => (await eventKinds(ticket.workflowId)).includes('ESCALATED'));
        expect((await h.query(getRepairTicketStateQuery)).status).toBe('PENDING');
        await h.executeUpdate(replyRepairUpdate, { args: [replyInput(as(vendor), type.categories[0]!.id)] });
        await h.executeUpdate(rateRepairUpdate, { args: [{ actor: as(reporter), rating: 4 }] });
        expect((await h.result()).status).toBe('CLOSED');
      },
      taskQueue,
    );
    expect(await eventKinds(ticket.workflowId)).toEqual(['SUBMITTED', 'REMINDED', 'ESCALATED', 'REPLIED', 'RATED']);
    const keys = await outboxKeys(ticket.workflowId);
    expect(keys.filter((k) => k.includes(':vendors:reminder:1:'))).toHaveLength(1);
    expect(keys.filter((k) => k.includes(':custodians:escalated:1:'))).toHaveLength(1);
  });
});
