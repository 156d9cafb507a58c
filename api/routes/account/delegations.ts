import { Router } from 'express';
import { z } from 'zod';
import { cancelDelegation, createDelegation, type DelegationDeps } from '../../commands/delegation';
import { authorize } from '../../policies';
import { deputyCandidates, listDelegations } from '../../queries/delegations';
import { authorized, body, noBody } from '../../request-body';

const dateField = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, missing);
const newDelegation = body(
  z.object({
    deputyAccount: z.string({ error: '請選擇代理人' }).trim().min(1, '請選擇代理人').max(64, '請選擇代理人'),
    startDate: dateField('請選擇代理開始日期'),
    endDate: dateField('請選擇代理結束日期'),
  }),
);
const idParams = z.object({ id: z.string().regex(/^[a-z0-9]{20,40}$/, '代理人設定編號格式錯誤') });
const candidateQuery = z.object({ q: z.string().trim().max(64, '關鍵字過長').default('') });

/**
 * 個人帳號管理 › 代理人設定 (/api/account/delegations):
 *   GET  /              the deputies I named and the approvers I stand in for
 *   GET  /candidates    colleagues of my agency to name (?q= account or name prefix)
 *   POST /              新增代理 { deputyAccount, startDate, endDate }
 *   POST /:id/cancel    取消代理
 */
export function delegationRoutes(deps: DelegationDeps) {
  const { prisma } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    authorize(req.actor, 'delegation.read');
    res.set('cache-control', 'no-store').json(await listDelegations(prisma, req.actor));
  });

  router.get('/candidates', async (req, res) => {
    authorize(req.actor, 'delegation.manage');
    const { q } = candidateQuery.parse(req.query);
    res.json({ items: await deputyCandidates(prisma, req.actor, q) });
  });

  router.post('/', authorized('delegation.manage'), newDelegation, async (req, res) => {
    authorize(req.actor, 'delegation.manage');
    const created = await createDelegation(deps, req.actor, newDelegation.of(req), req.ip);
    res.status(201).json({ id: created.id });
  });

  router.post('/:id/cancel', authorized('delegation.manage'), noBody, async (req, res) => {
    authorize(req.actor, 'delegation.manage');
    await cancelDelegation(deps, req.actor, idParams.parse(req.params).id, req.ip);
    res.status(204).end();
  });

  return router;
}
