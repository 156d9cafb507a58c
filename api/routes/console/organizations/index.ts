import { Router } from 'express';
import { z } from 'zod';
import { ORG_KIND_LABELS } from '../../../../domain/org-tree';
import {
  createOrganization,
  moveOrganization,
  renameOrganization,
  restoreOrganization,
  retireOrganization,
  type OrganizationChangeDeps,
} from '../../../commands/organization-change';
import { fail } from '../../../errors';
import { authorize } from '../../../policies';
import { authorized, body, noBody } from '../../../request-body';
import {
  createOrganizationSchema,
  moveOrganizationSchema,
  renameOrganizationSchema,
} from '../../../../domain/schemas/organization';
import { presentEvents } from '../../../presenters/account-application';
import { organizationTree } from '../../../queries/organizations';
import { requestOfWorkflow } from '../../../queries/requests';
import { ORGANIZATION_CHANGE_WORKFLOW_ID } from '../../../../workflows/organization-change.messages';

const idParams = z.object({ id: z.string().trim().min(1).max(64) });
const manage = authorized('organization.manage');
const createBody = body(createOrganizationSchema);
const renameBody = body(renameOrganizationSchema);
const moveBody = body(moveOrganizationSchema);
const requestParams = z.object({
  workflowId: z.string().trim().regex(ORGANIZATION_CHANGE_WORKFLOW_ID, '組織異動作業編號格式錯誤'),
});

/**
 * 管理主控台 › 組織管理 (system admins): the whole tree with each unit's active accounts and the change
 * being applied to AD, and the changes themselves (新增下級單位, 修改名稱, 移動, 裁撤, 復原).
 */
export function organizationRoutes(deps: OrganizationChangeDeps) {
  const { prisma, temporal } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    authorize(req.actor, 'organization.read');
    const { units, accounts, open } = await organizationTree(prisma);
    const accountsOf = new Map(accounts.map((a) => [a.organizationId, a._count._all]));
    const openOf = new Map(
      open.map((r) => [
        (r.summary as { organizationId?: string }).organizationId,
        { workflowId: r.workflowId, statusLabel: r.statusLabel },
      ]),
    );
    res.json({
      items: units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        shortName: u.shortName,
        kind: u.kind,
        kindLabel: ORG_KIND_LABELS[u.kind],
        parentId: u.parentId,
        agencyId: u.agencyId,
        sortOrder: u.sortOrder,
        adOu: u.adOu,
        retiredAt: u.retiredAt?.toISOString() ?? null,
        activeAccounts: accountsOf.get(u.id) ?? 0,
        pendingChange: openOf.get(u.id) ?? null,
      })),
    });
  });

  router.post('/', manage, createBody, async (req, res) => {
    authorize(req.actor, 'organization.manage');
    res.status(202).json(await createOrganization(deps, req.actor, req.body ?? {}, req.ip));
  });

  router.patch('/:id', manage, renameBody, async (req, res) => {
    authorize(req.actor, 'organization.manage');
    const { id } = idParams.parse(req.params);
    res.status(202).json(await renameOrganization(deps, req.actor, id, req.body ?? {}, req.ip));
  });

  router.post('/:id/move', manage, moveBody, async (req, res) => {
    authorize(req.actor, 'organization.manage');
    const { id } = idParams.parse(req.params);
    res.status(202).json(await moveOrganization(deps, req.actor, id, req.body ?? {}, req.ip));
  });

  router.post('/:id/retire', manage, noBody, async (req, res) => {
    authorize(req.actor, 'organization.manage');
    const { id } = idParams.parse(req.params);
    res.status(202).json(await retireOrganization(deps, req.actor, id, req.ip));
  });

  router.post('/:id/restore', manage, noBody, async (req, res) => {
    authorize(req.actor, 'organization.manage');
    const { id } = idParams.parse(req.params);
    res.status(202).json(await restoreOrganization(deps, req.actor, id, req.ip));
  });

  /** A change's status and timeline, with its Temporal UI link. */
  router.get('/requests/:workflowId', async (req, res) => {
    authorize(req.actor, 'organization.read');
    const { workflowId } = requestParams.parse(req.params);
    const request = await requestOfWorkflow(prisma, workflowId);
    if (!request || request.type !== 'ORGANIZATION_CHANGE') throw fail('NOT_FOUND', '找不到此組織異動作業。');
    const summary = request.summary as { organizationId?: string; code?: string; change?: string; description?: string };
    res.json({
      workflowId,
      organizationId: summary.organizationId ?? null,
      code: summary.code ?? null,
      change: summary.change ?? null,
      description: summary.description ?? null,
      status: request.status,
      statusLabel: request.statusLabel,
      actorName: request.applicantName,
      createdAt: request.createdAt.toISOString(),
      events: presentEvents(request.events),
      temporalUrl: temporal.workflowUrl(workflowId),
    });
  });

  return router;
}
