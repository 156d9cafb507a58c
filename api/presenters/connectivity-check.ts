import type { ConnectivityResult } from '../../workflows/connectivity-check.messages';

interface RequestRow {
  id: string;
  workflowId: string;
  status: string;
  createdAt: Date;
  applicantAccount: string | null;
  applicantName: string | null;
  events: { kind: string; data: unknown; at: Date }[];
}

export function presentConnectivityCheck(row: RequestRow, workflowUrl: (id: string) => string) {
  const results = row.events.filter((e) => e.kind === 'CHECK_RESULT').map((e) => e.data as ConnectivityResult);
  const completed = row.events.find((e) => e.kind === 'COMPLETED');
  return {
    id: row.id,
    workflowId: row.workflowId,
    status: row.status === 'COMPLETED' ? 'COMPLETED' : row.status === 'FAILED' ? 'FAILED' : 'RUNNING',
    startedAt: row.createdAt.toISOString(),
    completedAt: completed ? completed.at.toISOString() : null,
    startedBy: { account: row.applicantAccount ?? '', name: row.applicantName ?? '' },
    results: results.map(({ target, label, ok, message, latencyMs, checkedAt }) => ({
      target,
      label,
      ok,
      message,
      latencyMs,
      checkedAt,
    })),
    temporalUrl: workflowUrl(row.workflowId),
  };
}
