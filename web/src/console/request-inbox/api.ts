// The API of a console inbox: GET <base>?status=&q=&page=&pageSize= and POST <base>/batch-decision
// (api/routes/console/request-inbox.ts, and 帳號申請審核 which answers the same way).
import { api, type BatchDecisionBody, type BatchDecisionResult } from '../../lib/api';

/** What every inbox row has; each inbox adds its own fields. `status` is PENDING until decided. */
export interface InboxItem {
  id: string;
  account: string;
  name: string;
  submittedAt: string;
  status: string;
  statusLabel: string;
}

export interface InboxList<T extends InboxItem> {
  /** Counted up to 1,000; past it `totalCapped` and the list says 「1,000+」. */
  total: number;
  totalCapped?: boolean;
  /** `after=` / `before=` of the neighbouring pages (null at either end). */
  nextCursor?: string | null;
  prevCursor?: string | null;
  items: T[];
}

export interface InboxApi<T extends InboxItem> {
  /** One page; `search` is what reviewQuery's listSearch() builds. */
  list: (search: string, signal?: AbortSignal) => Promise<InboxList<T>>;
  decideBatch: (body: BatchDecisionBody) => Promise<BatchDecisionResult>;
}

export function inboxApi<T extends InboxItem>(base: string): InboxApi<T> {
  return {
    list: (search, signal) => api.get<InboxList<T>>(`${base}?${search}`, { signal }),
    decideBatch: (body) => api.post<BatchDecisionResult>(`${base}/batch-decision`, body),
  };
}
