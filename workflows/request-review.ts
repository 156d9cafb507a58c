import { MAIL_STEP } from './activity-options';
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DelegationActivities } from '../activities/delegation';
import {
  decidesOwnRequest,
  deciderName,
  decisionCommentProblem,
  type DecisionActor,
  type DecisionInput,
  type ReturnableDecisionKind,
} from '../domain/requests/decision';

type ReviewParameter = 'request.reminderAfter' | 'request.escalationAfter' | 'request.expiryAfter';

/** The approver as the decision's timeline event records them (a deputy as 「王小明（代理 林怡君）」). */
export interface DecisionEventActor {
  actorUserId: string;
  actorName: string;
  comment?: string;
}

type ReviewState<S extends string> = { status: S; decidedBy?: DecisionActor & { at: string } };

const delegation = proxyActivities<DelegationActivities>(MAIL_STEP);

/**
 * The approver's part of every reviewed request (個人帳號申請, 復用, 機關管理者申請, 機關異動): one
 * decision through the `decide` update — refused once one is made, a comment required to reject (and,
 * where the process takes it, to return: 退回補正, after which `reopen` waits for the next decision),
 * never on one's own request (nor on the request of the approver one stands in for) — then a
 * reminder after request.reminderAfter, optionally an escalation after request.escalationAfter, and
 * expiry after request.expiryAfter. A deputy's decision (代理人設定) is mailed to the approver.
 *
 * The commands it issues (the parameters activity, then one timer per stage) are those the workflows
 * issued before they shared it, so their recorded histories replay unchanged; the approver's mail is
 * issued only after a deputy's decision, which no earlier version could receive.
 */
