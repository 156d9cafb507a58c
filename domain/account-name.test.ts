import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_NAME_MESSAGES as M,
  accountFormatViolations,
  accountNameErrors,
  accountNameSchema,
  accountNameViolations,
  accountPersonalDataViolations,
  birthdayDigitForms,
  isValidAccountName,
  normalizeAccountName,
  type AccountNameContext,
} from './account-name';

const codes = (account: string, context: AccountNameContext = {}) => accountNameViolations(account, context).map((v) => v.code);

describe('format rules', () => {
  it.each([
    ['abc', 'shortest (3)'],
    ['abcdefghijkl', 'longest (12)'],
    ['Wang_01', 'mixed case, digit, underscore'],
    ['test0123', 'the manual example'],
    ['___', 'underscores only'],
    ['12345', 'digits only (no personal data known)'],
    ['ＷＡＮＧ01', 'full-width letters are folded'],
    ['  wang01  ', 'surrounding spaces are trimmed'],
  ])('%j is acceptable (%s)', (account) => {
    expect(accountNameViolations(account)).toEqual([]);
    expect(isValidAccountName(account)).toBe(true);
  });

  it.each([
    ['', ['REQUIRED']],
    ['   ', ['REQUIRED']],
    ['ab', ['LENGTH']], // 2
    ['abcdefghijklm', ['LENGTH']], // 13
    ['wang-01', ['CHARSET']],
    ['wang.01', ['CHARSET']],
    ['wang 01', ['CHARSET']],
    ['wang@01', ['CHARSET']],
    ['王小明', ['CHARSET']],
    ['wáng01', ['CHARSET']],
    ['a-', ['LENGTH', 'CHARSET']],
    ['admin', ['RESERVED']],
    ['Root', ['RESERVED']],
    ['postmaster', ['RESERVED']],
    ['administrator', ['LENGTH', 'RESERVED']],
  ])('%j → %j', (account, expected) => {
    expect(codes(account)).toEqual(expected);
    expect(accountFormatViolations(account).map((v) => v.code)).toEqual(expected);
  });

  it('messages use the manual wording', () => {
    expect(accountNameErrors('')).toEqual(['請輸入登入帳號']);
    expect(accountNameErrors('ab')).toEqual(['登入帳號長度為3-12個字元']);
    expect(accountNameErrors('a-b')).toEqual([M.CHARSET]);
  });
});

describe('national ID', () => {
  const nationalId = 'A123456789';
  it.each([
    ['a123456789', M.NATIONAL_ID_EQUAL, 'equal, other case'],
    ['A123456789', M.NATIONAL_ID_EQUAL, 'equal'],
    ['xa123456789', M.NATIONAL_ID_CONTAINS, 'contains the ID'],
    ['a123456789_x', M.NATIONAL_ID_CONTAINS, 'contains the ID'],
    ['ab123456', M.NATIONAL_ID_CONTAINS, 'first 6 digits'],
    ['wang456789', M.NATIONAL_ID_CONTAINS, 'last 6 digits'],
    ['x23456789', M.NATIONAL_ID_CONTAINS, 'the 8 digits after the sex digit'],
  ])('%j → %s (%s)', (account: string, message: string, _why: string) => {
    expect(accountPersonalDataViolations(account, { nationalId })).toEqual([{ code: 'NATIONAL_ID', message }]);
  });

  it.each([
    ['ab12345', 'a 5-digit run is allowed'],
    ['wang01', 'unrelated'],
    ['a12', 'letter plus two digits'],
    ['b98765', 'digits not in the ID'],
  ])('%j is acceptable (%s)', (account) => {
    expect(accountPersonalDataViolations(account, { nationalId })).toEqual([]);
  });

  it('works with lower-case and resident numbers', () => {
    expect(codes('a123456789', { nationalId: 'a123456789' })).toEqual(['NATIONAL_ID']);
    expect(codes('fa12345689', { nationalId: 'FA12345689' })).toEqual(['NATIONAL_ID']);
    expect(codes('x345689', { nationalId: 'FA12345689' })).toEqual(['NATIONAL_ID']);
  });

  it('ignores an ID that is not (yet) well-formed', () => {
    expect(codes('a12', { nationalId: 'A12' })).toEqual([]);
    expect(codes('wang123456', { nationalId: '123456' })).toEqual([]);
  });

  it('a wrong check digit still counts: the user typed those digits', () => {
    expect(codes('a123456788', { nationalId: 'A123456788' })).toEqual(['NATIONAL_ID']);
  });
});

