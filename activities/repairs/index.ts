import type { Prisma, PrismaClient, RepairReplyKind, RepairStatus } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import { mailPath } from '../../domain/mail-links';
import { mailAddressOf } from '../../infra/db/accounts';
import type { createMailActivities } from '../mail';

interface Deps {
  prisma: PrismaClient;
  mail: Pick<ReturnType<typeof createMailActivities>, 'sendMail'>;
}

const withParties = {
  repairType: {
    include: {
      agency: true,
      custodian1: true,
      custodian2: true,
      vendors: { include: { user: true } },
      categories: { where: { retiredAt: null }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] },
    },
  },
  reporter: true,
  unit: true,
  location: true,
} satisfies Prisma.RepairTicketInclude;

type TicketRow = Prisma.RepairTicketGetPayload<{ include: typeof withParties }>;

type Person = { account: string; officialMail: boolean; backupEmail: string | null; status?: string };
const addressesOf = (...users: (Person | null | undefined)[]) => [
  ...new Set(users.map((u) => (u ? mailAddressOf(u) : null)).filter((a): a is string => Boolean(a))),
];

/** What a replying vendor's validator needs, as the database has it now. */
const partiesOf = (t: TicketRow) => ({
  vendorUserIds: t.repairType.vendors.map((v) => v.userId),
  categoryIds: t.repairType.categories.map((c) => c.id),
  /** The type's own reply target in hours; null = repair.replyTarget. */
  replyTargetHours: t.repairType.replyTargetHours,
});

export interface RecordRepairReplyInput {
  ticketId: string;
  /** The row's place in 處理狀況回覆 (workflow-local: a retried write lands once). */
  seq: number;
  kind: RepairReplyKind;
  authorUserId?: string;
  authorName?: string;
  handlerName?: string;
  handledAt?: string;
  result?: string;
  categoryId?: string;
  reason?: string;
  rating?: number;
  note?: string;
  /** The ticket as the step leaves it (absolute values: a retry writes the same). */
  status: RepairStatus;
  returnCount: number;
  /** The workflow's time of the step. */
  at: string;
}

/**
 * Side effects of 線上報修 (workflows/repair-ticket.ts): the ticket row and its 處理狀況回覆, and the
 * mails to the type's 維修人員 and 類型保管人. Inputs are ids and kinds; every mail is keyed so a
 * retried activity sends it once.
 */
