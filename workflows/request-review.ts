import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { decisionCommentProblem } from '../domain/requests/decision';

export interface ReviewActor {
  userId: string;
  name: string;
}

export interface ReviewDecision {
  decision: 'APPROVE' | 'REJECT';
  actor: ReviewActor;
  comment?: string;
}

type ReviewParameter = 'request.reminderAfter' | 'request.expiryAfter';

/** The approver as the decision's timeline event records them. */
export interface DecisionEventActor {
  actorUserId: string;
  actorName: string;
  comment?: string;
}

type ReviewState<S extends string, D extends ReviewDecision> = { status: S; decidedBy?: D['actor'] & { at: string } };

/**
 * The approver's part of a reviewed request (復用, 機關管理者申請, 機關異動): one decision through the
 * `decide` update — refused once one is made, a comment required to reject, never on one's own request
 * — then a reminder to the approvers after request.reminderAfter and expiry after request.expiryAfter.
 *
 * The commands it issues (the parameters activity, then at most two timers) are those the three
 * workflows issued before they shared it, so their recorded histories replay unchanged.
 */
export function requestReview<S extends string, D extends ReviewDecision>(opts: {
  update: UpdateDefinition<ReviewState<S, D>, [D]>;
  state: ReviewState<S, D>;
  labels: Record<S, string>;
  applicantUserId: string;
}) {
  const { update, state, labels, applicantUserId } = opts;
  let decision: D | undefined;
  const decided = () => decision !== undefined;

  setHandler(
    update,
    async (input) => {
      decision = input;
      await condition(() => state.status !== 'PENDING');
      return state;
    },
    {
      validator: (input) => {
        if (state.status !== 'PENDING' || decision) {
          const by = decision ? `（${decision.actor.name}）` : '';
          throw ApplicationFailure.nonRetryable(`此申請已審核${by}，目前狀態：${labels[state.status]}`, 'RequestDecided');
        }
        const problem = decisionCommentProblem(input.decision, input.comment);
        if (problem) throw ApplicationFailure.nonRetryable(problem, 'CommentRequired');
        if (input.actor.userId === applicantUserId) {
          throw ApplicationFailure.nonRetryable('不可審核自己的申請', 'SelfDecision');
        }
      },
    },
  );

  return {
    /** Whether a decision arrived (e.g. while the request was still being set up). */
    decided,

    /**
     * Waits for the decision, reminding the approvers once; undefined when the request expired.
     * A decision records who made it in the state; `actor` is what its timeline event carries.
     */
    async awaitDecision({
      getSystemParameters,
      remind,
      event,
    }: {
      getSystemParameters: (keys: ReviewParameter[]) => Promise<Record<ReviewParameter, number>>;
      /** Mails the approvers again; the timeline then says so. */
      remind: () => Promise<unknown>;
      event: (kind: string, label: string) => Promise<void>;
    }): Promise<{ approved: boolean; reason: string; by: DecisionEventActor } | undefined> {
      const params = await getSystemParameters(['request.reminderAfter', 'request.expiryAfter']);
      const reminderAt = params['request.reminderAfter'];
      const expiryAt = Math.max(params['request.expiryAfter'], reminderAt);
      if (!(await condition(decided, reminderAt * 1000))) {
        await remind();
        await event('REMINDED', '已寄送審核提醒給機關管理者');
      }
      if (!decided() && !(await condition(decided, (expiryAt - reminderAt) * 1000))) return undefined;
      const d = decision!;
      state.decidedBy = { ...d.actor, at: new Date().toISOString() };
      const reason = d.comment?.trim() ?? '';
      return {
        approved: d.decision === 'APPROVE',
        reason,
        by: { actorUserId: d.actor.userId, actorName: d.actor.name, comment: reason || undefined },
      };
    },
  };
}
