import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY,
  listSearch,
  paramsFromQuery,
  queryFromParams,
  selectedIds,
  summarizeBatch,
  withFilter,
  withPage,
} from './reviewQuery';

describe('review list query', () => {
  it('defaults to 待審核, first page of 20', () => {
    expect(queryFromParams(new URLSearchParams())).toEqual(DEFAULT_QUERY);
    expect(paramsFromQuery(DEFAULT_QUERY).toString()).toBe('');
  });

  it('round-trips through the address and ignores nonsense', () => {
    const query = { status: 'ALL' as const, q: '王', agencyCode: 'G02', page: 2, pageSize: 50 };
    expect(queryFromParams(paramsFromQuery(query))).toEqual(query);
    expect(queryFromParams(new URLSearchParams('status=NOPE&page=-1&pageSize=7'))).toEqual(DEFAULT_QUERY);
  });

  it('starts a new filter on the first page', () => {
    expect(withFilter({ ...DEFAULT_QUERY, page: 3 }, { q: 'wang' })).toEqual({ ...DEFAULT_QUERY, q: 'wang', page: 0 });
  });

  it('steps to the next or previous page by its cursor, kept in the address', () => {
    const cursors = { nextCursor: 'bGFzdA', prevCursor: 'Zmlyc3Q' };
    const second = withPage({ ...DEFAULT_QUERY, page: 1 }, { page: 2, pageSize: 20 }, cursors);
    expect(second).toEqual({ ...DEFAULT_QUERY, page: 2, after: 'bGFzdA' });
    expect(queryFromParams(paramsFromQuery(second))).toEqual(second);
    expect(listSearch(second, false)).toBe('status=PENDING&page=2&pageSize=20&after=bGFzdA');
    expect(withPage(second, { page: 1, pageSize: 20 }, cursors)).toEqual({ ...DEFAULT_QUERY, page: 1, before: 'Zmlyc3Q' });
    // The first page, another page size or a filter needs no cursor.
    expect(withPage(second, { page: 0, pageSize: 20 }, cursors)).toEqual(DEFAULT_QUERY);
    expect(withPage(second, { page: 2, pageSize: 50 }, cursors)).toEqual({ ...DEFAULT_QUERY, page: 2, pageSize: 50 });
    expect(withFilter(second, { q: 'wang' })).toEqual({ ...DEFAULT_QUERY, q: 'wang' });
    expect(queryFromParams(new URLSearchParams('page=2&after=%3Cscript%3E'))).toEqual({ ...DEFAULT_QUERY, page: 2 });
  });

  it('asks the API for the page, sending 機關 only for system administrators', () => {
    const query = { status: 'DECIDED' as const, q: '王 小明', agencyCode: 'G02', page: 1, pageSize: 20 };
    expect(listSearch(query, true)).toBe('status=DECIDED&page=1&pageSize=20&q=%E7%8E%8B+%E5%B0%8F%E6%98%8E&agencyCode=G02');
    expect(listSearch(query, false)).not.toContain('agencyCode');
  });
});

describe('selection', () => {
  const rows = [
    { id: 'a', status: 'PENDING' as const },
    { id: 'b', status: 'PENDING' as const },
    { id: 'c', status: 'REJECTED' as const },
  ];

  it('reads included ids, keeping only rows still waiting', () => {
    expect(selectedIds({ type: 'include', ids: new Set(['a', 'c', 'gone']) }, rows)).toEqual(['a']);
  });

  it('reads 全選 (exclude) as every waiting row of the page not left out', () => {
    expect(selectedIds({ type: 'exclude', ids: new Set(['b']) }, rows)).toEqual(['a']);
    expect(selectedIds({ type: 'exclude', ids: new Set() }, rows)).toEqual(['a', 'b']);
  });
});

describe('batch result', () => {
  it('counts successes', () => {
    expect(
      summarizeBatch(
        [
          { id: 'a', ok: true },
          { id: 'b', ok: true },
        ],
        'APPROVE',
      ),
    ).toEqual({
      okCount: 2,
      failures: [],
      text: '已核准 2 筆',
      severity: 'success',
    });
  });

  it('lists each failure with its reason', () => {
    const summary = summarizeBatch(
      [
        { id: 'a', ok: true },
        { id: 'b', ok: false, error: { code: 'APPLICATION_DECIDED', message: '此申請已由王大明於 2024-07-22 14:05 審核' } },
        { id: 'c', ok: false, error: 'ACCOUNT_TAKEN 文字' },
        { id: 'd', ok: false, error: { code: 'FORBIDDEN' } },
      ],
      'REJECT',
      (id) => `帳號${id}`,
    );
    expect(summary.text).toBe('已駁回 1 筆，3 筆未完成');
    expect(summary.severity).toBe('warning');
    expect(summary.failures).toEqual([
      { id: 'b', label: '帳號b', message: '此申請已由王大明於 2024-07-22 14:05 審核' },
      { id: 'c', label: '帳號c', message: 'ACCOUNT_TAKEN 文字' },
      { id: 'd', label: '帳號d', message: '您沒有使用此功能的權限' },
    ]);
    expect(summarizeBatch([{ id: 'x', ok: false }], 'APPROVE').severity).toBe('error');
  });
});
