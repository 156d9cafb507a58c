// Data hooks of 帳號申請審核 (GET/POST /api/console/account-applications…).
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../../lib/api';
import type { BatchDecisionBody, BatchDecisionResult, DecisionBody, ReviewDetail, ReviewList } from '../../lib/api';

const BASE = '/api/console/account-applications';

interface Fetched<T> {
  key: string;
  value?: T;
  error?: string;
}

/** One page of the list, for the address built by listPath(); `reload` asks again. */
export function useReviewList(path: string) {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<Fetched<ReviewList> | null>(null);
  // The last answer stays on screen while the next page loads (no flashing empty grid).
  const [shown, setShown] = useState<ReviewList>({ items: [], total: 0 });
  const key = `${path}#${version}`;

  useEffect(() => {
    const controller = new AbortController();
    api.get<ReviewList>(path, { signal: controller.signal }).then(
      (value) => {
        setResult({ key, value });
        setShown(value);
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setResult({ key, error: errorMessage(cause) });
      },
    );
    return () => controller.abort();
  }, [path, key]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const current = result?.key === key ? result : null;
  return { list: shown, loading: !current, error: current?.error ?? null, reload };
}

/** One application with its timeline and the actions the signed-in administrator may take. */
export function useReviewDetail(id: string | undefined) {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<(Fetched<ReviewDetail> & { id: string }) | null>(null);
  const key = `${id}#${version}`;

  useEffect(() => {
    if (!id) return undefined;
    const controller = new AbortController();
    api.get<ReviewDetail>(`${BASE}/${encodeURIComponent(id)}`, { signal: controller.signal }).then(
      (value) => setResult({ key, id, value }),
      (cause: unknown) => {
        // A failed reload keeps the last answer for the application (and says why).
        if (!controller.signal.aborted)
          setResult((last) => ({ key, id, value: last?.id === id ? last.value : undefined, error: errorMessage(cause) }));
      },
    );
    return () => controller.abort();
  }, [id, key]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  // A reload keeps showing the previous answer for the same application until the new one arrives.
  const detail = result && result.id === id ? (result.value ?? null) : null;
  return { detail, error: result?.key === key ? (result.error ?? null) : null, loading: result?.key !== key, reload };
}

export function decide(id: string, body: DecisionBody): Promise<unknown> {
  return api.post(`${BASE}/${encodeURIComponent(id)}/decision`, body);
}

export function decideBatch(body: BatchDecisionBody): Promise<BatchDecisionResult> {
  return api.post<BatchDecisionResult>(`${BASE}/batch-decision`, body);
}

export { ApiError };
