import type { PrismaClient } from '@prisma/client';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { repairStatsQuery } from '../../domain/repairs/stats';
import { fail } from '../errors';
import { authorize } from '../policies';
import { sendRepairExport } from '../presenters/repair-export';
import { exportTickets, loadStatsType, repairStats } from '../queries/repair-stats';

const typeParams = z.object({ typeId: z.string().regex(/^[a-z0-9]{20,40}$/, '找不到此報修類型') });

/**
 * 報修類型管理 › 處理狀況 (docs/api/repair-stats.md), policy `repairStats.read`:
 *   GET /:typeId?from=&to=         處理狀況統計, 報修案量, 處理狀況, 單位案件統計 and the service desk's figures
 *   GET /:typeId/export?from=&to=  匯出: the manual's 11 columns as .xlsx
 */
export function repairStatsRoutes({ prisma }: { prisma: PrismaClient }) {
  const router = Router();
  const query = repairStatsQuery();

  async function typeOf(req: Request) {
    if (!req.actor) throw fail('UNAUTHENTICATED');
    const { typeId } = typeParams.parse(req.params);
    const type = await loadStatsType(prisma, typeId);
    if (!type) throw fail('NOT_FOUND', '找不到此報修類型');
    authorize(req.actor, 'repairStats.read', { agencyId: type.agencyId, custodianIds: [type.custodian1Id, type.custodian2Id] });
    return { type, range: query.parse(req.query) };
  }

  router.get('/:typeId', async (req, res) => {
    const { type, range } = await typeOf(req);
    res.set('cache-control', 'no-store').json(await repairStats(prisma, type, range));
  });

  router.get('/:typeId/export', async (req, res) => {
    const { type, range } = await typeOf(req);
    try {
      await sendRepairExport(res, { typeName: type.name, ...range }, exportTickets(prisma, type.id, range));
    } catch (error) {
      // The file has begun: the download is cut short rather than answered with JSON.
      if (!res.headersSent) throw error;
      req.log?.error({ err: error }, 'repair export failed while streaming');
      res.destroy(error as Error);
    }
  });

  return router;
}
