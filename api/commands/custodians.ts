import type { Prisma, PrismaClient } from '@prisma/client';
import type { UsageAction } from '../../domain/usage-actions';
import { invalidField } from '../errors';
import type { Actor } from '../policies';
import { recordUsage } from './usage';

// 保管人設定 for everything that has two 保管人 (a venue, car or driver; a 報修類型): who may hold a
// slot, the 保管人異動 log of their arrival, and 設置保管人 itself. One log table (custodian_changes)
// names either a resource or a repair type.

export interface CustodyContext {
  prisma: PrismaClient;
  actor: Actor;
  ip?: string;
}

const invalid = invalidField;

type Tx = Prisma.TransactionClient;
interface Holders {
  custodian1Id: string;
  custodian2Id: string | null;
  custodian1: { name: string };
  custodian2: { name: string } | null;
}
const holderSelect = {
  custodian1Id: true,
  custodian2Id: true,
  custodian1: { select: { name: true } },
  custodian2: { select: { name: true } },
} as const;

/** The two tables whose rows have 保管人 1 and 2, each locked, read and written the same way. */
const TABLES = {
  resource: {
    lock: (tx: Tx, id: string) => tx.$queryRaw`SELECT id FROM resources WHERE id = ${id} FOR UPDATE`,
    holders: (tx: Tx, id: string): Promise<Holders> => tx.resource.findUniqueOrThrow({ where: { id }, select: holderSelect }),
    write: (tx: Tx, id: string, data: { custodian1Id?: string; custodian2Id?: string | null }) =>
      tx.resource.update({ where: { id }, data }),
    link: (id: string) => ({ resourceId: id }),
  },
  repairType: {
    lock: (tx: Tx, id: string) => tx.$queryRaw`SELECT id FROM repair_types WHERE id = ${id} FOR UPDATE`,
    holders: (tx: Tx, id: string): Promise<Holders> => tx.repairType.findUniqueOrThrow({ where: { id }, select: holderSelect }),
    write: (tx: Tx, id: string, data: { custodian1Id?: string; custodian2Id?: string | null }) =>
      tx.repairType.update({ where: { id }, data }),
    link: (id: string) => ({ repairTypeId: id }),
  },
} as const;
export type CustodyTable = keyof typeof TABLES;

/** What holds the custodians: its table and row, the word for a slot (保管人, 管理人, 類型保管人), and its 帳號使用紀錄. */
export interface CustodyTarget {
  table: CustodyTable;
  id: string;
  word: string;
  usage: { action: UsageAction; target: string };
}

/** The active accounts named as holder 1 and 2 (for 新增): refused in the target's words. */
export async function checkCustodians(prisma: PrismaClient, word: string, c1: string, c2: string | null | undefined) {
  if (c2 && c2 === c1) throw invalid('custodian2Id', `${word} 1 與${word} 2 不可為同一人`);
  const ids = [c1, ...(c2 ? [c2] : [])];
  const users = await prisma.user.findMany({ where: { id: { in: ids }, status: 'ACTIVE' }, select: { id: true, name: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  if (!byId.has(c1)) throw invalid('custodian1Id', `請設置${word} 1（須為已啟用的帳號）`);
  if (c2 && !byId.has(c2)) throw invalid('custodian2Id', `${word} 2 須為已啟用的帳號`);
  return byId;
}

/** The 保管人異動 rows of a new row's first holders (inside the creating transaction). */
export function logArrival(
  tx: Tx,
  table: CustodyTable,
  id: string,
  holders: { custodian1Id: string; custodian2Id?: string | null },
  people: Map<string, { name: string }>,
  reason: string,
  actorId: string,
) {
  const slots = [holders.custodian1Id, holders.custodian2Id ?? null];
  return tx.custodianChange.createMany({
    data: slots.flatMap((userId, i) =>
      userId
        ? [
            {
              ...TABLES[table].link(id),
              slot: i + 1,
              toUserId: userId,
              toName: people.get(userId)!.name,
              reason,
              changedById: actorId,
            },
          ]
        : [],
    ),
  });
}

/**
 * 設置保管人 / 設置管理人 › 確定: slot 1 or 2 passes to another account (or slot 2 is emptied), with
 * 異動原因, in the 保管人異動 log. The holder read and the one written are the same under the row lock,
 * so two people changing the same slot at once are both logged in order.
 */
export async function setCustodian(
  ctx: CustodyContext,
  target: CustodyTarget,
  slot: 1 | 2,
  userId: string | null,
  reason: string,
) {
  const { prisma, actor } = ctx;
  const { word } = target;
  const table = TABLES[target.table];
  if (slot === 1 && userId === null) throw invalid('userId', `${word} 1 為必填，不可移除`);
  const user = userId
    ? await prisma.user.findFirst({ where: { id: userId, status: 'ACTIVE' }, select: { id: true, name: true } })
    : null;
  if (userId && !user) throw invalid('userId', `新${word}須為已啟用的帳號`);
  await prisma.$transaction(async (tx) => {
    await table.lock(tx, target.id);
    const current = await table.holders(tx, target.id);
    const [mine, other] =
      slot === 1 ? [current.custodian1Id, current.custodian2Id] : [current.custodian2Id, current.custodian1Id];
    if (userId === mine) throw invalid('userId', userId ? `此帳號已是${word} ${slot}` : `${word} ${slot} 尚未設置`);
    if (userId && userId === other) throw invalid('userId', `${word} 1 與${word} 2 不可為同一人`);
    await table.write(tx, target.id, slot === 1 ? { custodian1Id: userId! } : { custodian2Id: userId });
    await tx.custodianChange.create({
      data: {
        ...table.link(target.id),
        slot,
        fromUserId: mine,
        fromName: (slot === 1 ? current.custodian1.name : current.custodian2?.name) ?? null,
        toUserId: userId,
        toName: user?.name ?? null,
        reason,
        changedById: actor.id,
      },
    });
    await recordUsage(tx, {
      userId: actor.id,
      action: target.usage.action,
      target: target.usage.target,
      detail: { slot, from: mine, to: userId },
      ip: ctx.ip ?? null,
    });
  });
}
