import { describe, expect, it } from 'vitest';
import { getParameterDefinition } from './system-parameters';
import { displayRange, formatParameterValue, parameterEditSchema, toDisplayValue } from './system-parameter-display';

const idle = getParameterDefinition('account.idleDisableAfter')!;
const lockout = getParameterDefinition('login.lockoutDuration')!;
const threshold = getParameterDefinition('login.lockoutThreshold')!;

describe('系統參數 display and edit', () => {
  it('shows durations in their unit (天/分鐘) and counts as they are', () => {
    expect(formatParameterValue(idle, 90 * 86_400)).toBe('90 天');
    expect(formatParameterValue(lockout, 15 * 60)).toBe('15 分鐘');
    expect(formatParameterValue(threshold, 5)).toBe('5 次');
    // A test's shortened value is not rounded to a whole day.
    expect(toDisplayValue(idle, 30)).toBe(0);
    expect(toDisplayValue(idle, 43_200)).toBe(0.5);
  });

  it('edits in the unit: 120 天 is stored as seconds; the range comes from the definition', () => {
    expect(displayRange(idle)).toEqual({ min: 1, max: 3650 });
    expect(parameterEditSchema(idle).parse({ value: 120 })).toBe(120 * 86_400);
    expect(parameterEditSchema(lockout).parse({ value: 30 })).toBe(1_800);
    expect(parameterEditSchema(threshold).parse({ value: 10 })).toBe(10);
  });

  it('names the parameter and the bound in every error', () => {
    const message = (schema: ReturnType<typeof parameterEditSchema>, value: unknown) =>
      schema.safeParse({ value }).error?.issues[0]?.message;
    expect(message(parameterEditSchema(idle), 0)).toBe('閒置停用期間不可小於 1 天');
    expect(message(parameterEditSchema(idle), 3651)).toBe('閒置停用期間不可大於 3650 天');
    expect(message(parameterEditSchema(idle), 1.5)).toBe('閒置停用期間須為整數（單位：天）');
    expect(message(parameterEditSchema(idle), undefined)).toBe('請輸入閒置停用期間');
    expect(message(parameterEditSchema(threshold), 101)).toBe('登入失敗鎖定次數不可大於 100 次');
  });

  // Issue 10 item 10: z.coerce.number turned {"value": true} into 1, a lockout after one failed login.
  it.each([true, false, '5', [], {}, Infinity, Number.NaN])('takes only a real number, not %j', (value) => {
    const result = parameterEditSchema(threshold).safeParse({ value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('登入失敗鎖定次數須為數字');
  });
  it.each(['', null, undefined])('asks for a value not entered (%j)', (value) => {
    expect(parameterEditSchema(threshold).safeParse({ value }).error?.issues[0]?.message).toBe('請輸入登入失敗鎖定次數');
  });
});
