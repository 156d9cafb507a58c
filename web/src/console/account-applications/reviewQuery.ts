// The console inboxes' list state (帳號申請審核, 復用申請審核, 機關管理者申請審核, 機關異動審核), kept in the
// address (?status=&q=&agency=&page=&pageSize=, and the cursor of the page: &after= or &before=) so that
// going back from a detail page finds the same page of the same filter. Pure.
import type { BatchDecisionResult, Decision, ReviewDecision, ReviewStatusFilter } from '../../lib/api';
import { messageForCode } from '../../lib/api';

export const STATUS_FILTERS: readonly { value: ReviewStatusFilter; label: string }[] = [
  { value: 'PENDING', label: '待審核' },
  { value: 'DECIDED', label: '已審核' },
  { value: 'ALL', label: '全部' },
];
export const PAGE_SIZES = [10, 20, 50] as const;

export interface ReviewQuery {
  status: ReviewStatusFilter;
  /** An inbox's own filters (場地借用審核: 借用日期 `date`, 審核狀態 `state`), by their address key. */
  filters?: Readonly<Record<string, string>>;
  q: string;
  agencyCode: string;
  page: number;
  pageSize: number;
  /**
   * The page starts after (next) or ends before (previous) this row of the page it was reached from:
   * the server reads one page of its index however deep, where a page number alone costs its depth.
   */
  after?: string;
  before?: string;
}

export const DEFAULT_QUERY: ReviewQuery = { status: 'PENDING', q: '', agencyCode: '', page: 0, pageSize: 20 };

const cursorParam = (value: string | null) => (value && /^[\w-]{1,200}$/.test(value) ? value : undefined);

function wholeNumber(value: string | null, fallback: number): number {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function queryFromParams(params: URLSearchParams, filterKeys: readonly string[] = []): ReviewQuery {
  const status = params.get('status');
  const pageSize = wholeNumber(params.get('pageSize'), DEFAULT_QUERY.pageSize);
  const filters = Object.fromEntries(
    filterKeys.map((key) => [key, params.get(key)?.trim() ?? ''] as const).filter(([, value]) => value !== ''),
  );
  return {
    ...(filterKeys.length ? { filters } : {}),
    status: STATUS_FILTERS.some((item) => item.value === status) ? (status as ReviewStatusFilter) : DEFAULT_QUERY.status,
    q: params.get('q')?.trim() ?? '',
    agencyCode: params.get('agency')?.trim() ?? '',
    page: wholeNumber(params.get('page'), 0),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_QUERY.pageSize,
    ...withCursor(cursorParam(params.get('after')), cursorParam(params.get('before'))),
  };
}

const withCursor = (after: string | undefined, before: string | undefined) => (after ? { after } : before ? { before } : {});

/** The address form; defaults are left out so the plain path means 「待審核, first page」. */
export function paramsFromQuery(query: ReviewQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status !== DEFAULT_QUERY.status) params.set('status', query.status);
  if (query.q) params.set('q', query.q);
  if (query.agencyCode) params.set('agency', query.agencyCode);
  for (const [key, value] of Object.entries(query.filters ?? {})) if (value) params.set(key, value);
  if (query.page > 0) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_QUERY.pageSize) params.set('pageSize', String(query.pageSize));
  setCursor(params, query);
  return params;
}

function setCursor(params: URLSearchParams, query: ReviewQuery) {
  if (query.page === 0) return;
  if (query.after) params.set('after', query.after);
  else if (query.before) params.set('before', query.before);
}

/**
 * The page the grid asks for: one step forward or back goes by the shown page's cursors, anything
 * else (another page size, a jump) by page number.
 */
export function withPage(
  query: ReviewQuery,
  model: { page: number; pageSize: number },
  cursors: { nextCursor?: string | null; prevCursor?: string | null },
): ReviewQuery {
  const next = { ...withoutCursor(query), page: model.page, pageSize: model.pageSize };
  if (model.page === 0 || model.pageSize !== query.pageSize) return next;
  if (model.page === query.page + 1 && cursors.nextCursor) return { ...next, after: cursors.nextCursor };
  if (model.page === query.page - 1 && cursors.prevCursor) return { ...next, before: cursors.prevCursor };
  return next;
}

