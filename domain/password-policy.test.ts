import { describe, expect, it } from 'vitest';
import {
  CONFIRM_PASSWORD_REQUIRED_MESSAGE,
  confirmPasswordError,
  isPasswordAcceptable,
  newPasswordSchema,
  PASSWORD_HISTORY_COUNT,
  PASSWORD_MESSAGES,
  PASSWORD_MISMATCH_MESSAGE,
  PASSWORD_REQUIRED_MESSAGE,
  PASSWORD_REUSED_MESSAGE,
  PASSWORD_RULES,
  PASSWORD_SPECIAL_CHARACTERS,
  PASSWORD_VIOLATION_CODES,
  passwordRules,
  passwordsMatch,
  passwordViolations,
  type PasswordContext,
} from './password-policy';

const codes = (password: string, context: PasswordContext = {}) => passwordViolations(password, context).map((v) => v.code);

describe('acceptable passwords', () => {
  it.each([
    ['Abcdef1!', 'shortest (8)'],
    ['Abcdefghij12#~Z', 'longest (15)'],
    ['Pa$$w0rd~', 'several specials'],
    ['1aA!1aA!', 'mixed order'],
    ['Abc-def1!', 'other ASCII punctuation is allowed besides a listed special'],
  ])('%j (%s)', (password) => {
    expect(passwordViolations(password, { account: 'wang01' })).toEqual([]);
    expect(isPasswordAcceptable(password, { account: 'wang01' })).toBe(true);
  });

  it.each(PASSWORD_SPECIAL_CHARACTERS.split(''))('%j alone satisfies the special-character rule', (ch) => {
    expect(codes(`Abcdef1${ch}`)).toEqual([]);
  });
});

describe('each rule on its own', () => {
  it.each([
    ['Abcde1!', 'LENGTH'], // 7
    ['Abcdefghij12#~Zx', 'LENGTH'], // 16
    ['abcdef1!', 'UPPER'],
    ['ABCDEF1!', 'LOWER'],
    ['Abcdefg!', 'DIGIT'],
    ['Abcdefg1', 'SPECIAL'],
    ['Abcdef1-', 'SPECIAL'], // '-' is allowed but is not one of !@#$%^&*~
    ["Abcdef1!'", 'QUOTE'],
    ['Abcdef1! ', 'CHARSET'], // space
    ['Abcdef1!\t', 'CHARSET'],
    ['Abcdef1!é', 'CHARSET'],
    ['Abcdef1!密', 'CHARSET'],
    ['Abcdef1!！', 'CHARSET'], // full-width exclamation mark
  ] as const)('%j → %s only', (password, code) => {
    expect(codes(password)).toEqual([code]);
  });

  it.each([
    ['Wang01!abc', 'contains the account'],
    ['xWANG01!Ab', 'contains it in other case'],
    ['!Ab9wang01', 'at the end'],
  ])('ACCOUNT: %j for account wang01 (%s)', (password) => {
    expect(codes(password, { account: 'wang01' })).toEqual(['ACCOUNT']);
  });

  it('ACCOUNT: equal to the account', () => {
    expect(codes('Abcdef1!', { account: 'abcdef1!' })).toEqual(['ACCOUNT']);
  });

  it('ACCOUNT: the account is normalised (full-width, spaces, case)', () => {
    expect(codes('Wang01!abc', { account: ' ＷＡＮＧ01 ' })).toEqual(['ACCOUNT']);
  });

  it.each([[undefined], [null], ['']])('no ACCOUNT check without an account (%j)', (account) => {
    expect(codes('Wang01!abc', { account })).toEqual([]);
  });

  it('full-width letters do not count as letters', () => {
    expect(codes('Ａbcdef1!')).toEqual(['UPPER', 'CHARSET']);
    expect(codes('ＡAbcdef1!')).toEqual(['CHARSET']);
  });

  it('counts characters, not UTF-16 units', () => {
    // 7 ASCII + one astral character = 8 characters (not 9): only the charset is wrong.
    expect(codes('Abcde1!𠀀')).toEqual(['CHARSET']);
  });

  it('is not trimmed: the password is hashed exactly as typed', () => {
    expect(codes(' Abcdef1!')).toEqual(['CHARSET']);
  });
});

