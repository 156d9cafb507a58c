// Data hooks of 帳號同步狀態 and 同步比對 (/api/console/ad-sync).
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../../lib/api';
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
export function useResource<T>(path: string | null, keepPolling: (value: T) => boolean = () => false) {
  const [state, setState] = useState<{ path: string | null; value: T | null; error: string | null }>({
    path: null,
    value: null,
    error: null,
  });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!path) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api.get<T>(path, { signal: controller.signal }).then(
        (value) => {
          setState({ path, value, error: null });
          if (keepPolling(value)) timer = setTimeout(poll, POLL_MS);
        },
        (cause: unknown) => {
          if (!controller.signal.aborted) setState((s) => ({ ...s, path, error: errorMessage(cause) }));
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // keepPolling is a policy, not data: a new function identity must not restart the poll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    value: state.path === path ? state.value : null,
    error: state.path === path ? state.error : null,
    loading: path !== null && state.path !== path,
    reload,
  };
}

/** A POST with pending/error state (the server's zh-TW message on refusal, and its open request link). */
export function useAction<A extends unknown[], R>(send: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; openUrl: string | null } | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | null> => {
      setPending(true);
      setError(null);
      try {
        return await send(...args);
      } catch (cause) {
        const details = (cause as { details?: { openRequest?: { url?: string } } }).details;
        setError({ message: errorMessage(cause), openUrl: details?.openRequest?.url ?? null });
        return null;
      } finally {
        setPending(false);
      }
    },
    [send],
  );
  return { run, pending, error, clearError: () => setError(null) };
}
