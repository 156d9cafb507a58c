import type { AdSyncStatus, Prisma, UserStatus } from '@prisma/client';
import { Router } from 'express';
import {
  reconcileUrl,
  repairAdDrifts,
  startAdReconcile,
  startUserAdSync,
  userSyncUrl,
  type AdSyncDeps,
} from '../../../commands/ad-sync';
import { fail } from '../../../errors';
import { authorize } from '../../../policies';
import { authorized, body, noBody } from '../../../request-body';
import { presentEvents } from '../../../presenters/account-application';
import { adDriftPage, adReconcileRequest, adReconcileRuns, adSyncUserPage, isAdReconcile } from '../../../queries/ad-sync';
import { AD_DRIFT_KIND_LABELS } from '../../../../workflows/ad-reconcile.messages';
import { driftListQuery, repairBody, runParams, syncParams, userListQuery, userParams } from './schema';

const repair = body(repairBody);
const SYNC_LABELS: Record<AdSyncStatus, string> = { SYNCED: '已同步', PENDING: '待同步', FAILED: '同步失敗' };
const USER_STATUS_LABELS: Record<UserStatus, string> = { PENDING_ACTIVATION: '待開通', ACTIVE: '啟用', DISABLED: '停用' };
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** 管理主控台 › AD 同步管理作業: 帳號同步狀態 (重新同步) and 同步比對 (修復). System admins only. */
export function adSyncRoutes(deps: AdSyncDeps) {
  const { prisma, temporal } = deps;
  const router = Router();

  const presentRun = (row: Prisma.RequestGetPayload<object>) => {
    const progress = (row.summary as { progress?: Record<string, number> }).progress ?? null;
    return {
      workflowId: row.workflowId,
      status: row.status,
      statusLabel: row.statusLabel,
      startedBy: row.applicantName,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      progress,
      url: reconcileUrl(row.workflowId),
      temporalUrl: temporal.workflowUrl(row.workflowId),
    };
  };

  router.get('/users', async (req, res) => {
    authorize(req.actor, 'adSync.read');
    const query = userListQuery.parse(req.query);
    const { total, rows, open, paths } = await adSyncUserPage(prisma, query);
    res.json({
      total,
      items: rows.map((u) => ({
        id: u.id,
        account: u.account,
        name: u.name,
        organizationPath: paths.get(u.organizationId) ?? '',
        statusLabel: USER_STATUS_LABELS[u.status],
        adSyncStatus: u.adSyncStatus,
        adSyncStatusLabel: SYNC_LABELS[u.adSyncStatus],
        adSyncedAt: iso(u.adSyncedAt),
        adLastError: u.adLastError,
        openSync: open.find((o) => o.applicantUserId === u.id)?.workflowId ?? null,
      })),
    });
  });

  router.post('/users/:id/sync', authorized('adSync.run'), noBody, async (req, res) => {
    authorize(req.actor, 'adSync.run');
    const { id } = userParams.parse(req.params);
    res.status(202).json(await startUserAdSync(deps, req.actor, id));
  });

  router.get('/syncs/:workflowId', async (req, res) => {
    authorize(req.actor, 'adSync.read');
    const { workflowId } = syncParams.parse(req.params);
    const row = await adReconcileRequest(prisma, workflowId);
    if (!row) throw fail('NOT_FOUND', '找不到此重新同步作業。');
    res.json({
      workflowId,
      account: row.applicantAccount,
      name: row.applicantName,
      status: row.status,
      statusLabel: row.statusLabel,
      createdAt: row.createdAt.toISOString(),
      events: presentEvents(row.events),
      url: userSyncUrl(workflowId),
      temporalUrl: temporal.workflowUrl(workflowId),
    });
  });

  router.get('/reconciles', async (req, res) => {
    authorize(req.actor, 'adSync.read');
    const rows = await adReconcileRuns(prisma, 10);
    res.json({ items: rows.map(presentRun) });
  });

  router.post('/reconciles', authorized('adSync.run'), noBody, async (req, res) => {
    authorize(req.actor, 'adSync.run');
    res.status(202).json(await startAdReconcile(deps, req.actor));
  });

  router.get('/reconciles/:workflowId', async (req, res) => {
    authorize(req.actor, 'adSync.read');
    const { workflowId } = runParams.parse(req.params);
    const row = await adReconcileRequest(prisma, workflowId);
    if (!row) throw fail('NOT_FOUND', '找不到此同步比對。');
    res.json({ ...presentRun(row), events: presentEvents(row.events) });
  });

  router.get('/reconciles/:workflowId/drifts', async (req, res) => {
    authorize(req.actor, 'adSync.read');
    const { workflowId } = runParams.parse(req.params);
    const query = driftListQuery.parse(req.query);
    const { total, rows } = await adDriftPage(prisma, workflowId, query);
    res.json({
      total,
      items: rows.map((d) => ({
        id: d.id,
        account: d.account,
        userId: d.userId,
        kind: d.kind,
        kindLabel: AD_DRIFT_KIND_LABELS[d.kind],
        field: d.field || null,
        dbValue: d.dbValue,
        adValue: d.adValue,
        detectedAt: d.detectedAt.toISOString(),
        repairedAt: iso(d.repairedAt),
        repairedByName: d.repairedByName,
        repairError: d.repairError,
        // Accounts the portal does not manage (userId null) are listed for the AD administrator only.
        repairable: d.userId !== null && !d.repairedAt,
      })),
    });
  });

  router.post('/reconciles/:workflowId/repair', authorized('adSync.run'), repair, async (req, res) => {
    authorize(req.actor, 'adSync.run');
    const { workflowId } = runParams.parse(req.params);
    const { driftIds } = repair.of(req);
    if (!(await isAdReconcile(prisma, workflowId))) throw fail('NOT_FOUND', '找不到此同步比對。');
    res.status(202).json(await repairAdDrifts(deps, req.actor, workflowId, driftIds));
  });

  return router;
}
