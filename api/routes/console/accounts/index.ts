import type { UserStatus } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import { startAccountDisable, type AccountDisableDeps } from '../../../commands/account-disable';
import {
  accountDetail,
  setAgencyAdmin,
  setSystemAdmin,
  startAccountEnable,
  updateAccount,
  editSchema,
  reasonSchema,
} from '../../../commands/console-account';
import { authorized, body, noBody } from '../../../request-body';
import { fail } from '../../../errors';
import { agencyScope, authorize, can } from '../../../policies';
import { presentEvents } from '../../../presenters/account-application';
import { accountPage } from '../../../queries/accounts';
import { requestOfWorkflow } from '../../../queries/requests';

const STATUS_LABELS: Record<UserStatus, string> = { PENDING_ACTIVATION: '待開通', ACTIVE: '啟用', DISABLED: '停用' };

const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['PENDING_ACTIVATION', 'ACTIVE', 'DISABLED']).optional(),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const idParams = z.object({ id: z.string().trim().min(1).max(64) });
const disableBody = body(
  z.object({
    reason: z.string({ error: '請填寫停用原因' }).trim().min(1, '請填寫停用原因').max(500, '停用原因最多 500 字'),
  }),
);
const editBody = body(editSchema());
const reasonBody = body(reasonSchema);
// Any admin passes; the account's agency is checked once it is loaded (the command's authorize).
const anyAdmin = authorized('consoleAccount.list');
const requestParams = z.object({
  workflowId: z
    .string()
    .trim()
    .regex(/^((account|idle)-disable|account-enable|account-reset)-[\w-]+$/, '作業編號格式錯誤'),
});

/** 管理主控台 › 帳號管理: accounts of the admin's agency (system admins: all), and 停用. */
export function consoleAccountRoutes(deps: AccountDisableDeps) {
  const { prisma, temporal } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    authorize(req.actor, 'consoleAccount.list');
    const query = listQuery.parse(req.query);
    const { total, rows, paths } = await accountPage(prisma, agencyScope(req.actor), query);
    const actor = req.actor;
    res.json({
      total,
      items: rows.map((u) => {
        const agencyId = u.organization.agencyId ?? u.organizationId;
        return {
          id: u.id,
          account: u.account,
          name: u.name,
          title: u.title,
          organizationPath: paths.get(u.organizationId) ?? '',
          status: u.status,
          statusLabel: STATUS_LABELS[u.status],
          lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
          disabledAt: u.disabledAt?.toISOString() ?? null,
          disabledReason: u.disabledReason,
          allowedActions:
            u.status !== 'DISABLED' && u.id !== actor.id && can(actor, 'consoleAccount.disable', { agencyId }) ? ['disable'] : [],
        };
      }),
    });
  });

  router.post('/:id/disable', anyAdmin, disableBody, async (req, res) => {
    authorize(req.actor, 'consoleAccount.list');
    const { id } = idParams.parse(req.params);
    const { reason } = disableBody.of(req);
    const started = await startAccountDisable(deps, req.actor, { userId: id, reason, ip: req.ip });
    res.status(202).json(started);
  });

  /** A disable request's status and timeline (停用 / 閒置停用). */
  router.get('/requests/:workflowId', async (req, res) => {
    authorize(req.actor, 'consoleAccount.list');
    const { workflowId } = requestParams.parse(req.params);
    const request = await requestOfWorkflow(prisma, workflowId);
    if (!request || !['ACCOUNT_DISABLE', 'IDLE_DISABLE', 'ACCOUNT_ENABLE'].includes(request.type))
      throw fail('NOT_FOUND', '找不到此作業。');
    authorize(req.actor, 'consoleAccount.read', { agencyId: request.agencyId });
    res.json({
      workflowId,
      type: request.type,
      account: request.applicantAccount,
      name: request.applicantName,
      status: request.status,
      statusLabel: request.statusLabel,
      reason: (request.summary as { reason?: string }).reason ?? null,
      kind: (request.summary as { kind?: string }).kind ?? null,
      createdAt: request.createdAt.toISOString(),
      events: presentEvents(request.events),
      temporalUrl: temporal.workflowUrl(workflowId),
    });
  });

  /** 帳號管理 › 詳細 and its actions (編輯, 啟用, 重設為待開通, 機關管理者 / 系統管理者). */
  router.get('/:id', anyAdmin, async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.json(await accountDetail(deps, { actor: req.actor }, id));
  });
  router.patch('/:id', anyAdmin, editBody, async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.json(await updateAccount(deps, { actor: req.actor, ip: req.ip }, id, req.body));
  });
  router.post('/:id/enable', anyAdmin, reasonBody, async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.status(202).json(await startAccountEnable(deps, { actor: req.actor, ip: req.ip }, id, 'ENABLE', req.body));
  });
  router.post('/:id/reset-activation', anyAdmin, reasonBody, async (req, res) => {
    const { id } = idParams.parse(req.params);
    res.status(202).json(await startAccountEnable(deps, { actor: req.actor, ip: req.ip }, id, 'RESET_ACTIVATION', req.body));
  });
  for (const [path, set] of [
    ['agency-admin', setAgencyAdmin],
    ['system-admin', setSystemAdmin],
  ] as const) {
    router.put(`/:id/roles/${path}`, anyAdmin, noBody, async (req, res) => {
      const { id } = idParams.parse(req.params);
      res.json(await set(deps, { actor: req.actor, ip: req.ip }, id, true));
    });
    router.delete(`/:id/roles/${path}`, anyAdmin, noBody, async (req, res) => {
      const { id } = idParams.parse(req.params);
      res.json(await set(deps, { actor: req.actor, ip: req.ip }, id, false));
    });
  }

  return router;
}