export function createRepairActivities({ prisma, mail }: Deps) {
  async function ticket(ticketId: string): Promise<TicketRow> {
    const row = await prisma.repairTicket.findUnique({ where: { id: ticketId }, include: withParties });
    if (!row) throw ApplicationFailure.nonRetryable(`找不到報修案件 ${ticketId}`, 'RepairTicketMissing');
    return row;
  }

  const noticeData = (t: TicketRow) => ({
    ticketKey: t.key,
    repairType: t.repairType.name,
    unitName: t.unit.name,
    reporterName: t.reporterName,
    location: t.location.name,
    floor: t.floor,
    fault: t.fault,
  });

  return {
    /** What the workflow records and shows (no phone numbers); the type's parties for the validators. */
    async loadRepairTicket({ ticketId }: { ticketId: string }) {
      const t = await ticket(ticketId);
      return {
        key: t.key,
        status: t.status,
        returnCount: t.returnCount,
        repairTypeId: t.repairTypeId,
        repairTypeName: t.repairType.name,
        /** The type's agency: its admins watch the type's tickets. */
        agencyId: t.repairType.agencyId,
        agencyCode: t.repairType.agency.code,
        reporterUserId: t.reporterUserId,
        reporterAccount: t.reporter.account,
        reporterName: t.reporterName,
        reporterEmail: t.reporter.backupEmail ?? mailAddressOf(t.reporter),
        unitName: t.unit.name,
        location: t.location.name,
        floor: t.floor,
        fault: t.fault,
        ...partiesOf(t),
      };
    },

    /** The type's 維修人員, 分類 and reply target as they are now (報修類型管理 may have changed them). */
    async loadRepairParties({ ticketId }: { ticketId: string }) {
      return partiesOf(await ticket(ticketId));
    },

    /** One row of 處理狀況回覆 and the ticket as it leaves the step, together. */
    async recordRepairReply(input: RecordRepairReplyInput): Promise<{ created: boolean }> {
      const at = new Date(input.at);
      const category = input.categoryId
        ? await prisma.repairCategory.findUnique({ where: { id: input.categoryId }, select: { name: true, repairType: true } })
        : null;
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.repairReply.createMany({
          data: [
            {
              ticketId: input.ticketId,
              seq: input.seq,
              kind: input.kind,
              authorUserId: input.authorUserId ?? null,
              authorName: input.authorName ?? null,
              handlerName: input.handlerName ?? null,
              handledAt: input.handledAt ? new Date(input.handledAt) : null,
              result: input.result ?? null,
              categoryId: input.categoryId ?? null,
              // Kept as chosen: 「公文管理系統維修-一般操作問題」.
              categoryName: category ? `${category.repairType.name}-${category.name}` : null,
              reason: input.reason ?? null,
              rating: input.rating ?? null,
              note: input.note ?? null,
              createdAt: at,
            },
          ],
          skipDuplicates: true,
        });
        const data: Prisma.RepairTicketUpdateInput = { status: input.status, returnCount: input.returnCount };
        if (input.kind === 'RATING') Object.assign(data, { rating: input.rating, ratingNote: input.note ?? null, closedAt: at });
        if (input.kind === 'AUTO_CLOSE') Object.assign(data, { autoClosed: true, closedAt: at });
        await tx.repairTicket.update({ where: { id: input.ticketId }, data });
        if (input.kind === 'REPLY')
          await tx.repairTicket.updateMany({ where: { id: input.ticketId, firstRepliedAt: null }, data: { firstRepliedAt: at } });
        return { created: count === 1 };
      });
    },

    /** The type's 維修人員: a new ticket, a returned one, or the reminder when it waits too long. */
    async notifyRepairVendors(input: {
      workflowId: string;
      ticketId: string;
      kind: 'submitted' | 'returned' | 'reminder';
      /** Which 待處理 period (1 = as reported, 2 = after the first 退回 …). */
      round: number;
      reason?: string;
      waitedHours?: number;
    }) {
      const t = await ticket(input.ticketId);
      const to = addressesOf(...t.repairType.vendors.filter((v) => v.user.status === 'ACTIVE').map((v) => v.user));
      for (const address of to) {
        await mail.sendMail({
          key: `${input.workflowId}:vendors:${input.kind}:${input.round}:${address}`,
          to: address,
          template: 'repairTicketNotice',
          data: {
            kind: input.kind,
            ...noticeData(t),
            reason: input.reason,
            waitedHours: input.waitedHours,
            ticketUrl: mailPath('repairHandlingTicket', t.key),
          },
        });
      }
      return { notified: to.length };
    },

    /** The type's 類型保管人: a ticket still unanswered after the vendors' reminder. */
    async notifyRepairCustodians(input: { workflowId: string; ticketId: string; round: number; waitedHours: number }) {
      const t = await ticket(input.ticketId);
      const to = addressesOf(t.repairType.custodian1, t.repairType.custodian2);
      for (const address of to) {
        await mail.sendMail({
          key: `${input.workflowId}:custodians:escalated:${input.round}:${address}`,
          to: address,
          template: 'repairTicketNotice',
          data: {
            kind: 'escalated',
            ...noticeData(t),
            waitedHours: input.waitedHours,
            ticketUrl: mailPath('repairTicket', t.key),
          },
        });
      }
      return { notified: to.length };
    },
  };
}

export type RepairActivities = ReturnType<typeof createRepairActivities>;