export function requestReview<S extends string, D extends DecisionInput<ReturnableDecisionKind>>(opts: {
  update: UpdateDefinition<ReviewState<S>, [D]>;
  state: ReviewState<S>;
  labels: Record<S, string>;
  /** Absent while the applicant has no account yet (個人帳號申請): nobody's own request then. */
  applicantUserId?: string;
  /** The refusal's type once decided (the API names the error after it); RequestDecided by default. */
  decidedType?: string;
  /**
   * Work inside the approver's update before the decision counts (e.g. reserving the account name of an
   * approval). Its failure refuses the decision with the failure's zh-TW message; meanwhile a second
   * decision is refused as already decided.
   */
  accept?: (input: D) => Promise<void>;
  /**
   * 退回補正 is a decision too (應用系統服務介接申請): the caller sets the status it leads to, waits for
   * the applicant's correction and then `reopen`s the review. Refused unless the process says so.
   */
  returns?: boolean;
}) {
  const { update, state, labels, applicantUserId, accept, returns } = opts;
  const decidedType = opts.decidedType ?? 'RequestDecided';
  let decision: D | undefined;
  let accepting = false;
  const decided = () => decision !== undefined;

  setHandler(
    update,
    async (input) => {
      if (accept) {
        accepting = true;
        try {
          await accept(input);
        } catch (error) {
          const cause = (error as { cause?: { message?: string; type?: string } }).cause;
          throw ApplicationFailure.nonRetryable(cause?.message ?? '核准失敗，請稍後再試', cause?.type ?? 'ApproveFailed');
        } finally {
          accepting = false;
        }
      }
      decision = input;
      // Answer the approver with the state their decision led to (e.g. 已駁回 / 帳號建立中).
      await condition(() => state.status !== 'PENDING');
      return state;
    },
    {
      validator: (input) => {
        if (!open()) {
          const by = decision ? `（${deciderName(decision.actor)}）` : '';
          throw ApplicationFailure.nonRetryable(`此申請已審核${by}，目前狀態：${labels[state.status]}`, decidedType);
        }
        if (input.decision === 'RETURN' && !returns) {
          throw ApplicationFailure.nonRetryable('此申請不可退回補正', 'ReturnNotAllowed');
        }
        const problem = decisionCommentProblem(input.decision, input.comment);
        if (problem) throw ApplicationFailure.nonRetryable(problem, 'CommentRequired');
        if (decidesOwnRequest(input.actor, applicantUserId)) {
          throw ApplicationFailure.nonRetryable('不可審核自己的申請', 'SelfDecision');
        }
      },
    },
  );

  /** Still waiting for its decision: nothing decided, nor being decided. */
  function open() {
    return state.status === 'PENDING' && !decision && !accepting;
  }

  return {
    /** Whether a decision arrived (e.g. while the request was still being set up). */
    decided,
    open,

    /**
     * After 退回補正 and the applicant's correction (the caller has set the status back to PENDING): the
     * review waits for a new decision, with the same rules, from the start.
     */
    reopen() {
      decision = undefined;
    },

    /**
     * Waits for the decision: reminds the approvers once, escalates once when `escalate` is given, and
     * answers undefined when the request expired. A decision records who made it in the state; `by` is
     * what its timeline event carries. Each stage is measured from when the wait began.
     */
    async awaitDecision({
      getSystemParameters,
      remind,
      escalate,
      event,
      deadline,
      stop,
    }: {
      getSystemParameters: (keys: ReviewParameter[]) => Promise<Partial<Record<ReviewParameter, number>>>;
      /** Mails the approvers again; the timeline then says so. */
      remind: () => Promise<unknown>;
      /** Hands the request to the next approvers (e.g. the system admins); writes its own timeline row. */
      escalate?: () => Promise<void>;
      event: (kind: string, label: string) => Promise<unknown>;
      /**
       * When the request lapses instead of request.expiryAfter (a booking: when its slot starts); the
       * reminder then goes out at request.reminderAfter or half-way there, whichever comes first.
       */
      deadline?: Date;
      /** Ends the wait early with no decision (e.g. the applicant cancelled); the caller knows why. */
      stop?: () => boolean;
    }): Promise<{ approved: boolean; returned: boolean; reason: string; by: DecisionEventActor; decision: D } | undefined> {
      const keys: ReviewParameter[] = escalate
        ? ['request.reminderAfter', 'request.escalationAfter', 'request.expiryAfter']
        : ['request.reminderAfter', 'request.expiryAfter'];
      const params = await getSystemParameters(keys);
      const untilDeadline = deadline ? Math.max(0, (deadline.getTime() - Date.now()) / 1000) : undefined;
      const reminderAt =
        untilDeadline === undefined
          ? params['request.reminderAfter']!
          : Math.min(params['request.reminderAfter']!, untilDeadline / 2);
      const escalationAt = escalate ? Math.max(params['request.escalationAfter']!, reminderAt) : reminderAt;
      const expiryAt = Math.max(untilDeadline ?? params['request.expiryAfter']!, escalationAt);
      const settled = stop ? () => decided() || stop() : decided;
      if (!(await condition(settled, reminderAt * 1000))) {
        await remind();
        await event('REMINDED', deadline ? '已寄送審核提醒給保管人' : '已寄送審核提醒給機關管理者');
      }
      if (escalate && !settled() && !(await condition(settled, (escalationAt - reminderAt) * 1000))) await escalate();
      if (!settled() && !(await condition(settled, (expiryAt - escalationAt) * 1000))) return undefined;
      if (!decided()) return undefined;
      const d = decision!;
      const at = new Date().toISOString();
      state.decidedBy = { ...d.actor, at };
      const reason = d.comment?.trim() ?? '';
      if (d.actor.onBehalfOf) {
        await delegation.notifyDelegatedDecision({
          workflowId: workflowInfo().workflowId,
          principalUserId: d.actor.onBehalfOf.userId,
          deputyName: d.actor.name,
          decision: d.decision,
          decidedAt: at,
        });
      }
      return {
        approved: d.decision === 'APPROVE',
        returned: d.decision === 'RETURN',
        reason,
        by: { actorUserId: d.actor.userId, actorName: deciderName(d.actor), comment: reason || undefined },
        decision: d,
      };
    },
  };
}
