import type { ResourceKind } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import { carDriversSchema, itemFieldSchemas, newItemSchemas } from '../../../domain/bookings/resource-schema';
import { createItem, deleteItem, setCarDrivers, updateItem } from '../../commands/items';
import { allowedActions, authorize } from '../../policies';
import { custodied, itemBookings, itemPage, presentItem } from '../../queries/items';
import { authorized, body, noBody } from '../../request-body';
import { itemOf, optionalDate, pageFields, type ItemDeps } from './shared';

const ITEM_ACTIONS = ['item.update', 'item.custodians', 'item.delete'] as const;
const listQuery = z.object({ q: z.string().trim().max(100, '關鍵字過長').optional(), ...pageFields });
const bookingQuery = z.object({ date: optionalDate('借用日期'), ...pageFields });

/**
 * One kind of item (/api/items/venues, /cars, /drivers):
 *   GET    /                 the list (關鍵字 ?q=), the items the actor manages
 *   POST   /                 新增 (item.create on the 管理機關)
 *   GET    /:id              the item, its custodians, allowedActions
 *   PUT    /:id              場地資訊 / 公務車資訊 / 司機資訊 › 儲存
 *   DELETE /:id              刪除
 *   PUT    /:id/drivers      (cars) 選擇公務車司機 { driverIds }
 *   GET    /:id/bookings     借用紀錄 / 派遣紀錄 (?date=)
 */
export function itemKindRoutes(deps: ItemDeps, kind: ResourceKind) {
  const { prisma } = deps;
  const router = Router();
  const newItem = body(newItemSchemas[kind]);
  const fields = body(itemFieldSchemas[kind]);

  router.get('/', async (req, res) => {
    authorize(req.actor, 'item.list');
    const query = listQuery.parse(req.query);
    res.set('cache-control', 'no-store').json(await itemPage(prisma, req.actor, kind, query));
  });

  // A general user who holds nothing is refused before the body is read; the agency is checked after.
  router.post('/', authorized('item.list'), newItem, async (req, res) => {
    authorize(req.actor, 'item.list');
    const row = await createItem({ prisma, actor: req.actor, ip: req.ip }, kind, newItem.of(req));
    res.status(201).json({ id: row.id });
  });

  router.get('/:id', async (req, res) => {
    const { row } = await itemOf(deps, kind, req, 'item.read');
    res
      .set('cache-control', 'no-store')
      .json({ ...presentItem(row), allowedActions: allowedActions(req.actor, ITEM_ACTIONS, custodied(row)) });
  });

  router.put('/:id', authorized('item.list'), fields, async (req, res) => {
    const { row, ctx } = await itemOf(deps, kind, req, 'item.update');
    await updateItem(ctx, row, fields.of(req));
    res.status(204).end();
  });

  router.delete('/:id', authorized('item.list'), noBody, async (req, res) => {
    const { row, ctx } = await itemOf(deps, kind, req, 'item.delete');
    await deleteItem(ctx, row);
    res.status(204).end();
  });

  if (kind === 'CAR') {
    const drivers = body(carDriversSchema);
    router.put('/:id/drivers', authorized('item.list'), drivers, async (req, res) => {
      const { row, ctx } = await itemOf(deps, kind, req, 'item.update');
      await setCarDrivers(ctx, row, drivers.of(req).driverIds);
      res.status(204).end();
    });
  }

  router.get('/:id/bookings', async (req, res) => {
    const { row } = await itemOf(deps, kind, req, 'item.read');
    const query = bookingQuery.parse(req.query);
    res.set('cache-control', 'no-store').json(await itemBookings(prisma, kind, row.id, query));
  });

  return router;
}
