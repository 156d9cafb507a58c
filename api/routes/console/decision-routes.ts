import type { Router } from 'express';
import { z } from 'zod';
import { decisionCommentProblem, type ReturnableDecisionKind } from '../../../domain/requests/decision';
import { decisionSchema } from '../../../domain/schemas/decision';
import { fail } from '../../errors';
import { authorize, type Action, type Actor } from '../../policies';
import { authorized, body } from '../../request-body';
import { decideEach } from './batch';

export const decisionBody = decisionSchema;
export type Decision = z.infer<typeof decisionBody>;
/** A decision of any inbox: 核准 / 駁回 with the comment — or 退回補正 where an inbox's `decisionBody` takes it. */
export type AnyDecision = { decision: ReturnableDecisionKind; comment?: string };

/** The ids of a 批次核准/駁回 (checked one by one later, so only their shape here). */
export const batchIds = (id: z.ZodType<string> = z.string().min(1).max(64)) =>
  z.array(id).min(1, '請至少選擇一筆申請').max(100, '一次最多處理 100 筆');

/** A rejection (or a return for correction) tells the applicant why, so it needs a comment. */
export function requireRejectComment(body: AnyDecision) {
  const problem = decisionCommentProblem(body.decision, body.comment);
  if (problem) throw fail('VALIDATION_FAILED', problem, { comment: problem });
}

export interface DecisionRoutes<B extends AnyDecision, R, L = never> {
  /** Checked first on both routes (any admin); each item is then authorised by `decide` itself. */
  listAction: Action;
  idParams: z.ZodType<{ id: string }>;
  body: z.ZodType<B>;
  batchIds: z.ZodType<string[]>;
  /**
   * One item: authorise, apply and record it; what it returns goes to `statusOf`. In a batch it gets
   * what `loadBatch` read of its id, if anything.
   */
  decide: (actor: Actor, id: string, body: B, ip: string | undefined, loaded?: L) => Promise<R>;
  /** Reads what `decide` needs of every id of a batch at once (one query rather than one per id). */
  loadBatch?: (ids: readonly string[]) => Promise<Map<string, L>>;
  statusOf: (id: string, decided: R) => string | Promise<string>;
  /** One comment goes to every selected request: ask for it once rather than fail each. */
  batchNeedsRejectComment?: boolean;
  /** How many items of a batch are decided at once (1, in order, unless they are independent). */
  batchConcurrency?: number;
}

/** `POST /:id/decision` and `POST /batch-decision` (the batch takes only 核准/駁回 and the comment). */
export function mountDecisionRoutes<B extends AnyDecision, R, L = never>(router: Router, o: DecisionRoutes<B, R, L>) {
  const one = body(o.body);
  const batch = body(decisionBody.extend({ ids: o.batchIds }));

  router.post('/:id/decision', authorized(o.listAction), one, async (req, res) => {
    authorize(req.actor, o.listAction);
    const { id } = o.idParams.parse(req.params);
    const decided = await o.decide(req.actor, id, one.of(req), req.ip);
    res.json({ id, status: await o.statusOf(id, decided) });
  });

  router.post('/batch-decision', authorized(o.listAction), batch, async (req, res) => {
    authorize(req.actor, o.listAction);
    const input = batch.of(req);
    if (o.batchNeedsRejectComment) requireRejectComment(input);
    const loaded = await o.loadBatch?.(input.ids);
    const results = await decideEach(
      input.ids,
      (id) => o.decide(req.actor!, id, { decision: input.decision, comment: input.comment } as B, req.ip, loaded?.get(id)),
      o.batchConcurrency,
    );
    res.json({ results });
  });
}
