import type { ResourceKind } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import { custodianChangeSchema, custodianWord } from '../../../domain/bookings/resource-schema';
import { setCustodian } from '../../commands/items';
import { sendRecordWorkbook, taipeiDateTime, type RecordSheet } from '../../presenters/record-sheets';
import { custodianChanges, type CustodianChangeRow } from '../../queries/items';
import { authorized, body } from '../../request-body';
import { itemOf, optionalDate, type ItemDeps } from './shared';

const slotParams = z.object({ slot: z.enum(['1', '2'], { error: '保管人欄位錯誤' }).transform(Number) });
const rangeQuery = z
  .object({ from: optionalDate('執行時間（起）'), to: optionalDate('執行時間（迄）') })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['from'], message: '起日不可晚於迄日' });

/** The 保管人異動 log as the page lists it and 匯出 writes it. */
export function custodianSheet(kind: ResourceKind): RecordSheet<CustodianChangeRow> {
  const word = custodianWord(kind);
  return {
    name: `${word}異動紀錄`,
    columns: [
      ['執行時間', 20, (r) => taipeiDateTime(r.changedAt)],
      ['異動項目', 12, (r) => `${word} ${r.slot}`],
      [`原${word}`, 14, (r) => r.fromName ?? ''],
      [`新${word}`, 14, (r) => r.toName ?? '（移除）'],
      ['異動原因', 30, (r) => r.reason],
      ['執行者', 18, (r) => `${r.changedBy.name}（${r.changedBy.account}）`],
    ],
  };
}

/**
 * 保管人設定 / 管理人設定 of one item:
 *   PUT /:id/custodians/:slot          設置保管人 { userId | null, reason }
 *   GET /:id/custodian-changes         the 保管人異動 log (?from=&to= 執行時間)
 *   GET /:id/custodian-changes.xlsx    匯出
 */
export function custodianRoutes(deps: ItemDeps, kind: ResourceKind) {
  const { prisma } = deps;
  const router = Router();
  const change = body(custodianChangeSchema(kind));
  const sheet = custodianSheet(kind);

  router.put('/:id/custodians/:slot', authorized('item.list'), change, async (req, res) => {
    const { row, ctx } = await itemOf(deps, kind, req, 'item.custodians');
    const { slot } = slotParams.parse(req.params);
    const { userId, reason } = change.of(req);
    await setCustodian(ctx, row, slot as 1 | 2, userId, reason);
    res.status(204).end();
  });

  router.get('/:id/custodian-changes', async (req, res) => {
    const { row } = await itemOf(deps, kind, req, 'item.read');
    const rows = await custodianChanges(prisma, row.id, rangeQuery.parse(req.query));
    res.set('cache-control', 'no-store').json({
      items: rows.map((r) => ({
        id: r.id,
        changedAt: r.changedAt.toISOString(),
        slot: r.slot,
        slotLabel: `${custodianWord(kind)} ${r.slot}`,
        fromName: r.fromName,
        toName: r.toName,
        reason: r.reason,
        changedBy: r.changedBy,
      })),
    });
  });

  router.get('/:id/custodian-changes.xlsx', async (req, res) => {
    const { row } = await itemOf(deps, kind, req, 'item.read');
    const rows = await custodianChanges(prisma, row.id, rangeQuery.parse(req.query));
    await sendRecordWorkbook(res, sheet, rows);
  });

  return router;
}
