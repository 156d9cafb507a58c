import type { PrismaClient } from '@prisma/client';
import type { Temporal } from '../../temporal';
import type { Request } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import { newRepairTypeSchema, repairTypeFieldsSchema, REPAIR_CUSTODIAN_WORD } from '../../../domain/repairs/type-schema';
import { createRepairType, deleteRepairType, repairCustody, updateRepairType } from '../../commands/repair-types';
import { signalRepairTypeChanged } from '../../commands/repairs';
import { allowedActions, authorize, type Action } from '../../policies';
import { custodied } from '../../queries/items';
import { loadRepairType, presentRepairType, repairTypePage } from '../../queries/repair-types';
import { authorized, body, noBody } from '../../request-body';
import { custodyRoutes } from '../items/custodians';
import { pageFields } from '../items/shared';

const ACTIONS = ['repairType.update', 'repairType.custodians', 'repairType.delete'] as const;
const listQuery = z.object({ q: z.string().trim().max(100, '關鍵字過長').optional(), ...pageFields });
const idParams = z.object({ id: z.string().regex(/^[a-z0-9]{20,40}$/, '找不到此報修類型') });

/** The 報修類型 of the path, authorised for the action (404 for a deleted one). */
async function repairTypeOf(prisma: PrismaClient, req: Request, action: Action) {
  const row = await loadRepairType(prisma, idParams.parse(req.params).id);
  authorize(req.actor, action, custodied(row));
  return { row, ctx: { prisma, actor: req.actor, ip: req.ip } };
}

/**
 * 管理主控台 › 物品管理 › 報修類型管理 (/api/repair-types; docs/api/repair-types.md):
 *   GET    /                    the list (報修類型 ?q=), the types the actor manages
 *   POST   /                    新增 (repairType.create on the 所屬機關)
 *   GET    /:id                 the type (報修類型資訊, 報修廠商資訊, 分類, 類型保管人), allowedActions
 *   PUT    /:id                 報修類型資訊 › 儲存
 *   DELETE /:id                 刪除 (refused while a ticket is not 已結案)
 *   PUT    /:id/custodians/:slot, GET /:id/custodian-changes(.xlsx)   保管人設定 (../items/custodians.ts)
 * 所在地 / agencies and the account search are 物品管理's own (/api/items/options, /api/items/people).
 */
export function repairTypeRoutes(deps: { prisma: PrismaClient; temporal: Temporal }) {
  const { prisma } = deps;
  const router = Router();
  const newType = body(newRepairTypeSchema);
  const fields = body(repairTypeFieldsSchema);

  router.get('/', async (req, res) => {
    authorize(req.actor, 'repairType.list');
    res.set('cache-control', 'no-store').json(await repairTypePage(prisma, req.actor, listQuery.parse(req.query)));
  });

  // A general user who holds no type is refused before the body is read; the agency is checked after.
  router.post('/', authorized('repairType.list'), newType, async (req, res) => {
    authorize(req.actor, 'repairType.list');
    const row = await createRepairType({ prisma, actor: req.actor, ip: req.ip }, newType.of(req));
    res.status(201).json({ id: row.id });
  });

  router.get('/:id', async (req, res) => {
    const { row } = await repairTypeOf(prisma, req, 'repairType.read');
    res
      .set('cache-control', 'no-store')
      .json({ ...presentRepairType(row), allowedActions: allowedActions(req.actor, ACTIONS, custodied(row)) });
  });

  router.put('/:id', authorized('repairType.list'), fields, async (req, res) => {
    const { row, ctx } = await repairTypeOf(prisma, req, 'repairType.update');
    await updateRepairType(ctx, row, fields.of(req));
    // Waiting tickets take the new 維修人員 and 分類 now rather than at their next round.
    await signalRepairTypeChanged(deps, row.id);
    res.status(204).end();
  });

  router.delete('/:id', authorized('repairType.list'), noBody, async (req, res) => {
    const { row, ctx } = await repairTypeOf(prisma, req, 'repairType.delete');
    await deleteRepairType(ctx, row);
    res.status(204).end();
  });

  router.use(
    custodyRoutes(deps, {
      words: { slot: REPAIR_CUSTODIAN_WORD, log: '保管人' },
      gate: 'repairType.list',
      read: 'repairType.read',
      change: 'repairType.custodians',
      async load(req, action) {
        const { row, ctx } = await repairTypeOf(prisma, req, action);
        return { ctx, of: { repairTypeId: row.id }, target: repairCustody(row) };
      },
    }),
  );
  return router;
}
