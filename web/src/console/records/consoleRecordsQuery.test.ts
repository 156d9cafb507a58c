import { describe, expect, it } from 'vitest';
import { consoleExportPath, consoleListPath, consoleParamsFromQuery, consoleQueryFromParams } from './consoleRecordsQuery';

const now = new Date('2026-11-27T03:00:00Z');

describe('日誌紀錄管理 query', () => {
  it('keeps the search in the address and asks the list and the export with the same conditions', () => {
    const query = consoleQueryFromParams(new URLSearchParams('from=2026-11-01&to=2026-11-27&q=王&result=FAILURE&page=2'), now);
    expect(query).toMatchObject({ tab: 'login', q: '王', result: 'FAILURE', page: 2 });
    expect(consoleListPath(query)).toBe(
      '/api/console/records/login?from=2026-11-01&to=2026-11-27&q=%E7%8E%8B&result=FAILURE&page=2&pageSize=20',
    );
    expect(consoleExportPath(query)).toBe(
      '/api/console/records/login/export?from=2026-11-01&to=2026-11-27&q=%E7%8E%8B&result=FAILURE',
    );
    expect(consoleQueryFromParams(consoleParamsFromQuery(query), now)).toEqual(query);
  });

  it('sends the 使用紀錄 動作 as action, and drops unknown codes', () => {
    const usage = consoleQueryFromParams(new URLSearchParams('tab=usage&usageAction=parameter.update&method=OTP'), now);
    expect(consoleExportPath(usage)).toMatch(/\/usage\/export\?from=.*&action=parameter.update$/);
    expect(consoleQueryFromParams(new URLSearchParams('tab=usage&usageAction=drop.tables'), now).usageAction).toBe('');
  });
});
