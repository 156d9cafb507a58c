import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { authorize } from '../../policies';
import { redirectApps } from '../../queries/redirect-apps';

/** 應用程式儀表板 / 應用程式列表: the 轉登 systems of the user's agency. GET /api/portal/redirect-apps */
export function portalRedirectAppRoutes(deps: { prisma: PrismaClient }) {
  const router = Router();
  router.get('/redirect-apps', async (req, res) => {
    authorize(req.actor, 'redirectApps.read');
    res.set('cache-control', 'no-store').json({ items: await redirectApps(deps.prisma, req.actor.agencyId) });
  });
  return router;
}