function withoutCursor(query: ReviewQuery): ReviewQuery {
  const { after: _after, before: _before, ...rest } = query;
  return rest;
}

/** A filter change starts again at the first page. */
export function withFilter(
  query: ReviewQuery,
  change: Partial<Pick<ReviewQuery, 'status' | 'q' | 'agencyCode'>> & { filters?: Record<string, string> },
): ReviewQuery {
  const { filters, ...rest } = change;
  return { ...withoutCursor(query), ...rest, ...(filters ? { filters: { ...query.filters, ...filters } } : {}), page: 0 };
}

/** The query string of an inbox's GET list; 機關 only where it may be chosen (system administrators). */
export function listSearch(query: ReviewQuery, canFilterAgency: boolean): string {
  const params = new URLSearchParams({ status: query.status, page: String(query.page), pageSize: String(query.pageSize) });
  if (query.q) params.set('q', query.q);
  if (canFilterAgency && query.agencyCode) params.set('agencyCode', query.agencyCode);
  for (const [key, value] of Object.entries(query.filters ?? {})) if (value) params.set(key, value);
  setCursor(params, query);
  return params.toString();
}

/** Only requests still waiting for a decision can be chosen for 批次核准 / 批次駁回. */
export function isSelectable(row: { status: string }): boolean {
  return row.status === 'PENDING';
}

/**
 * The chosen ids of a DataGrid selection model on the current page: 'include' lists them, 'exclude'
 * (after 「全選」) lists the ones left out. Rows that cannot be decided are never included.
 */
export function selectedIds(
  model: { type: 'include' | 'exclude'; ids: ReadonlySet<string | number> },
  rows: readonly { id: string; status: string }[],
): string[] {
  return rows
    .filter((row) => isSelectable(row) && (model.type === 'include' ? model.ids.has(row.id) : !model.ids.has(row.id)))
    .map((row) => row.id);
}

export const DECISION_LABELS: Readonly<Record<ReviewDecision, string>> = { APPROVE: '核准', REJECT: '駁回', RETURN: '退回補正' };

/** How an inbox words its decisions and their comment: 核准 / 駁回 with 審核意見, or the manual's own. */
export interface ReviewWords {
  /** 退回補正 only where the inbox offers it. */
  decisions: Readonly<Record<Decision, string>> & { readonly RETURN?: string };
  comment: string;
}
export const REVIEW_WORDS: ReviewWords = { decisions: DECISION_LABELS, comment: '審核意見' };

/** The inbox's word for a decision (退回補正 is 退回補正 unless the inbox says otherwise). */
export const decisionWord = (words: ReviewWords, decision: ReviewDecision) =>
  words.decisions[decision] ?? DECISION_LABELS[decision];

export interface BatchSummary {
  okCount: number;
  failures: { id: string; label: string; message: string }[];
  text: string;
  severity: 'success' | 'warning' | 'error';
}

/** 「已核准 3 筆」 / 「已駁回 2 筆，1 筆未完成」, with each failure's reason. */
export function summarizeBatch(
  results: BatchDecisionResult['results'],
  decision: Decision,
  labelOf: (id: string) => string = (id) => id,
  words: ReviewWords = REVIEW_WORDS,
): BatchSummary {
  const okCount = results.filter((result) => result.ok).length;
  const failures = results
    .filter((result) => !result.ok)
    .map((result) => {
      const error = result.error;
      const message =
        typeof error === 'string' ? error : error?.message || messageForCode(typeof error === 'object' ? error.code : undefined);
      return { id: result.id, label: labelOf(result.id), message };
    });
  const verb = words.decisions[decision];
  const text = failures.length === 0 ? `已${verb} ${okCount} 筆` : `已${verb} ${okCount} 筆，${failures.length} 筆未完成`;
  return { okCount, failures, text, severity: failures.length === 0 ? 'success' : okCount === 0 ? 'error' : 'warning' };
}
