import type { Prisma, PrismaClient, RequestType } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import type { DecisionActor } from '../../../domain/requests/decision';
import type { UsageAction } from '../../../domain/usage-actions';
import { fail } from '../../errors';
import { allowedActions, authorize, decidingActor, type Action, type Actor } from '../../policies';
import { presentEvents } from '../../presenters/account-application';
import type { Temporal } from '../../temporal';
import { batchIds, decisionBody, mountDecisionRoutes, requireRejectComment, type Decision } from './decision-routes';
import { recordUsage } from '../../commands/usage';
import { inboxCursor, listInbox } from './inbox';

/** 待審核/已審核, applicant search and paging (a page number, or the cursor of a neighbouring page) of a console inbox. */
export const inboxListQuery = z.object({
  status: z.enum(['PENDING', 'DECIDED', 'ALL']).default('PENDING'),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  after: inboxCursor.optional(),
  before: inboxCursor.optional(),
});

const idParams = z.object({ id: z.string().trim().min(1, '申請編號格式錯誤').max(64, '申請編號格式錯誤') });

const withAgencyAndEvents = {
  agency: { select: { code: true, name: true } },
  events: { orderBy: { seq: 'asc' } },
} satisfies Prisma.RequestInclude;
type InboxRow = Prisma.RequestGetPayload<{ include: { agency: { select: { code: true; name: true } } } }>;

interface RequestInbox {
  type: RequestType;
  actions: { list: Action; read: Action; decide: Action };
  /** The request's own fields (from its summary) both the list and the detail page show. */
  fields: (summary: Record<string, unknown>) => object;
  /** Whether the list and detail show the request's agency (the 機關異動 inbox never did). */
  showAgency?: boolean;
  /** The decide update of the request's workflow (refusals already mapped to API errors). */
  decide: (workflowId: string, input: Decision & { actor: DecisionActor }) => Promise<{ status: string }>;
  /** What the reviewer's 帳號使用紀錄 names, e.g. 機關管理者申請 (followed by the applicant account). */
  usageTarget: string;
  listQuery?: typeof inboxListQuery;
  batchNeedsRejectComment?: boolean;
}

/** How long a decision waits for its read-model row before answering anyway. */
const READ_MODEL_WAIT_MS = 5_000;

/**
 * A console inbox over the Request read model (機關管理者申請, 復用申請, 機關異動 審核): list, detail
 * and decisions. The request's agency admins read and decide it (never their own), system admins any.
 */
export function requestInboxRoutes(deps: { prisma: PrismaClient; temporal: Temporal }, inbox: RequestInbox) {
  const { prisma, temporal } = deps;
  const { actions } = inbox;
  const listQuery = inbox.listQuery ?? inboxListQuery;
  const router = Router();

  const present = (r: InboxRow) => ({
    id: r.id,
    account: r.applicantAccount,
    name: r.applicantName,
    ...(inbox.showAgency === false ? {} : { agency: r.agency }),
    ...inbox.fields(r.summary as Record<string, unknown>),
    submittedAt: r.createdAt.toISOString(),
    status: r.status,
    statusLabel: r.statusLabel,
  });

  async function load(id: string) {
    const row = await prisma.request.findFirst({ where: { id, type: inbox.type }, include: withAgencyAndEvents });
    if (!row) throw fail('NOT_FOUND', '找不到此申請。');
    return row;
  }

  /**
   * The workflow answers the decision as soon as it has taken it; its read-model row follows a moment
   * later. Waiting for the row (briefly) means the page the approver reloads next already shows it.
   */
  async function untilDecidedInReadModel(id: string) {
    const deadline = Date.now() + READ_MODEL_WAIT_MS;
    while (Date.now() < deadline) {
      const row = await prisma.request.findUnique({ where: { id }, select: { status: true } });
      if (row?.status !== 'PENDING') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function decideOne(actor: Actor, id: string, body: Decision, ip: string | undefined) {
    const row = await load(id);
    // The approver's own authority, or that of the approver they stand in for (代理人設定).
    const decider = decidingActor(actor, actions.decide, row);
    requireRejectComment(body);
    if (row.status !== 'PENDING') throw fail('REQUEST_DECIDED', `此申請已審核，目前狀態：${row.statusLabel}`);
    const state = await inbox.decide(row.workflowId, { decision: body.decision, comment: body.comment, actor: decider });
    await untilDecidedInReadModel(id);
    await recordUsage(prisma, {
      userId: actor.id,
      action: 'application.decide' satisfies UsageAction,
      target: `${inbox.usageTarget}（${row.applicantAccount ?? ''}）`,
      detail: {
        requestId: id,
        decision: body.decision,
        ...(decider.onBehalfOf ? { onBehalfOf: decider.onBehalfOf.account } : {}),
      },
      ip: ip ?? null,
    });
    return state;
  }

  router.get('/', async (req, res) => {
    authorize(req.actor, actions.list);
    const { rows, ...paging } = await listInbox(prisma, req.actor, inbox.type, listQuery.parse(req.query));
    res.json({ ...paging, items: rows.map(present) });
  });

  router.get('/:id', async (req, res) => {
    const { id } = idParams.parse(req.params);
    const row = await load(id);
    authorize(req.actor, actions.read, row);
    res.json({
      ...present(row),
      workflowId: row.workflowId,
      events: presentEvents(row.events),
      allowedActions:
        row.status === 'PENDING' && row.applicantUserId !== req.actor.id
          ? allowedActions(req.actor, [actions.decide], row).map(() => 'decide')
          : [],
      temporalUrl: temporal.workflowUrl(row.workflowId),
    });
  });

  mountDecisionRoutes(router, {
    listAction: actions.list,
    idParams,
    body: decisionBody,
    batchIds: batchIds(),
    decide: decideOne,
    statusOf: (_id, state) => state.status,
    batchNeedsRejectComment: inbox.batchNeedsRejectComment,
  });

  return router;
}
