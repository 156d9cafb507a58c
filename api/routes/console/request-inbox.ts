import type { Prisma, PrismaClient, RequestType } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import type { DecisionActor } from '../../../domain/requests/decision';
import type { UsageAction } from '../../../domain/usage-actions';
import { fail } from '../../errors';
import { authorized } from '../../request-body';
import { authorize, canDecide, decidingActor, type Action, type Actor, type Custodied } from '../../policies';
import { presentEvents } from '../../presenters/account-application';
import { requestOfType, requestOfWorkflow, requestsOfType, requestStatus } from '../../queries/requests';
import type { Temporal } from '../../temporal';
import {
  batchIds,
  decisionBody,
  mountDecisionRoutes,
  requireRejectComment,
  type AnyDecision,
  type Decision,
} from './decision-routes';
import { recordUsage } from '../../commands/usage';
import { inboxCursor, listInbox, type InboxQuery, type InboxScope } from '../../queries/inbox';

/** 待審核/已審核, applicant search and paging (a page number, or the cursor of a neighbouring page) of a console inbox. */
export const inboxListQuery = z.object({
  status: z.enum(['PENDING', 'DECIDED', 'ALL']).default('PENDING'),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  after: inboxCursor.optional(),
  before: inboxCursor.optional(),
});

const requestId = z.string().trim().min(1, '申請編號格式錯誤').max(64, '申請編號格式錯誤');

export type InboxRow = Prisma.RequestGetPayload<{ include: { agency: { select: { code: true; name: true } } } }>;
type RequestWithEvents = NonNullable<Awaited<ReturnType<typeof requestOfWorkflow>>>;
type RequestWithAgencyAndEvents = NonNullable<Awaited<ReturnType<typeof requestOfType>>>;

/** What an inbox address names, loaded for the policy, the decision and the detail page. */
export interface InboxSubject extends Custodied {
  workflowId: string;
  /** The applicant's user, when they have one (an approver never decides their own). */
  applicantUserId?: string | null;
  applicantAccount: string | null;
  /** Its status: a decision is offered while it and its request row say PENDING; the batch reports it. */
  status: string;
  /** Its request row with the timeline, when the subject is that row (else read by the detail page). */
  request?: RequestWithEvents;
  /** The label of a request the inbox refuses to decide itself (already decided), before asking the workflow. */
  decidedLabel?: string;
  /** The detail page's own fields; status, timeline and actions follow. */
  detail: () => object | Promise<object>;
}

export interface RequestInbox<B extends AnyDecision = Decision> {
  type: RequestType;
  actions: { list: Action; read: Action; decide: Action };
  /** The request's own fields (from its summary) both the list and the detail page show. */
  fields: (summary: Record<string, unknown>) => object;
  /** Whether the list and detail show the request's agency (the 機關異動 inbox never did). */
  showAgency?: boolean;
  /** The decision's body when it takes more than 核准/駁回 and the comment (帳號申請: 是否核發公務郵件). */
  decisionBody?: z.ZodType<B>;
  /** The decide update of the request's workflow (refusals already mapped to API errors). */
  decide: (workflowId: string, input: B & { actor: DecisionActor }) => Promise<{ status: string }>;
  /** What the reviewer's 帳號使用紀錄 names, e.g. 機關管理者申請 (followed by the applicant account). */
  usageTarget: string;
  listQuery?: z.ZodType<InboxQuery, unknown>;
  /** 'custody': the booking inboxes also list what the actor holds as 保管人 (agency admins: their agency's). */
  scope?: InboxScope;
  batchNeedsRejectComment?: boolean;
  /** More of the detail, read when it is opened (場地借用審核: the competing requests for the same time). */
  moreDetail?: (subject: InboxSubject) => Promise<object>;
  /**
   * 批次核准/駁回 decides this many at once: only for requests whose decisions touch nothing shared
   * (each waits for its workflow and then its read-model row, so one at a time a batch of 100 is slow).
   */
  batchConcurrency?: number;
  /** More actions the detail offers beside the decision (a booking's 取消借用 once approved), by name. */
  moreActions?: (actor: Actor, subject: InboxSubject, request: { status: string; summary: unknown } | null) => string[];
  /**
   * When the inbox's address names the process's own row instead of the request row (帳號申請審核: the
   * application's uuid). Its status, not the workflow's answer, says where a decision left it.
   */
  subject?: {
    id: z.ZodType<string>;
    /** An id of 批次核准/駁回. */
    batchId: z.ZodType<string>;
    /** The id a list row links to (from the request's summary). */
    idOf: (row: InboxRow) => string;
    /** The row by id; 404 when there is none. */
    load: (id: string) => Promise<InboxSubject>;
    /** What the usage record calls the id (its detail's key). */
    idName: string;
  };
}

/** How long a decision waits for its read-model row before answering anyway. */
const READ_MODEL_WAIT_MS = 5_000;

/**
 * A console inbox over the Request read model (帳號申請審核, 機關管理者申請, 復用申請, 機關異動 審核):
 * list, detail and decisions. The request's agency admins read and decide it (never their own),
 * system admins any.
 */
