import { Router } from 'express';
import { z } from 'zod';
import type { UsageAction } from '../../../../domain/usage-actions';
import { maskNationalId } from '../../../../domain/national-id';
import { decryptNationalId } from '../../../../activities/db/pii';
import { decideApplication, type ApplicationDeps } from '../../../commands/account-application';
import { fail } from '../../../errors';
import { allowedActions, authorize, type Actor } from '../../../policies';
import { organizationPath, presentEvents } from '../../../presenters/account-application';
import { decideEach } from '../batch';
import { listInbox } from '../inbox';

const listQuery = z.object({
  status: z.enum(['PENDING', 'DECIDED', 'ALL']).default('PENDING'),
  q: z.string().trim().max(100).optional(),
  agencyCode: z.string().trim().max(32).optional(),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const idParams = z.object({ id: z.uuid('申請編號格式錯誤') });
const decisionBody = z.object({
  decision: z.enum(['APPROVE', 'REJECT'], { error: '請選擇核准或駁回' }),
  comment: z.string().trim().max(1000, '審核意見最多 1000 字').optional(),
  grantOfficialMail: z.boolean().optional(),
});
const batchBody = decisionBody.omit({ grantOfficialMail: true }).extend({
  ids: z.array(z.uuid()).min(1, '請至少選擇一筆申請').max(100, '一次最多處理 100 筆'),
});

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
    authorize(actor, 'accountApplication.decide', { agencyId });
    if (body.decision === 'REJECT' && !body.comment)
      throw fail('VALIDATION_FAILED', '駁回時請填寫審核意見', { comment: '駁回時請填寫審核意見' });
    await decideApplication(deps, row.workflowId, {
      decision: body.decision,
      comment: body.comment,
      grantOfficialMail: body.grantOfficialMail,
      actor: { userId: actor.id, account: actor.account, name: actor.name },
    });
    // 帳號使用紀錄 of the approver.
    await prisma.usageRecord.create({
      data: {
        userId: actor.id,
        action: 'application.decide' satisfies UsageAction,
        target: `個人帳號申請（${row.account}）`,
        detail: { applicationId: id, decision: body.decision },
        ip: ip ?? null,
      },
    });
    return row;
  }

  router.get('/', async (req, res) => {
    authorize(req.actor, 'accountApplication.list');
    const query = listQuery.parse(req.query);
    const { total, rows } = await listInbox(prisma, req.actor, 'ACCOUNT_APPLICATION', query);
    res.json({
      total,
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
      status: row.status,
      statusLabel: request?.statusLabel ?? row.status,
      events: presentEvents(request?.events ?? []),
      allowedActions:
        row.status === 'PENDING'
          ? allowedActions(req.actor, ['accountApplication.decide'], { agencyId }).map(() => 'decide')
          : [],
      temporalUrl: temporal.workflowUrl(row.workflowId),
    });
  });

  router.post('/:id/decision', async (req, res) => {
    authorize(req.actor, 'accountApplication.list');
    const { id } = idParams.parse(req.params);
    const body = decisionBody.parse(req.body);
    await decideOne(req.actor, id, body, req.ip);
    const { row } = await load(id);
    res.json({ id, status: row.status });
  });

  router.post('/batch-decision', async (req, res) => {
    authorize(req.actor, 'accountApplication.list');
    const body = batchBody.parse(req.body);
    const results = await decideEach(body.ids, (id) =>
      decideOne(req.actor!, id, { decision: body.decision, comment: body.comment }, req.ip),
    );
    res.json({ results });
  });

  return router;
}
