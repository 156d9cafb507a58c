// Data hooks of the 連線測試 resource (POST/GET /api/console/connectivity-checks).
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../../lib/api';
import type { ConnectivityCheck, StartedConnectivityCheck } from '../../lib/api/types';

const BASE = '/api/console/connectivity-checks';
export const POLL_INTERVAL_MS = 1000;

/** The most recent runs; `reload` fetches them again. */
export function useConnectivityChecks(limit = 10) {
  const [items, setItems] = useState<ConnectivityCheck[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.get<{ items: ConnectivityCheck[] }>(`${BASE}?limit=${limit}`, { signal: controller.signal }).then(
      (body) => {
        setItems(body.items);
        setError(null);
        setLoading(false);
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(errorMessage(cause));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [limit, version]);

  const reload = useCallback(() => {
    setLoading(true);
    setVersion((value) => value + 1);
  }, []);

  return { items, loading, error, reload };
}

interface Fetched<T> {
  /** Which id and attempt the value belongs to, so a stale value is never shown for another run. */
  key: string;
  value: T;
}

/** One run, polled every second while it is RUNNING (its results fill in as each check finishes). */
export function useConnectivityCheck(id: string | null) {
  const [attempt, setAttempt] = useState(0);
  const [check, setCheck] = useState<Fetched<ConnectivityCheck> | null>(null);
  const [error, setError] = useState<Fetched<string> | null>(null);
  const key = `${id}#${attempt}`;

  useEffect(() => {
    if (!id) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const poll = () => {
      api.get<ConnectivityCheck>(`${BASE}/${encodeURIComponent(id)}`, { signal: controller.signal }).then(
        (next) => {
          setCheck({ key, value: next });
          setError(null);
          if (next.status === 'RUNNING') timer = setTimeout(poll, POLL_INTERVAL_MS);
        },
        (cause: unknown) => {
          if (!controller.signal.aborted) setError({ key, value: errorMessage(cause) });
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [id, key]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return {
    check: id && check?.value.id === id ? check.value : null,
    error: error?.key === key ? error.value : null,
    retry,
  };
}

/** Starts a run (system administrators only; the server answers 403 FORBIDDEN otherwise). */
export function useStartConnectivityCheck() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = useCallback(async (): Promise<StartedConnectivityCheck | null> => {
    setPending(true);
    setError(null);
    try {
      return await api.post<StartedConnectivityCheck>(BASE);
    } catch (cause) {
      setError(errorMessage(cause));
      return null;
    } finally {
      setPending(false);
    }
  }, []);

  return { start, pending, error };
}
