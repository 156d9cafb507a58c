// Data hooks of the 連線測試 resource (POST/GET /api/console/connectivity-checks).
import { api } from '../../lib/api';
import type { ConnectivityCheck, StartedConnectivityCheck } from '../../lib/api/types';
import { useMutation, useResource } from '../../lib/data';
import { usePolledResource } from '../../lib/usePolledResource';

const BASE = '/api/console/connectivity-checks';
export const POLL_INTERVAL_MS = 1000;

/** The most recent runs; `reload` fetches them again. */
export function useConnectivityChecks(limit = 10) {
  const { data, loading, error, reload } = useResource<{ items: ConnectivityCheck[] }>(`${BASE}?limit=${limit}`);
  return { items: data?.items ?? [], loading, error, reload };
}

/** One run, polled every second while it is RUNNING (its results fill in as each check finishes). */
export function useConnectivityCheck(id: string | null) {
  const { value, error, refresh } = usePolledResource<ConnectivityCheck>(id ? `${BASE}/${encodeURIComponent(id)}` : null, {
    keepPolling: (check) => check.status === 'RUNNING',
    retryOnError: () => false,
    intervalMs: POLL_INTERVAL_MS,
  });
  return { check: id && value?.id === id ? value : null, error, retry: refresh };
}

/** Starts a run (system administrators only; the server answers 403 FORBIDDEN otherwise). */
export function useStartConnectivityCheck() {
  const { run, pending, error } = useMutation(() => api.post<StartedConnectivityCheck>(BASE));
  return { start: async () => (await run()) ?? null, pending, error };
}
