import { Router } from 'express';
import { z } from 'zod';
import { ITEM_KIND_SLUGS, ITEM_KINDS } from '../../../domain/bookings/resource-schema';
import { fail } from '../../errors';
import { authorize, can } from '../../policies';
import { custodianCandidates, driverChoices, holdsCarOf, itemOptions } from '../../queries/items';
import { custodianRoutes } from './custodians';
import { itemKindRoutes } from './kind';
import { venuePhotoRoutes } from './photos';
import type { ItemDeps } from './shared';

const peopleQuery = z.object({ q: z.string().trim().max(64, '關鍵字過長').default('') });
const agencyQuery = z.object({ agencyId: z.string({ error: '請選擇管理機關' }).trim().min(1, '請選擇管理機關').max(64) });

/**
 * 管理主控台 › 物品管理 (/api/items; docs/api/bookings.md):
 *   GET /options          所在地, agencies, the 管理機關 the actor may create items (and 報修類型) for
 *   GET /people?q=        設置保管人's (and 設置維修人員's) search (account or name prefix)
 *   GET /driver-choices?agencyId=   選擇公務車司機's checklist (the agency's admins and car custodians)
 *   /venues, /cars, /drivers        each kind (./kind.ts, ./custodians.ts, ./photos.ts)
 */
export function itemRoutes(deps: ItemDeps) {
  const { prisma } = deps;
  const router = Router();

  router.get('/options', async (req, res) => {
    authorize(req.actor, 'item.lookup');
    res.json(await itemOptions(prisma, req.actor));
  });

  router.get('/people', async (req, res) => {
    authorize(req.actor, 'item.lookup');
    res.json({ items: await custodianCandidates(prisma, peopleQuery.parse(req.query).q) });
  });

  router.get('/driver-choices', async (req, res) => {
    authorize(req.actor, 'item.list');
    const { agencyId } = agencyQuery.parse(req.query);
    if (!can(req.actor, 'item.create', { agencyId }) && !(await holdsCarOf(prisma, req.actor, agencyId))) throw fail('FORBIDDEN');
    res.json({ items: await driverChoices(prisma, agencyId) });
  });

  for (const kind of ITEM_KINDS) {
    const mount = `/${ITEM_KIND_SLUGS[kind]}`;
    router.use(mount, itemKindRoutes(deps, kind), custodianRoutes(deps, kind));
    if (kind === 'VENUE') router.use(mount, venuePhotoRoutes(deps));
  }
  return router;
}
