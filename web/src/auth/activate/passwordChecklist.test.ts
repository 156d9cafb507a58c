import { describe, expect, it } from 'vitest';
import { PASSWORD_MESSAGES } from '../../../../domain/password-policy';
import { checklistPasses, passwordChecklist, SERVER_CHECK_NOTE, violationCodesFromMessages } from './passwordChecklist';

const states = (items: ReturnType<typeof passwordChecklist>) => items.map((item) => `${item.id}:${item.state}`);

describe('password rule checklist', () => {
  it("lists the manual's four rules, unticked before anything is typed", () => {
    const items = passwordChecklist('');
    expect(items.map((item) => item.text)).toEqual([
      '密碼長度至少為8個字元(含)以上，15個字元(含)以下。',
      "需包含大小寫英文字母、數字、特殊字元(!@#$%^&*~)。(不可包含')",
      '不可與最近 3 次使用過的密碼相同。',
      '不可與帳號名稱相同，也不可包含帳號名稱。',
    ]);
    expect(states(items)).toEqual(['length:unchecked', 'composition:unchecked', 'history:unchecked', 'account:unchecked']);
  });

  it('ticks each rule green or red while typing', () => {
    expect(states(passwordChecklist('abc'))).toEqual([
      'length:fail',
      'composition:fail',
      'history:unchecked',
      'account:unchecked',
    ]);
    const good = passwordChecklist('Tainan#2024');
    expect(states(good)).toEqual(['length:pass', 'composition:pass', 'history:unchecked', 'account:unchecked']);
    expect(checklistPasses(good)).toBe(true);
  });

  it('shows which part of the composition rule is missing', () => {
    const composition = passwordChecklist("abcdefg1'").find((item) => item.id === 'composition');
    expect(composition?.state).toBe('fail');
    expect(Object.fromEntries(composition!.parts!.map((part) => [part.label, part.state]))).toEqual({
      大寫英文字母: 'fail',
      小寫英文字母: 'pass',
      數字: 'pass',
      特殊字元: 'fail',
      "不含 '": 'fail',
      僅限半形字元: 'pass',
    });
  });

  it('leaves history and (unknown) account to the server, and checks the account when it is known', () => {
    const items = passwordChecklist('Wang_01#Ab');
    expect(items.find((item) => item.id === 'history')?.note).toBe(SERVER_CHECK_NOTE);
    expect(items.find((item) => item.id === 'account')?.note).toBe(SERVER_CHECK_NOTE);
    expect(passwordChecklist('Wang_01#Ab', { account: 'wang_01' }).find((item) => item.id === 'account')?.state).toBe('fail');
    expect(passwordChecklist('Tainan#2024', { account: 'wang_01' }).find((item) => item.id === 'account')?.state).toBe('pass');
  });

  it("shows the server's verdict on the password it was about, and forgets it once the password changes", () => {
    const server = { password: 'Tainan#2024', codes: ['ACCOUNT' as const], reused: true };
    expect(states(passwordChecklist('Tainan#2024', { server }))).toEqual([
      'length:pass',
      'composition:pass',
      'history:fail',
      'account:fail',
    ]);
    expect(checklistPasses(passwordChecklist('Tainan#2024', { server }))).toBe(false);
    expect(states(passwordChecklist('Tainan#2025', { server }))).toEqual([
      'length:pass',
      'composition:pass',
      'history:unchecked',
      'account:unchecked',
    ]);
  });
});

describe("server's PASSWORD_POLICY messages", () => {
  it('map back to rules, listed or joined', () => {
    expect(violationCodesFromMessages([PASSWORD_MESSAGES.UPPER, PASSWORD_MESSAGES.ACCOUNT])).toEqual({
      codes: ['UPPER', 'ACCOUNT'],
      unknown: [],
    });
    expect(violationCodesFromMessages([`${PASSWORD_MESSAGES.LENGTH}；${PASSWORD_MESSAGES.DIGIT}`]).codes.sort()).toEqual([
      'DIGIT',
      'LENGTH',
    ]);
    expect(violationCodesFromMessages(['密碼太弱'])).toEqual({ codes: [], unknown: ['密碼太弱'] });
  });
});