describe('several rules at once', () => {
  it('empty breaks all the content rules', () => {
    expect(codes('')).toEqual(['LENGTH', 'UPPER', 'LOWER', 'DIGIT', 'SPECIAL']);
  });

  it('reports in rule order with messages', () => {
    expect(passwordViolations("wang01' x", { account: 'wang01' })).toEqual([
      { code: 'UPPER', message: PASSWORD_MESSAGES.UPPER },
      { code: 'SPECIAL', message: PASSWORD_MESSAGES.SPECIAL },
      { code: 'QUOTE', message: PASSWORD_MESSAGES.QUOTE },
      { code: 'ACCOUNT', message: PASSWORD_MESSAGES.ACCOUNT },
      { code: 'CHARSET', message: PASSWORD_MESSAGES.CHARSET },
    ]);
  });

  it('every code has a zh-TW message', () => {
    for (const code of PASSWORD_VIOLATION_CODES) expect(PASSWORD_MESSAGES[code]).toMatch(/密碼/);
  });
});

describe('rule texts and history', () => {
  it('shows the manual rules with the history count', () => {
    expect(PASSWORD_RULES).toEqual([
      '密碼長度至少為8個字元(含)以上，15個字元(含)以下。',
      "需包含大小寫英文字母、數字、特殊字元(!@#$%^&*~)。(不可包含')",
      `不可與最近 ${PASSWORD_HISTORY_COUNT} 次使用過的密碼相同。`,
      '不可與帳號名稱相同，也不可包含帳號名稱。',
    ]);
    expect(passwordRules(5)[2]).toBe('不可與最近 5 次使用過的密碼相同。');
  });

  it('reuse message', () => {
    expect(PASSWORD_REUSED_MESSAGE(3)).toBe('新密碼不可與最近 3 次使用過的密碼相同');
    expect(PASSWORD_REUSED_MESSAGE(5)).toBe('新密碼不可與最近 5 次使用過的密碼相同');
    expect(PASSWORD_REUSED_MESSAGE()).toBe(`新密碼不可與最近 ${PASSWORD_HISTORY_COUNT} 次使用過的密碼相同`);
  });
});

describe('confirmation', () => {
  it.each([
    ['Abcdef1!', 'Abcdef1!', true],
    ['Abcdef1!', 'abcdef1!', false],
    ['Abcdef1!', 'Abcdef1! ', false],
    ['', '', true],
  ])('passwordsMatch(%j, %j) = %s', (a, b, same) => {
    expect(passwordsMatch(a, b)).toBe(same);
  });

  it.each([
    ['Abcdef1!', 'Abcdef1!', null],
    ['Abcdef1!', 'Abcdef1?', PASSWORD_MISMATCH_MESSAGE],
    ['Abcdef1!', '', CONFIRM_PASSWORD_REQUIRED_MESSAGE],
    ['Abcdef1!', null, CONFIRM_PASSWORD_REQUIRED_MESSAGE],
    ['Abcdef1!', undefined, CONFIRM_PASSWORD_REQUIRED_MESSAGE],
  ])('confirmPasswordError(%j, %j) = %j', (password, confirmation, message) => {
    expect(confirmPasswordError(password, confirmation)).toBe(message);
  });

  it('uses the manual wording', () => {
    expect(PASSWORD_MISMATCH_MESSAGE).toBe('兩次輸入的密碼不一致');
  });
});

describe('newPasswordSchema', () => {
  it('accepts a good password unchanged', () => {
    expect(newPasswordSchema({ account: 'wang01' }).parse('Abcdef1!')).toBe('Abcdef1!');
  });

  it('asks for a password when empty or missing', () => {
    expect(
      newPasswordSchema()
        .safeParse('')
        .error?.issues.map((i) => i.message),
    ).toEqual([PASSWORD_REQUIRED_MESSAGE]);
    expect(
      newPasswordSchema()
        .safeParse(undefined)
        .error?.issues.map((i) => i.message),
    ).toEqual([PASSWORD_REQUIRED_MESSAGE]);
  });

  it('reports each broken rule', () => {
    const result = newPasswordSchema({ account: 'wang01' }).safeParse('wang01!x');
    expect(result.error?.issues.map((i) => i.message)).toEqual([PASSWORD_MESSAGES.UPPER, PASSWORD_MESSAGES.ACCOUNT]);
  });
});
