import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { startConnectivityCheck } from '../../../commands/start-connectivity-check';
import { fail } from '../../../errors';
import { authorize } from '../../../policies';
import { presentConnectivityCheck } from '../../../presenters/connectivity-check';
import { organizationCode } from '../../../queries/organizations';
import { connectivityCheck, connectivityChecks } from '../../../queries/requests';
import { authorized, noBody } from '../../../request-body';
import type { Temporal } from '../../../temporal';
import { idParams, listQuery } from './schema';

/** 管理主控台 › AD 同步管理作業 › 連線測試 */
export function connectivityCheckRoutes({ prisma, temporal }: { prisma: PrismaClient; temporal: Temporal }) {
  const router = Router();
  const present = (row: Parameters<typeof presentConnectivityCheck>[0]) => presentConnectivityCheck(row, temporal.workflowUrl);

  router.post('/', authorized('connectivityCheck.run'), noBody, async (req, res) => {
    authorize(req.actor, 'connectivityCheck.run');
    const agencyCode = await organizationCode(prisma, req.actor.agencyId);
    res.status(202).json(await startConnectivityCheck({ prisma, temporal }, req.actor, agencyCode));
  });

  router.get('/', async (req, res) => {
    authorize(req.actor, 'connectivityCheck.read');
    const { limit } = listQuery.parse(req.query);
    const rows = await connectivityChecks(prisma, limit);
    res.json({ items: rows.map(present) });
  });

  router.get('/:id', async (req, res) => {
    authorize(req.actor, 'connectivityCheck.read');
    const { id } = idParams.parse(req.params);
    const row = await connectivityCheck(prisma, id);
    if (!row) throw fail('NOT_FOUND', '找不到此連線測試紀錄。');
    res.json(present(row));
  });

  return router;
}
