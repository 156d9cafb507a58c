import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../../lib/api';
import type { ApplicationStatusView, MyApplication } from '../../lib/api';
import { useResource } from '../../lib/data';
import { fetchApplicationStatus, fetchMyApplications } from '../api';

function asError(cause: unknown): ApiError | Error | null {
  if (cause === undefined) return null;
  return cause instanceof ApiError || cause instanceof Error ? cause : new Error(errorMessage(cause));
}

/**
 * GET /api/account-applications/:id/status, by the mailed link's key or by a STATUS verification
 * token (whichever is given; nothing is fetched while neither is).
 */
export function useApplicationStatus(id: string | undefined, key: string | null, token: string | null) {
  // 重試 is another read, not a reload: the failure leaves the screen while it runs.
  const [attempt, setAttempt] = useState(0);
  const { data, cause, loading } = useResource<ApplicationStatusView>(
    id && (key || token) ? (signal) => fetchApplicationStatus(id, key ? { key } : { token: token ?? '' }, signal) : null,
    [id, key, token, attempt],
    { keepPrevious: false },
  );
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { view: data, error: asError(cause), loading, retry };
}

/** GET /api/account-applications/mine with an AMEND or STATUS token. */
export function useMyApplications(token: string | null) {
  const [attempt, setAttempt] = useState(0);
  const { data, cause, loading } = useResource<MyApplication[]>(
    token ? (signal) => fetchMyApplications(token, signal) : null,
    [token, attempt],
    { keepPrevious: false },
  );
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { items: data, error: asError(cause), loading, retry };
}
