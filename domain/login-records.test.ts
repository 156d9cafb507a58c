import { describe, expect, it } from 'vitest';
import {
  LOGIN_ACTION_OPTIONS,
  LOGIN_METHOD_LABELS,
  defaultRecordRange,
  integrationReason,
  loginMethodLabel,
  loginReasonLabel,
  loginRecordQuerySchema,
  parseReason,
  taipeiDayStart,
  usageRecordQuerySchema,
} from './login-records';

// 2026-03-10 01:30 in Taiwan is 2026-03-09 17:30 UTC.
const now = () => new Date('2026-03-09T17:30:00Z');

describe('帳號登入紀錄 labels', () => {
  it('labels every method, action and result in zh-TW, unknown codes as themselves', () => {
    for (const label of Object.values(LOGIN_METHOD_LABELS)) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(loginMethodLabel('MOBILE_CERT')).toBe('行動自然人憑證');
    expect(loginMethodLabel('FIDO2')).toBe('FIDO2');
    expect(LOGIN_ACTION_OPTIONS.map((o) => o.label)).toEqual(['登入', '登出', '開通帳號', '忘記密碼', '密碼修改']);
  });

  it('explains failure reasons in plain words', () => {
    expect(loginReasonLabel('BAD_PASSWORD')).toBe('密碼錯誤');
    expect(loginReasonLabel('STATUS_DISABLED')).toBe('帳號已停用');
    expect(loginReasonLabel('STATUS_SOMETHING')).toBe('帳號狀態不允許登入（SOMETHING）');
    expect(loginReasonLabel('NEW_REASON')).toBe('登入失敗（NEW_REASON）');
    expect(loginReasonLabel(null)).toBe('');
  });

  it('reads the system a 帳號驗證 API call came through out of the reason', () => {
    expect(parseReason(integrationReason('demo-verify'))).toEqual({ code: null, viaClientId: 'demo-verify' });
    expect(parseReason(integrationReason('demo-verify', 'BAD_PASSWORD'))).toEqual({
      code: 'BAD_PASSWORD',
      viaClientId: 'demo-verify',
    });
    expect(parseReason('BAD_OTP')).toEqual({ code: 'BAD_OTP', viaClientId: null });
    expect(parseReason(null)).toEqual({ code: null, viaClientId: null });
  });
});

describe('帳號登入紀錄 query', () => {
  it('defaults to the last 30 days in Taiwan time, whole days', () => {
    expect(defaultRecordRange(now())).toEqual({ from: '2026-02-08', to: '2026-03-10' });
    const q = loginRecordQuerySchema(now).parse({});
    expect(q).toMatchObject({ from: '2026-02-08', to: '2026-03-10', page: 0, pageSize: 20 });
    expect(q.since.toISOString()).toBe('2026-02-07T16:00:00.000Z');
    expect(q.until.toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(taipeiDayStart('2026-03-10').toISOString()).toBe('2026-03-09T16:00:00.000Z');
  });

  it('takes the 進階查詢 filters, empty meaning all', () => {
    const q = loginRecordQuerySchema(now).parse({
      from: '2026-03-01',
      to: '2026-03-01',
      method: 'OTP',
      action: '',
      result: 'FAILURE',
      page: '2',
      pageSize: '50',
    });
    expect(q).toMatchObject({ method: 'OTP', action: undefined, result: 'FAILURE', page: 2, pageSize: 50 });
  });

  it('refuses a reversed range, a range over the maximum and bad values with zh-TW messages', () => {
    const issues = (input: Record<string, string>) => {
      const r = loginRecordQuerySchema(now).safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(issues({ from: '2026-03-05', to: '2026-03-01' })).toEqual(['起日不可晚於迄日']);
    expect(issues({ from: '2025-01-01', to: '2026-03-01' })).toEqual(['查詢區間最長為 366 天，請縮小起迄日期']);
    expect(issues({ from: '2025-03-02', to: '2026-03-01' })).toEqual([]);
    expect(issues({ from: '2026-02-30' })).toEqual(['起日不是有效的日期']);
    expect(issues({ to: '3/1' })).toEqual(['迄日格式錯誤（YYYY-MM-DD）']);
    expect(issues({ method: 'FACE' })).toEqual(['登入方式選項錯誤']);
    expect(issues({ pageSize: '7' })).toEqual(['每頁筆數須為 10、20、50、100']);
    expect(usageRecordQuerySchema(now).safeParse({ from: '2026-03-05', to: '2026-03-01' }).success).toBe(false);
  });
});