describe('birthday', () => {
  it('lists every spelling', () => {
    expect(birthdayDigitForms('1986-06-23')).toEqual(['19860623', '860623', '750623', '0750623', '0623']);
    expect(birthdayDigitForms('2012-03-04')).toEqual(['20120304', '120304', '1010304', '0304']);
    // Before the ROC era there is no ROC year to spell.
    expect(birthdayDigitForms('1911-12-31')).toEqual(['19111231', '111231', '1231']);
  });

  it.each([['1986-06-23'], ['1986/06/23'], ['19860623'], [new Date(Date.UTC(1986, 5, 23))]])(
    'accepts the birthday as %j',
    (birthday) => {
      expect(birthdayDigitForms(birthday)).toContain('0623');
    },
  );

  it.each([['1986-02-30'], ['1986-13-01'], ['86-06-23'], ['not a date'], [''], [new Date(Number.NaN)]])(
    'ignores an invalid birthday %j',
    (birthday) => {
      expect(birthdayDigitForms(birthday)).toEqual([]);
      expect(codes('w0623', { birthday })).toEqual([]);
    },
  );

  const birthday = '1986-06-23';
  it.each([
    ['w19860623', 'YYYYMMDD'],
    ['w860623', 'YYMMDD'],
    ['w750623', 'ROC yyMMDD'],
    ['w0750623', 'ROC yyyMMDD'],
    ['wang0623', 'MMDD'],
    ['0623wang', 'MMDD at the start'],
  ])('%j → BIRTHDAY (%s)', (account) => {
    expect(accountPersonalDataViolations(account, { birthday })).toEqual([{ code: 'BIRTHDAY', message: M.BIRTHDAY }]);
  });

  it.each([['wang0624'], ['wang2306'], ['wang1986']])('%j is acceptable', (account) => {
    expect(codes(account, { birthday })).toEqual([]);
  });

  it('reads a Date in UTC (DATE columns arrive as UTC midnight)', () => {
    expect(codes('wang0101', { birthday: new Date('1990-01-01T00:00:00Z') })).toEqual(['BIRTHDAY']);
  });
});

describe('mobile', () => {
  const mobile = '0912345678';
  it.each([
    ['w0912345678', 'the whole number'],
    ['w12345678', 'the 8 digits after 09'],
    ['w91234567', '8 digits from the middle'],
  ])('%j → MOBILE (%s)', (account) => {
    expect(accountPersonalDataViolations(account, { mobile })).toEqual([{ code: 'MOBILE', message: M.MOBILE }]);
  });

  it.each([['w1234567'], ['w2345678x'], ['wang01']])('%j is acceptable', (account) => {
    expect(codes(account, { mobile })).toEqual([]);
  });

  it('normalises the stored mobile first', () => {
    expect(codes('w12345678', { mobile: '+886 912-345-678' })).toEqual(['MOBILE']);
  });

  it('ignores an absent or too-short mobile', () => {
    expect(codes('w1234567', { mobile: '1234567' })).toEqual([]);
    expect(codes('w12345678', { mobile: null })).toEqual([]);
  });
});

describe('combined', () => {
  it('reports every violation, format first', () => {
    const context = { nationalId: 'A123456789', birthday: '1986-06-23', mobile: '0987654321' };
    expect(codes('a1234567890623', context)).toEqual(['LENGTH', 'NATIONAL_ID', 'BIRTHDAY']);
    expect(codes('0623_87654321', context)).toEqual(['LENGTH', 'BIRTHDAY', 'MOBILE']);
    expect(codes('0623_123456_87654321', context)).toEqual(['LENGTH', 'NATIONAL_ID', 'BIRTHDAY', 'MOBILE']);
    expect(accountNameErrors('0623-1234567', context)).toEqual([M.CHARSET, M.NATIONAL_ID_CONTAINS, M.BIRTHDAY]);
  });

  it('an empty account only needs REQUIRED', () => {
    expect(codes('', { nationalId: 'A123456789', birthday: '1986-06-23' })).toEqual(['REQUIRED']);
  });

  it('a clean account passes with full context', () => {
    expect(isValidAccountName('wang_dm', { nationalId: 'A123456789', birthday: '1986-06-23', mobile: '0912345678' })).toBe(true);
  });
});

describe('normalizeAccountName', () => {
  it.each([
    ['Wang_01', 'wang_01'],
    ['  WANG01 ', 'wang01'],
    ['ｗａｎｇ０１', 'wang01'],
  ])('%j → %j', (input, output) => {
    expect(normalizeAccountName(input)).toBe(output);
  });
});

describe('accountNameSchema', () => {
  it('outputs the lower-case account', () => {
    expect(accountNameSchema().parse(' Wang_01 ')).toBe('wang_01');
  });

  it('reports each violation as its own issue', () => {
    const result = accountNameSchema({ nationalId: 'A123456789' }).safeParse('a-123456789');
    expect(result.error?.issues.map((i) => i.message)).toEqual([M.CHARSET, M.NATIONAL_ID_CONTAINS]);
  });

  it.each([[undefined], [null], [42]])('rejects %j as required', (input) => {
    expect(
      accountNameSchema()
        .safeParse(input)
        .error?.issues.map((i) => i.message),
    ).toEqual([M.REQUIRED]);
  });
});
