import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../lib/api';
import type { ApplicationStatusView, MyApplication } from '../../lib/api';
import { fetchApplicationStatus, fetchMyApplications } from '../api';

interface Fetched<T> {
  /** Which request the value answers, so a stale answer is never shown for another. */
  key: string;
  value?: T;
  error?: ApiError | Error;
}

function asError(cause: unknown): ApiError | Error {
  return cause instanceof ApiError || cause instanceof Error ? cause : new Error(errorMessage(cause));
}

/**
 * GET /api/account-applications/:id/status, by the mailed link's key or by a STATUS verification
 * token (whichever is given; nothing is fetched while neither is).
 */
export function useApplicationStatus(id: string | undefined, key: string | null, token: string | null) {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Fetched<ApplicationStatusView> | null>(null);
  const requestKey = id && (key || token) ? `${id}|${key ?? ''}|${token ?? ''}|${attempt}` : null;

  useEffect(() => {
    if (!id || !requestKey) return undefined;
    const controller = new AbortController();
    fetchApplicationStatus(id, key ? { key } : { token: token ?? '' }, controller.signal).then(
      (value) => setResult({ key: requestKey, value }),
      (cause: unknown) => {
        if (!controller.signal.aborted) setResult({ key: requestKey, error: asError(cause) });
      },
    );
    return () => controller.abort();
  }, [id, key, token, requestKey]);

  const current = result?.key === requestKey ? result : null;
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { view: current?.value ?? null, error: current?.error ?? null, loading: requestKey !== null && !current, retry };
}

/** GET /api/account-applications/mine with an AMEND or STATUS token. */
export function useMyApplications(token: string | null) {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Fetched<MyApplication[]> | null>(null);
  const requestKey = token ? `${token}|${attempt}` : null;

  useEffect(() => {
    if (!token || !requestKey) return undefined;
    const controller = new AbortController();
    fetchMyApplications(token, controller.signal).then(
      (value) => setResult({ key: requestKey, value }),
      (cause: unknown) => {
        if (!controller.signal.aborted) setResult({ key: requestKey, error: asError(cause) });
      },
    );
    return () => controller.abort();
  }, [token, requestKey]);

  const current = result?.key === requestKey ? result : null;
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { items: current?.value ?? null, error: current?.error ?? null, loading: requestKey !== null && !current, retry };
}
