// 日誌紀錄管理: the search kept in the address (?tab=&from=&to=&q=&method=&action=&result=&page=&pageSize=),
// and the API paths of the list and of 匯出 Excel (the same conditions). Pure.
import { USAGE_ACTIONS } from '../../../../domain/usage-actions';
import { queryFromParams as personalQuery, type RecordsQuery } from '../../account/records/recordsQuery';

export type RecordsTab = 'login' | 'usage';

export interface ConsoleRecordsQuery extends RecordsQuery {
  tab: RecordsTab;
  /** 帳號或姓名 */
  q: string;
  /** 使用紀錄's 動作 (a usage action code); the login tab's 動作 is `action`. */
  usageAction: string;
}

export function consoleQueryFromParams(params: URLSearchParams, now: Date = new Date()): ConsoleRecordsQuery {
  const usageAction = params.get('usageAction') ?? '';
  return {
    ...personalQuery(params, now),
    tab: params.get('tab') === 'usage' ? 'usage' : 'login',
    q: (params.get('q') ?? '').slice(0, 64),
    usageAction: Object.hasOwn(USAGE_ACTIONS, usageAction) ? usageAction : '',
  };
}

export function consoleParamsFromQuery(query: ConsoleRecordsQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.tab === 'usage') params.set('tab', 'usage');
  params.set('from', query.from);
  params.set('to', query.to);
  if (query.q) params.set('q', query.q);
  if (query.tab === 'login') {
    if (query.method) params.set('method', query.method);
    if (query.action) params.set('action', query.action);
    if (query.result) params.set('result', query.result);
  } else if (query.usageAction) params.set('usageAction', query.usageAction);
  if (query.page > 0) params.set('page', String(query.page));
  if (query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The search conditions as the API takes them (no paging). */
function conditions(query: ConsoleRecordsQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.tab === 'login') {
    if (query.method) params.set('method', query.method);
    if (query.action) params.set('action', query.action);
    if (query.result) params.set('result', query.result);
  } else if (query.usageAction) params.set('action', query.usageAction);
  return params;
}

export function consoleListPath(query: ConsoleRecordsQuery): string {
  const params = conditions(query);
  params.set('page', String(query.page));
  params.set('pageSize', String(query.pageSize));
  return `/api/console/records/${query.tab}?${params}`;
}

export function consoleExportPath(query: ConsoleRecordsQuery): string {
  return `/api/console/records/${query.tab}/export?${conditions(query)}`;
}
