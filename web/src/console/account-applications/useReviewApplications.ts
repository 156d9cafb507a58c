// Data hooks of 帳號申請明細 (GET/POST /api/console/account-applications/:id…); the list is a request inbox.
import { api, ApiError } from '../../lib/api';
import type { DecisionBody, ReviewDetail } from '../../lib/api';
import { usePolledResource } from '../../lib/usePolledResource';

export const APPLICATIONS_API = '/api/console/account-applications';

/**
 * Whether the page must keep reading: 帳號建立中 moves on by itself (AD may even be down a while), and
 * right after a decision the read model (written by the workflow a moment after it answers) may still
 * say 待審核.
 */
export function reviewInTransition(detail: { status: string }, decided: boolean): boolean {
  return detail.status === 'PROVISIONING' || (decided && detail.status === 'PENDING');
}

/** One application with its timeline and the actions the signed-in administrator may take, followed while it moves. */
export function useReviewDetail(id: string | undefined, decided: boolean) {
  const { value, error, loading, refresh } = usePolledResource<ReviewDetail>(
    id ? `${APPLICATIONS_API}/${encodeURIComponent(id)}` : null,
    { keepPolling: (detail) => reviewInTransition(detail, decided), intervalMs: 1500 },
  );
  return { detail: value, error, loading, reload: refresh };
}

export function decide(id: string, body: DecisionBody): Promise<unknown> {
  return api.post(`${APPLICATIONS_API}/${encodeURIComponent(id)}/decision`, body);
}

export { ApiError };
