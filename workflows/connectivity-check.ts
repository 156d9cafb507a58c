import { proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { createConnectivityActivities } from '../activities/connectivity';
import type { createDbActivities } from '../activities/db';
import {
  CONNECTIVITY_TARGET_LABELS,
  CONNECTIVITY_TARGETS,
  getConnectivityStateQuery,
  type ConnectivityCheckInput,
  type ConnectivityCheckState,
  type ConnectivityResult,
  type ConnectivityTarget,
} from './connectivity-check.messages';
import { RequestStatusKey, requestSearchAttributes } from './search-attributes';

type Probes = ReturnType<typeof createConnectivityActivities>;
type Db = ReturnType<typeof createDbActivities>;

// A probe reports a failure as a result rather than throwing, so one retry is only for the worker
// losing the activity; its own timeout bounds a hung service.
const probes = proxyActivities<Probes>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 2 },
});
const db = proxyActivities<Db>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const PROBE_BY_TARGET: Record<ConnectivityTarget, keyof Probes> = {
  postgres: 'probePostgres',
  ad: 'probeAd',
  smtp: 'probeSmtp',
  sms: 'probeSms',
};

const STATUS_LABELS = { RUNNING: '測試中', COMPLETED: '已完成' } as const;

/**
 * 連線測試: checks PostgreSQL, AD, SMTP and SMS in parallel and records each result as it arrives.
 * A red check is an answer, not a failure: the workflow always completes.
 */
export async function connectivityCheck(input: ConnectivityCheckInput): Promise<ConnectivityCheckState> {
  const { workflowId } = workflowInfo();
  const state: ConnectivityCheckState = { status: 'RUNNING', results: [] };
  setHandler(getConnectivityStateQuery, () => state);
  upsertSearchAttributes(
    requestSearchAttributes({
      requestType: 'CONNECTIVITY_CHECK',
      agencyCode: input.agencyCode,
      applicantAccount: input.startedBy.account,
      status: 'RUNNING',
    }),
  );

  let seq = 0;
  await db.recordRequest({
    workflowId,
    type: 'CONNECTIVITY_CHECK',
    status: 'RUNNING',
    statusLabel: STATUS_LABELS.RUNNING,
    applicantAccount: input.startedBy.account,
    applicantName: input.startedBy.name,
    summary: { targets: [...CONNECTIVITY_TARGETS] },
  });
  await db.appendRequestEvent({
    workflowId,
    seq: ++seq,
    kind: 'STARTED',
    label: '開始連線測試',
    actorName: input.startedBy.name,
    data: {},
  });

  await Promise.all(
    CONNECTIVITY_TARGETS.map(async (target) => {
      const probe = await probes[PROBE_BY_TARGET[target]]();
      const result: ConnectivityResult = {
        target,
        label: CONNECTIVITY_TARGET_LABELS[target],
        ...probe,
        checkedAt: new Date().toISOString(),
      };
      state.results.push(result);
      await db.appendRequestEvent({
        workflowId,
        seq: ++seq,
        kind: 'CHECK_RESULT',
        label: `${result.label}：${result.ok ? '成功' : '失敗'}`,
        data: { ...result },
      });
    }),
  );

  state.status = 'COMPLETED';
  const failed = state.results.filter((r) => !r.ok).map((r) => r.target);
  upsertSearchAttributes([{ key: RequestStatusKey, value: 'COMPLETED' }]);
  await db.recordRequest({
    workflowId,
    type: 'CONNECTIVITY_CHECK',
    status: 'COMPLETED',
    statusLabel: failed.length ? `已完成（${failed.length} 項異常）` : '已完成（全部正常）',
    applicantAccount: input.startedBy.account,
    applicantName: input.startedBy.name,
    summary: { targets: [...CONNECTIVITY_TARGETS], failed },
  });
  await db.appendRequestEvent({
    workflowId,
    seq: ++seq,
    kind: 'COMPLETED',
    label: failed.length ? `測試完成，${failed.length} 項異常` : '測試完成，全部正常',
    data: { failed },
  });
  return state;
}
