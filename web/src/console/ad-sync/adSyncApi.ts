// Data hooks of 帳號同步狀態 and 同步比對 (/api/console/ad-sync).
import { api } from '../../lib/api';
import { useMutation } from '../../lib/data';
import { usePolledResource } from '../../lib/usePolledResource';
import type { AdReconcileStatus, ReconcileProgress } from '../../../../domain/requests/ad-reconcile';

export type { ReconcileProgress };

export const AD_SYNC_BASE = '/api/console/ad-sync';
export const POLL_MS = 1000;

export interface TimelineEvent {
  seq: number;
  kind: string;
  label: string;
  actorName: string | null;
  at: string;
}

export interface SyncUserRow {
  id: string;
  account: string;
  name: string;
  organizationPath: string;
  statusLabel: string;
  adSyncStatus: 'PENDING' | 'SYNCED' | 'FAILED';
  adSyncStatusLabel: string;
  adSyncedAt: string | null;
  adLastError: string | null;
  openSync: string | null;
}

export interface Started {
  workflowId: string;
  requestUrl: string;
  temporalUrl: string;
}

export interface UserSync {
  workflowId: string;
  account: string;
  name: string;
  status: 'SYNCING' | 'SYNCED' | 'FAILED';
  statusLabel: string;
  events: TimelineEvent[];
  temporalUrl: string;
}

export interface ReconcileRun {
  workflowId: string;
  status: AdReconcileStatus;
  statusLabel: string;
  startedBy: string | null;
  createdAt: string;
  progress: ReconcileProgress | null;
  temporalUrl: string;
  events?: TimelineEvent[];
}

export interface DriftRow {
  id: string;
  account: string;
  kind: string;
  kindLabel: string;
  field: string | null;
  dbValue: string | null;
  adValue: string | null;
  detectedAt: string;
  repairedAt: string | null;
  repairedByName: string | null;
  repairError: string | null;
  repairable: boolean;
}

export interface Page<T> {
  total: number;
  items: T[];
}

/** GET `path` (null = nothing); polls every second while `keepPolling(value)`; `reload` fetches again. */
export function useAdSyncResource<T>(path: string | null, keepPolling: (value: T) => boolean = () => false) {
  const { value, error, loading, refresh } = usePolledResource<T>(path, {
    keepPolling,
    retryOnError: () => false,
    intervalMs: POLL_MS,
  });
  return { value, error, loading, reload: refresh };
}

/** A POST with pending/error state (the server's zh-TW message on refusal, and its open request link). */
export function useAction<A extends unknown[], R>(send: (...args: A) => Promise<R>) {
  const { run, pending, error, cause, reset } = useMutation(send);
  const details = (cause as { details?: { openRequest?: { url?: string } } } | undefined)?.details;
  return {
    run: async (...args: A): Promise<R | null> => (await run(...args)) ?? null,
    pending,
    error: error === null ? null : { message: error, openUrl: details?.openRequest?.url ?? null },
    clearError: reset,
  };
}

export const adSyncApi = {
  startReconcile: () => api.post<Started>(`${AD_SYNC_BASE}/reconciles`),
  repair: (runId: string, driftIds?: string[]) =>
    api.post(`${AD_SYNC_BASE}/reconciles/${encodeURIComponent(runId)}/repair`, driftIds ? { driftIds } : {}),
  syncUser: (userId: string) => api.post<Started>(`${AD_SYNC_BASE}/users/${encodeURIComponent(userId)}/sync`),
};
