import { describe, expect, it } from 'vitest';
import { apiPath, paramsFromQuery, queryFromParams, rangeErrors } from './recordsQuery';

const now = new Date('2026-03-09T17:30:00Z'); // 2026-03-10 in Taiwan

describe('個人帳號登入紀錄 query in the address', () => {
  it('defaults to the last 30 days, first page, all methods', () => {
    expect(queryFromParams(new URLSearchParams(), now)).toEqual({
      from: '2026-02-08',
      to: '2026-03-10',
      method: '',
      action: '',
      result: '',
      page: 0,
      pageSize: 20,
    });
    expect(paramsFromQuery(queryFromParams(new URLSearchParams(), now), now).toString()).toBe('');
  });

  it('round-trips a search and drops unknown values', () => {
    const params = new URLSearchParams('from=2026-01-01&to=2026-01-31&method=OTP&result=FAILURE&page=2&pageSize=50');
    const query = queryFromParams(params, now);
    expect(query).toMatchObject({ from: '2026-01-01', method: 'OTP', action: '', result: 'FAILURE', page: 2, pageSize: 50 });
    expect(paramsFromQuery(query, now).toString()).toBe(params.toString());
    expect(queryFromParams(new URLSearchParams('method=FACE&pageSize=7&page=-1&from=yesterday'), now)).toMatchObject({
      method: '',
      pageSize: 20,
      page: 0,
      from: '2026-02-08',
    });
  });

  it('asks the API for every field, the usage records without the 進階查詢 filters', () => {
    const query = queryFromParams(new URLSearchParams('method=OTP'), now);
    expect(apiPath('/api/account/login-records', query)).toBe(
      '/api/account/login-records?from=2026-02-08&to=2026-03-10&page=0&pageSize=20&method=OTP',
    );
    expect(apiPath('/api/account/usage-records', query)).toBe(
      '/api/account/usage-records?from=2026-02-08&to=2026-03-10&page=0&pageSize=20',
    );
  });

  it('checks the range as the server does', () => {
    expect(rangeErrors('2026-03-05', '2026-03-01', now)).toEqual({ from: '起日不可晚於迄日' });
    expect(rangeErrors('2024-01-01', '2026-03-01', now)).toEqual({ to: '查詢區間最長為 366 天，請縮小起迄日期' });
    expect(rangeErrors('', '2026-03-01', now)).toEqual({});
    expect(rangeErrors('2026-03-01', '2026-03-01', now)).toEqual({});
  });
});
