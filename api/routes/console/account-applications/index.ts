import { z } from 'zod';
import { Router } from 'express';
import type { UsageAction } from '../../../../domain/usage-actions';
import { maskNationalId } from '../../../../domain/national-id';
import { decryptNationalId } from '../../../../infra/db/pii';
import { decideApplication, type ApplicationDeps } from '../../../commands/account-application';
import { fail } from '../../../errors';
import { allowedActions, authorize, decidingActor, type Actor } from '../../../policies';
import { organizationPath, presentEvents } from '../../../presenters/account-application';
import { batchIds, decisionBody as reviewDecision, mountDecisionRoutes, requireRejectComment } from '../decision-routes';
import { listInbox } from '../inbox';
import { inboxListQuery } from '../request-inbox';
import { recordUsage } from '../../../commands/usage';

const listQuery = inboxListQuery.extend({ agencyCode: z.string().trim().max(32).optional() });
const idParams = z.object({ id: z.uuid('申請編號格式錯誤') });
const decisionBody = reviewDecision.extend({ grantOfficialMail: z.boolean().optional() });

/** 管理主控台 › 帳號管理 › 帳號申請審核 */
export function accountApplicationReviewRoutes(deps: ApplicationDeps) {
  const { prisma, temporal } = deps;
  const router = Router();

  async function load(id: string) {
    const row = await prisma.accountApplication.findUnique({
      where: { id },
      include: { organization: { include: { agency: true } } },
    });
    if (!row) throw fail('NOT_FOUND', '找不到此申請。');
    return { row, agencyId: row.organization.agencyId ?? row.organizationId };
  }

  async function decideOne(actor: Actor, id: string, body: z.infer<typeof decisionBody>, ip: string | undefined) {
    const { row, agencyId } = await load(id);
    // The approver's own authority, or that of the approver they stand in for (代理人設定).
    const decider = decidingActor(actor, 'accountApplication.decide', { agencyId });
    requireRejectComment(body);
    await decideApplication(deps, row.workflowId, {
      decision: body.decision,
      comment: body.comment,
      grantOfficialMail: body.grantOfficialMail,
      actor: decider,
    });
    // 帳號使用紀錄 of the approver.
    await recordUsage(prisma, {
      userId: actor.id,
      action: 'application.decide' satisfies UsageAction,
      target: `個人帳號申請（${row.account}）`,
      detail: {
        applicationId: id,
        decision: body.decision,
        ...(decider.onBehalfOf ? { onBehalfOf: decider.onBehalfOf.account } : {}),
      },
      ip: ip ?? null,
    });
    return row;
  }

  router.get('/', async (req, res) => {
    authorize(req.actor, 'accountApplication.list');
    const query = listQuery.parse(req.query);
    const { rows, ...paging } = await listInbox(prisma, req.actor, 'ACCOUNT_APPLICATION', query);
    res.json({
      ...paging,
      items: rows.map((r) => {
        const summary = r.summary as { applicationId?: string; organizationPath?: string; escalated?: boolean };
        return {
          id: summary.applicationId ?? r.workflowId.replace(/^account-application-/, ''),
          account: r.applicantAccount,
          name: r.applicantName,
          agency: r.agency,
          organizationPath: summary.organizationPath ?? '',
          submittedAt: r.createdAt.toISOString(),
          status: r.status,
          statusLabel: r.statusLabel,
          escalated: summary.escalated ?? false,
        };
      }),
    });
  });

  router.get('/:id', async (req, res) => {
    const { id } = idParams.parse(req.params);
    const { row, agencyId } = await load(id);
    authorize(req.actor, 'accountApplication.read', { agencyId });
    const request = await prisma.request.findUnique({
      where: { workflowId: row.workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    // Status and its words from one row, written together: the application row is updated a moment
    // before the request row, and a page that read one from each showed 帳號建立中 while the status
    // already said 待開通帳號 — and stopped following it.
    const status = request?.status ?? row.status;
    res.json({
      id: row.id,
      workflowId: row.workflowId,
      nationalId: maskNationalId(decryptNationalId(row.nationalIdCipher, deps.dataKey)),
      account: row.account,
      needOfficialMail: row.needOfficialMail,
      officialMailGranted: row.officialMailGranted,
      backupEmail: row.backupEmail,
      name: row.name,
      organization: { code: row.organization.code, pathLabel: await organizationPath(prisma, row.organizationId) },
      agency: row.organization.agency ? { code: row.organization.agency.code, name: row.organization.agency.name } : null,
      title: row.title,
      officePhone: row.officePhone,
      officeExt: row.officeExt,
      remark: row.remark,
      submittedAt: row.createdAt.toISOString(),
      status,
      statusLabel: request?.statusLabel ?? row.status,
      events: presentEvents(request?.events ?? []),
      allowedActions:
        row.status === 'PENDING' && status === 'PENDING'
          ? allowedActions(req.actor, ['accountApplication.decide'], { agencyId }).map(() => 'decide')
          : [],
      temporalUrl: temporal.workflowUrl(row.workflowId),
    });
  });

  mountDecisionRoutes(router, {
    listAction: 'accountApplication.list',
    idParams,
    body: decisionBody,
    batchIds: batchIds(z.uuid()),
    decide: decideOne,
    // The application row, not the workflow's answer, says where the decision left it.
    statusOf: async (id) => (await load(id)).row.status,
  });

  return router;
}
