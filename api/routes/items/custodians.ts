import type { ResourceKind } from '@prisma/client';
import type { Request } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import { custodianChangeSchema, custodianWord, ITEM_NOUNS } from '../../../domain/bookings/resource-schema';
import { setCustodian, type CustodyContext, type CustodyTarget } from '../../commands/custodians';
import type { Action } from '../../policies';
import { sendRecordWorkbook, taipeiDateTime, type RecordSheet } from '../../presenters/record-sheets';
import { custodianChanges, type CustodianChangeRow, type CustodyOf } from '../../queries/items';
import { authorized, body } from '../../request-body';
import { itemOf, optionalDate, type ItemDeps } from './shared';

const slotParams = z.object({ slot: z.enum(['1', '2'], { error: '保管人欄位錯誤' }).transform(Number) });
const rangeQuery = z
  .object({ from: optionalDate('執行時間（起）'), to: optionalDate('執行時間（迄）') })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: '起日不可晚於迄日' });

/** How a holder's slots and its log are worded: 保管人 1 (a slot), 保管人異動 (the log). */
export interface CustodyWords {
  /** A slot: 保管人, 管理人, 類型保管人. */
  slot: string;
  /** The log and its columns: 保管人, 管理人. */
  log: string;
}

/** The 保管人異動 log as the page lists it and 匯出 writes it. */
export function custodianSheet(words: CustodyWords): RecordSheet<CustodianChangeRow> {
  return {
    name: `${words.log}異動紀錄`,
    columns: [
      ['執行時間', 20, (r) => taipeiDateTime(r.changedAt)],
      ['異動項目', 12, (r) => `${words.slot} ${r.slot}`],
      [`原${words.log}`, 14, (r) => r.fromName ?? ''],
      [`新${words.log}`, 14, (r) => r.toName ?? '（移除）'],
      ['異動原因', 30, (r) => r.reason],
      ['執行者', 18, (r) => `${r.changedBy.name}（${r.changedBy.account}）`],
    ],
  };
}

/** What has custodians, as its routes reach it: the words, and the row of the path authorised for an action. */
export interface Custody {
  words: CustodyWords;
  /** Checked before the body is read (a stranger gets 401/403, never 400). */
  gate: Action;
  read: Action;
  change: Action;
  load(req: Request, action: Action): Promise<{ target: CustodyTarget; of: CustodyOf; ctx: CustodyContext }>;
}

/**
 * 保管人設定 / 管理人設定 of one holder (an item, a 報修類型):
 *   PUT /:id/custodians/:slot          設置保管人 { userId | null, reason }
 *   GET /:id/custodian-changes         the 保管人異動 log (?from=&to= 執行時間)
 *   GET /:id/custodian-changes.xlsx    匯出
 */
export function custodyRoutes(deps: ItemDeps, custody: Custody) {
  const { prisma } = deps;
  const router = Router();
  const change = body(custodianChangeSchema(custody.words.slot));
  const sheet = custodianSheet(custody.words);

  router.put('/:id/custodians/:slot', authorized(custody.gate), change, async (req, res) => {
    const { target, ctx } = await custody.load(req, custody.change);
    const { slot } = slotParams.parse(req.params);
    const { userId, reason } = change.of(req);
    await setCustodian(ctx, target, slot as 1 | 2, userId, reason);
    res.status(204).end();
  });

  router.get('/:id/custodian-changes', async (req, res) => {
    const { of } = await custody.load(req, custody.read);
    const rows = await custodianChanges(prisma, of, rangeQuery.parse(req.query));
    res.set('cache-control', 'no-store').json({
      items: rows.map((r) => ({
        id: r.id,
        changedAt: r.changedAt.toISOString(),
        slot: r.slot,
        slotLabel: `${custody.words.slot} ${r.slot}`,
        fromName: r.fromName,
        toName: r.toName,
        reason: r.reason,
        changedBy: r.changedBy,
      })),
    });
  });

  router.get('/:id/custodian-changes.xlsx', async (req, res) => {
    const { of } = await custody.load(req, custody.read);
    const rows = await custodianChanges(prisma, of, rangeQuery.parse(req.query));
    await sendRecordWorkbook(res, sheet, rows);
  });

  return router;
}

/** A venue's, car's or driver's 保管人設定 / 管理人設定. */
export function custodianRoutes(deps: ItemDeps, kind: ResourceKind) {
  const word = custodianWord(kind);
  return custodyRoutes(deps, {
    words: { slot: word, log: word },
    gate: 'item.list',
    read: 'item.read',
    change: 'item.custodians',
    async load(req, action) {
      const { row, ctx } = await itemOf(deps, kind, req, action);
      return {
        ctx,
        of: { resourceId: row.id },
        target: {
          table: 'resource',
          id: row.id,
          word,
          usage: { action: 'item.custodian', target: `${ITEM_NOUNS[kind]} ${row.name}` },
        },
      };
    },
  });
}
