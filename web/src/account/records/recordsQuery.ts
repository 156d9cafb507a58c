// 個人帳號登入紀錄 / 個人帳號使用紀錄: the query kept in the address (?from=&to=&method=&action=&result=
// &page=&pageSize=), so 返回查詢 from 詳細 finds the same page of the same search. Pure.
import {
  LOGIN_ACTION_LABELS,
  LOGIN_METHOD_LABELS,
  LOGIN_RESULT_LABELS,
  RECORD_PAGE_SIZES,
  defaultRecordRange,
  loginRecordQuerySchema,
} from '../../../../domain/login-records';

export interface RecordsQuery {
  from: string;
  to: string;
  method: string;
  action: string;
  result: string;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;

const oneOf = (labels: Record<string, string>, value: string | null) => (value && Object.hasOwn(labels, value) ? value : '');
const dateOr = (value: string | null, fallback: string) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fallback);
const wholeNumber = (value: string | null, fallback: number) => {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 0 ? n : fallback;
};

/** 頁碼 and 每頁筆數 of a paged list kept in the address: a size not offered falls back to the default. */
export function pagingFromParams(params: URLSearchParams): { page: number; pageSize: number } {
  const pageSize = wholeNumber(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  return {
    page: wholeNumber(params.get('page'), 0),
    pageSize: (RECORD_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function queryFromParams(params: URLSearchParams, now: Date = new Date()): RecordsQuery {
  const defaults = defaultRecordRange(now);
  return {
    from: dateOr(params.get('from'), defaults.from),
    to: dateOr(params.get('to'), defaults.to),
    method: oneOf(LOGIN_METHOD_LABELS, params.get('method')),
    action: oneOf(LOGIN_ACTION_LABELS, params.get('action')),
    result: oneOf(LOGIN_RESULT_LABELS, params.get('result')),
    ...pagingFromParams(params),
  };
}

/** The address form: only what differs from the defaults (the plain path means the last 30 days). */
export function paramsFromQuery(query: RecordsQuery, now: Date = new Date()): URLSearchParams {
  const defaults = defaultRecordRange(now);
  const params = new URLSearchParams();
  if (query.from !== defaults.from) params.set('from', query.from);
  if (query.to !== defaults.to) params.set('to', query.to);
  if (query.method) params.set('method', query.method);
  if (query.action) params.set('action', query.action);
  if (query.result) params.set('result', query.result);
  if (query.page > 0) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The API path of a query (every field explicit). */
export function apiPath(base: '/api/account/login-records' | '/api/account/usage-records', query: RecordsQuery): string {
  const params = new URLSearchParams({
    from: query.from,
    to: query.to,
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  if (base === '/api/account/login-records') {
    if (query.method) params.set('method', query.method);
    if (query.action) params.set('action', query.action);
    if (query.result) params.set('result', query.result);
  }
  return `${base}?${params}`;
}

/** The same checks as the server (起日 not after 迄日, at most 366 days): field → zh-TW message. */
export function rangeErrors(from: string, to: string, now: Date = new Date()): Partial<Record<'from' | 'to', string>> {
  const parsed = loginRecordQuerySchema(() => now).safeParse({ from, to });
  if (parsed.success) return {};
  const errors: Partial<Record<'from' | 'to', string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'to' ? 'to' : 'from';
    errors[field] ??= issue.message;
  }
  return errors;
}