export function requestInboxRoutes<B extends AnyDecision = Decision>(
  deps: { prisma: PrismaClient; temporal: Temporal },
  inbox: RequestInbox<B>,
) {
  const { prisma, temporal } = deps;
  const { actions, subject } = inbox;
  const listQuery = inbox.listQuery ?? inboxListQuery;
  const idParams = z.object({ id: subject?.id ?? requestId });
  const router = Router();

  const present = (r: InboxRow) => ({
    id: subject ? subject.idOf(r) : r.id,
    account: r.applicantAccount,
    name: r.applicantName,
    ...(inbox.showAgency === false ? {} : { agency: r.agency }),
    ...inbox.fields(r.summary as Record<string, unknown>),
    submittedAt: r.createdAt.toISOString(),
    status: r.status,
    statusLabel: r.statusLabel,
  });

  async function loadRequest(id: string): Promise<InboxSubject> {
    const row = await requestOfType(prisma, inbox.type, id);
    if (!row) throw fail('NOT_FOUND', '找不到此申請。');
    return subjectOf(row);
  }

  function subjectOf(row: RequestWithAgencyAndEvents): InboxSubject {
    return {
      workflowId: row.workflowId,
      agencyId: row.agencyId,
      ...(row.resource ? { custodianIds: [row.resource.custodian1Id, row.resource.custodian2Id] } : {}),
      applicantUserId: row.applicantUserId,
      applicantAccount: row.applicantAccount,
      status: row.status,
      request: row,
      decidedLabel: row.status === 'PENDING' ? undefined : row.statusLabel,
      detail: () => present(row),
    };
  }

  const load = subject?.load ?? loadRequest;

  /**
   * The workflow answers the decision as soon as it has taken it; its read-model row follows a moment
   * later. Waiting for the row (briefly) means the page the approver reloads next already shows it.
   */
  async function untilDecidedInReadModel(workflowId: string) {
    const deadline = Date.now() + READ_MODEL_WAIT_MS;
    while (Date.now() < deadline) {
      if ((await requestStatus(prisma, workflowId)) !== 'PENDING') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * One decision (alone or of a batch): authorised, passed to the workflow as `actor`, recorded. A batch
   * over the request rows has read them all at once (`loaded`); an id it did not find is read here.
   */
  async function decideOne(actor: Actor, id: string, body: B, ip: string | undefined, loaded?: InboxSubject) {
    const s = loaded ?? (await load(id));
    // The approver's own authority, or that of the approver they stand in for (代理人設定).
    const approver = decidingActor(actor, actions.decide, s);
    requireRejectComment(body);
    if (s.decidedLabel !== undefined) throw fail('REQUEST_DECIDED', `此申請已審核，目前狀態：${s.decidedLabel}`);
    const state = await inbox.decide(s.workflowId, { ...body, actor: approver });
    await untilDecidedInReadModel(s.workflowId);
    await recordUsage(prisma, {
      userId: actor.id,
      action: 'application.decide' satisfies UsageAction,
      target: `${inbox.usageTarget}（${s.applicantAccount ?? ''}）`,
      detail: {
        [subject?.idName ?? 'requestId']: id,
        decision: body.decision,
        ...(approver.onBehalfOf ? { onBehalfOf: approver.onBehalfOf.account } : {}),
      },
      ip: ip ?? null,
    });
    return state;
  }

  router.get('/', async (req, res) => {
    authorize(req.actor, actions.list);
    const { rows, ...paging } = await listInbox(prisma, req.actor, inbox.type, listQuery.parse(req.query), inbox.scope);
    res.json({ ...paging, items: rows.map(present) });
  });

  // Any admin passes (as for the decisions); the request's agency is checked once it is loaded.
  router.get('/:id', authorized(actions.list), async (req, res) => {
    const { id } = idParams.parse(req.params);
    const s = await load(id);
    authorize(req.actor, actions.read, s);
    // Status and its words from one row, written together: a process's own row is updated a moment
    // before its request row, and a page that read one from each showed 帳號建立中 while the status
    // already said 待開通帳號 — and stopped following it.
    const request = s.request ?? (await requestOfWorkflow(prisma, s.workflowId));
    const status = request?.status ?? s.status;
    res.json({
      ...(await s.detail()),
      ...(await inbox.moreDetail?.(s)),
      workflowId: s.workflowId,
      status,
      statusLabel: request?.statusLabel ?? s.status,
      events: presentEvents(request?.events ?? []),
      allowedActions: [
        ...(s.status === 'PENDING' && status === 'PENDING' && canDecide(req.actor, actions.decide, s) ? ['decide'] : []),
        ...(inbox.moreActions?.(req.actor, s, request ?? null) ?? []),
      ],
      temporalUrl: temporal.workflowUrl(s.workflowId),
    });
  });

  mountDecisionRoutes(router, {
    listAction: actions.list,
    idParams,
    body: inbox.decisionBody ?? (decisionBody as z.ZodType<B>),
    batchIds: batchIds(subject?.batchId),
    decide: decideOne,
    loadBatch: subject
      ? undefined
      : async (ids) => new Map((await requestsOfType(prisma, inbox.type, ids)).map((row) => [row.id, subjectOf(row)])),
    statusOf: async (id, state) => (subject ? (await subject.load(id)).status : state.status),
    batchNeedsRejectComment: inbox.batchNeedsRejectComment,
    batchConcurrency: inbox.batchConcurrency,
  });

  return router;
}
