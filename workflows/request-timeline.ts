import { upsertSearchAttributes } from '@temporalio/workflow';
import type { AppendRequestEventInput } from '../activities/db/activities';
import { RequestStatusKey } from './search-attributes';

export interface TimelineExtra<S extends string> {
  /** The request's new status: kept in the workflow state, the RequestStatus search attribute and the row. */
  status?: S;
  /** Instead of the status's usual label (e.g. a count, or 待審核（AD 停用中）). */
  statusLabel?: string;
  actorUserId?: string;
  actorName?: string;
  comment?: string;
  data?: Record<string, unknown>;
}

/**
 * A request's timeline (request_events) as its workflow writes it. The seq is workflow-local, so a
 * replay writes the same rows again (appendRequestEvent ignores a seq it already has).
 */
export function requestTimeline<S extends string>(opts: {
  workflowId: string;
  labels: Record<S, string>;
  state: { status: S };
  appendRequestEvent: (input: AppendRequestEventInput) => Promise<unknown>;
  /** Reviewed requests: the APPROVED/REJECTED event sets the row's decidedAt/decidedById. */
  decisions?: boolean;
  /** Where a continued-as-new run goes on counting. */
  seq?: number;
  /**
   * Upsert the RequestStatus search attribute only when an event changes the status (the workflow was
   * started with it, e.g. by startRequestWorkflow). By default every event with a status upserts it, as
   * the recorded histories of the workflows that do not say so expect.
   */
  statusAttributeOnChange?: boolean;
}) {
  const { workflowId, labels, state, appendRequestEvent, decisions, statusAttributeOnChange } = opts;
  let seq = opts.seq ?? 0;
  const event = async (kind: string, label: string, extra: TimelineExtra<S> = {}): Promise<void> => {
    const { status, statusLabel, ...rest } = extra;
    if (status) {
      const changed = status !== state.status;
      state.status = status;
      if (changed || !statusAttributeOnChange) upsertSearchAttributes([{ key: RequestStatusKey, value: status }]);
    }
    await appendRequestEvent({
      workflowId,
      seq: ++seq,
      kind,
      label,
      data: {},
      ...(rest as Omit<AppendRequestEventInput, 'workflowId' | 'seq' | 'kind' | 'label'>),
      ...(status
        ? {
            status,
            statusLabel: statusLabel ?? labels[status],
            ...(decisions ? { decided: kind === 'APPROVED' || kind === 'REJECTED' } : {}),
          }
        : {}),
    });
  };
  return { event, seq: () => seq };
}
