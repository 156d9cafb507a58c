import type { Prisma } from '@prisma/client';
import type { UsageAction } from '../../domain/usage-actions';

/** One line of 帳號使用紀錄: who did what (an action code of domain/usage-actions), to what, from where. */
export interface UsageEntry {
  userId: string;
  action: UsageAction;
  /** What the action was about, as the records page shows it (e.g. 王小明（wangxm）). */
  target?: string | null;
  /** Facts for the detail view; never a secret. */
  detail?: Prisma.InputJsonObject;
  ip?: string | null;
  at?: Date;
}

/**
 * Writes 帳號使用紀錄, the one way every command does: inside the caller's transaction when given one,
 * so the record exists exactly when the change does.
 */
export function recordUsage(db: Pick<Prisma.TransactionClient, 'usageRecord'>, entry: UsageEntry) {
  return db.usageRecord.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      target: entry.target ?? null,
      ...(entry.detail ? { detail: entry.detail } : {}),
      ip: entry.ip ?? null,
      ...(entry.at ? { at: entry.at } : {}),
    },
  });
}

/** How a person is named as a record's target: 姓名（帳號）. */
export const personTarget = (person: { name: string; account: string | null }) => `${person.name}（${person.account ?? ''}）`;
