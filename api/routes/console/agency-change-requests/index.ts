import { Router } from 'express';
import { z } from 'zod';
import type { UsageAction } from '../../../../domain/usage-actions';
import { decideAgencyChange, type AgencyChangeDeps } from '../../../commands/agency-change';
import { fail } from '../../../errors';
import { allowedActions, authorize, type Actor } from '../../../policies';
import { presentEvents } from '../../../presenters/account-application';
import { decideEach } from '../batch';
import { listInbox } from '../inbox';

const listQuery = z.object({
  status: z.enum(['PENDING', 'DECIDED', 'ALL']).default('PENDING'),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const idParams = z.object({ id: z.string().trim().min(1, '申請編號格式錯誤').max(64, '申請編號格式錯誤') });
const decisionBody = z.object({
  decision: z.enum(['APPROVE', 'REJECT'], { error: '請選擇核准或駁回' }),
  comment: z.string().trim().max(1000, '審核意見最多 1000 字').optional(),
});
const REJECT_COMMENT = '駁回時請填寫審核意見';
const batchBody = decisionBody.extend({
  ids: z.array(z.string().min(1).max(64)).min(1, '請至少選擇一筆申請').max(100, '一次最多處理 100 筆'),
});

interface Summary {
  reason?: string;
  fromOrganizationPath?: string;
  fromAgencyName?: string;
  toOrganizationPath?: string;
  toAgencyName?: string;
}

const present = (r: {
  id: string;
  applicantAccount: string | null;
  applicantName: string | null;
  summary: unknown;
  createdAt: Date;
  status: string;
  statusLabel: string;
}) => {
  const s = r.summary as Summary;
  return {
    id: r.id,
    account: r.applicantAccount,
    name: r.applicantName,
    fromOrganizationPath: s.fromOrganizationPath ?? '',
    toOrganizationPath: s.toOrganizationPath ?? '',
    reason: s.reason ?? '',
    submittedAt: r.createdAt.toISOString(),
    status: r.status,
    statusLabel: r.statusLabel,
  };
};

/**
 * 管理主控台 › 帳號管理 › 機關異動審核: 機關(單位)異動申請 decided by the NEW agency's admins (the
 * request's agency), system admins any. The old agency's admins neither see nor decide them.
 */
export function agencyChangeReviewRoutes(deps: AgencyChangeDeps) {
  const { prisma, temporal } = deps;
  const router = Router();

  async function load(id: string) {
    const row = await prisma.request.findFirst({
      where: { id, type: 'AGENCY_CHANGE' },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    if (!row) throw fail('NOT_FOUND', '找不到此申請。');
    return row;
  }

  async function decideOne(actor: Actor, id: string, body: z.infer<typeof decisionBody>, ip: string | undefined) {
    const row = await load(id);
    authorize(actor, 'agencyChangeRequest.decide', row);
    if (body.decision === 'REJECT' && !body.comment) throw fail('VALIDATION_FAILED', REJECT_COMMENT, { comment: REJECT_COMMENT });
    if (row.status !== 'PENDING') throw fail('REQUEST_DECIDED', `此申請已審核，目前狀態：${row.statusLabel}`);
    const state = await decideAgencyChange(deps, row.workflowId, {
      decision: body.decision,
      comment: body.comment,
      actor: { userId: actor.id, account: actor.account, name: actor.name },
    });
    await prisma.usageRecord.create({
      data: {
        userId: actor.id,
        action: 'application.decide' satisfies UsageAction,
        target: `機關(單位)異動申請（${row.applicantAccount ?? ''}）`,
        detail: { requestId: id, decision: body.decision },
        ip: ip ?? null,
      },
    });
    return state;
  }

  router.get('/', async (req, res) => {
    authorize(req.actor, 'agencyChangeRequest.list');
    const { total, rows } = await listInbox(prisma, req.actor, 'AGENCY_CHANGE', listQuery.parse(req.query));
    res.json({ total, items: rows.map(present) });
  });

  router.get('/:id', async (req, res) => {
    const { id } = idParams.parse(req.params);
    const row = await load(id);
    authorize(req.actor, 'agencyChangeRequest.read', row);
    res.json({
      ...present(row),
      workflowId: row.workflowId,
      events: presentEvents(row.events),
      allowedActions:
        row.status === 'PENDING' && row.applicantUserId !== req.actor.id
          ? allowedActions(req.actor, ['agencyChangeRequest.decide'], row).map(() => 'decide')
          : [],
      temporalUrl: temporal.workflowUrl(row.workflowId),
    });
  });

  router.post('/:id/decision', async (req, res) => {
    authorize(req.actor, 'agencyChangeRequest.list');
    const { id } = idParams.parse(req.params);
    const state = await decideOne(req.actor, id, decisionBody.parse(req.body), req.ip);
    res.json({ id, status: state.status });
  });

  router.post('/batch-decision', async (req, res) => {
    authorize(req.actor, 'agencyChangeRequest.list');
    const body = batchBody.parse(req.body);
    // One comment goes to every selected request: ask for it once rather than fail each.
    if (body.decision === 'REJECT' && !body.comment) throw fail('VALIDATION_FAILED', REJECT_COMMENT, { comment: REJECT_COMMENT });
    const results = await decideEach(body.ids, (id) =>
      decideOne(req.actor!, id, { decision: body.decision, comment: body.comment }, req.ip),
    );
    res.json({ results });
  });

  return router;
}
