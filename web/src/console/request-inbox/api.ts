// The API of a console inbox (api/routes/console/request-inbox.ts): GET <base>?status=&q=&page=&pageSize=,
// GET <base>/:id, POST <base>/:id/decision and POST <base>/batch-decision.
import { api, type BatchDecisionBody, type BatchDecisionResult, type ReviewDecision } from '../../lib/api';

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

/** 核准/駁回 (退回補正) of one request, with the comment and the inbox's own choices (帳號申請: grantOfficialMail). */
export interface InboxDecisionBody {
  decision: ReviewDecision;
  comment?: string;
  [choice: string]: unknown;
}

/** Where one request of the inbox at `base` is read. */
export const inboxDetailUrl = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export function decideInboxRequest(base: string, id: string, body: InboxDecisionBody): Promise<unknown> {
  return api.post(`${inboxDetailUrl(base, id)}/decision`, body);
}
