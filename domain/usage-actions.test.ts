import { describe, expect, it } from 'vitest';
import { USAGE_ACTION_OPTIONS, USAGE_ACTIONS, isUsageAction, usageActionLabel } from './usage-actions';

describe('帳號使用紀錄 action registry', () => {
  it('labels the binding, password and application actions other features write', () => {
    expect(usageActionLabel('binding.otp.enable')).toBe('啟用 OTP 驗證');
    expect(usageActionLabel('binding.otp.disable')).toBe('關閉 OTP 驗證');
    expect(usageActionLabel('binding.mobile.bind')).toBe('手機號碼綁定');
    expect(usageActionLabel('binding.citizenCert.unbind')).toBe('自然人憑證解除綁定');
    expect(usageActionLabel('password.change')).toBe('密碼修改');
    expect(usageActionLabel('application.decide')).toBe('審核申請');
  });

  it('gives every code a zh-TW label', () => {
    for (const [code, label] of Object.entries(USAGE_ACTIONS)) {
      expect(code).toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
      expect(label, code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(Object.values(USAGE_ACTIONS)).size).toBe(Object.keys(USAGE_ACTIONS).length);
  });

  it('shows an unknown code as itself rather than hiding the record', () => {
    expect(isUsageAction('request.submit')).toBe(false);
    expect(usageActionLabel('request.submit')).toBe('request.submit');
    expect(usageActionLabel('')).toBe('（未知的操作）');
    // Not fooled by inherited property names.
    expect(usageActionLabel('toString')).toBe('toString');
  });

  it('lists the options for the filter in registry order', () => {
    expect(USAGE_ACTION_OPTIONS[0]).toEqual({ value: 'account.activate', label: '開通帳號' });
    expect(USAGE_ACTION_OPTIONS).toHaveLength(Object.keys(USAGE_ACTIONS).length);
  });
});
