import type { PrismaClient } from '@prisma/client';
import type { Request, RequestHandler } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import { applicationSystemSchema } from '../../../domain/schemas/integration';
import { createApplicationSystem, updateApplicationSystem } from '../../commands/application-systems';
import { fail } from '../../errors';
import { authorize, can } from '../../policies';
import {
  agencyChoices,
  applicationSystemDefaults,
  applicationSystemPage,
  loadApplicationSystem,
  presentApplications,
  presentServices,
  presentSystem,
  type ApplicationSystemRow,
} from '../../queries/application-systems';
import { authorized, body } from '../../request-body';
import { pageFields } from '../items/shared';

const listQuery = z.object({ name: z.string().trim().max(100, '應用系統名稱過長').optional(), ...pageFields });
const systemId = z.uuid();

const SYSTEM = Symbol('application system');
const systemOf = (req: Request) => (req as unknown as Record<symbol, ApplicationSystemRow>)[SYSTEM]!;

/**
 * 線上申請作業 › 應用系統服務介接申請 (/api/application-systems; docs/api/application-systems.md):
 *   GET  /               the list (應用系統名稱 ?name=, paged): the actor's agency's systems, all for a system admin
 *   GET  /new-defaults   新增應用系統's 管理機關, 聯絡人, 聯絡電話, 聯絡人信箱 from the user's profile
 *   GET  /agencies       the agencies to choose from (管理機關 for a system admin, 顯示此轉登入口的機關)
 *   POST /               新增應用系統 → 201 { id }
 *   GET  /:id            應用系統資料, 介接服務狀態 (the four services) and the system's applications
 *   PUT  /:id            編輯 → 200 the detail
 * The services' applications (我要申請, 更換金鑰, 停用) are integrationReview's routes.
 */
export function applicationSystemRoutes(deps: { prisma: PrismaClient }) {
  const { prisma } = deps;
  const router = Router();
  const form = body(applicationSystemSchema);

  /** The system of the path, authorised for the action, before its body is read (a stranger gets 403, never 400). */
  const loadSystem =
    (action: 'applicationSystem.read' | 'applicationSystem.update'): RequestHandler =>
    (req, _res, next) => {
      authorize(req.actor, 'applicationSystem.list');
      const id = systemId.safeParse(req.params.id);
      if (!id.success) throw fail('NOT_FOUND', '找不到此應用系統');
      loadApplicationSystem(prisma, id.data)
        .then((row) => {
          authorize(req.actor, action, row);
          (req as unknown as Record<symbol, ApplicationSystemRow>)[SYSTEM] = row;
          next();
        })
        .catch(next);
    };

  const detail = (req: Request, row: ApplicationSystemRow) => ({
    system: presentSystem(row),
    services: presentServices(row),
    applications: presentApplications(row),
    canEdit: can(req.actor, 'applicationSystem.update', row),
  });

  router.get('/', async (req, res) => {
    authorize(req.actor, 'applicationSystem.list');
    res.set('cache-control', 'no-store').json(await applicationSystemPage(prisma, req.actor, listQuery.parse(req.query)));
  });

  router.get('/new-defaults', async (req, res) => {
    authorize(req.actor, 'applicationSystem.create');
    res.set('cache-control', 'no-store').json(await applicationSystemDefaults(prisma, req.actor));
  });

  router.get('/agencies', async (req, res) => {
    authorize(req.actor, 'applicationSystem.list');
    res.set('cache-control', 'no-store').json({ items: await agencyChoices(prisma) });
  });

  router.post('/', authorized('applicationSystem.create'), form, async (req, res) => {
    authorize(req.actor, 'applicationSystem.create');
    const row = await createApplicationSystem({ prisma, actor: req.actor, ip: req.ip }, form.of(req));
    res.status(201).json({ id: row.id });
  });

  router.get('/:id', loadSystem('applicationSystem.read'), (req, res) => {
    res.set('cache-control', 'no-store').json(detail(req, systemOf(req)));
  });

  router.put('/:id', loadSystem('applicationSystem.update'), form, async (req, res) => {
    authorize(req.actor, 'applicationSystem.update');
    await updateApplicationSystem({ prisma, actor: req.actor, ip: req.ip }, systemOf(req), form.of(req));
    res.json(detail(req, await loadApplicationSystem(prisma, systemOf(req).id)));
  });

  return router;
}
