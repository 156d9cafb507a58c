// Data hooks of 帳號申請明細 (GET/POST /api/console/account-applications/:id…); the list is a request inbox.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../../lib/api';
import type { DecisionBody, ReviewDetail } from '../../lib/api';

export const APPLICATIONS_API = '/api/console/account-applications';

interface Fetched<T> {
  key: string;
  value?: T;
  error?: string;
}

/** One application with its timeline and the actions the signed-in administrator may take. */
export function useReviewDetail(id: string | undefined) {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<(Fetched<ReviewDetail> & { id: string }) | null>(null);
  const key = `${id}#${version}`;

  useEffect(() => {
    if (!id) return undefined;
    const controller = new AbortController();
    api.get<ReviewDetail>(`${APPLICATIONS_API}/${encodeURIComponent(id)}`, { signal: controller.signal }).then(
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
  return api.post(`${APPLICATIONS_API}/${encodeURIComponent(id)}/decision`, body);
}

export { ApiError };
