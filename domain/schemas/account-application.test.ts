import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ACCOUNT_NAME_MESSAGES } from '../account-name';
import { EMAIL_MESSAGES } from '../email';
import { NATIONAL_ID_MESSAGES } from '../national-id';
import {
  PASSWORD_MESSAGES,
  PASSWORD_MISMATCH_MESSAGE,
  PASSWORD_REQUIRED_MESSAGE,
  PASSWORD_UNCHANGED_MESSAGE,
} from '../password-policy';
import { PHONE_MESSAGES } from '../phone';
import {
  accountAmendmentSchema,
  accountApplicationSchema,
  activationSchema,
  APPLICATION_MESSAGES as M,
  emailVerificationSchema,
  NEED_OFFICIAL_MAIL_OPTIONS,
  passwordChangeSchema,
  verificationCodeSchema,
} from './account-application';

/** [path, message] pairs of a failed parse, in zod's order. */
function issues(result: { success: boolean; error?: z.ZodError }): [string, string][] {
  return (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
}

describe('emailVerificationSchema', () => {
  it('accepts and normalises', () => {
    expect(emailVerificationSchema.parse({ email: ' Peggy@Gmail.com ', captchaId: 'c-1', captchaAnswer: ' ａｂ１２ ' })).toEqual({
      email: 'peggy@gmail.com',
      captchaId: 'c-1',
      captchaAnswer: 'ab12',
    });
  });

  it.each([
    [{ email: '', captchaId: 'c', captchaAnswer: 'x' }, [['email', EMAIL_MESSAGES.REQUIRED]]],
    [{ email: 'p@mail.tainan.gov.tw', captchaId: 'c', captchaAnswer: 'x' }, [['email', EMAIL_MESSAGES.OFFICIAL]]],
    [{ email: 'p@gmail.com', captchaId: 'c', captchaAnswer: ' ' }, [['captchaAnswer', M.CAPTCHA_REQUIRED]]],
    [{ email: 'p@gmail.com', captchaId: '', captchaAnswer: 'x' }, [['captchaId', M.CAPTCHA_EXPIRED]]],
    [
      {},
      [
        ['email', EMAIL_MESSAGES.REQUIRED],
        ['captchaId', M.CAPTCHA_EXPIRED],
        ['captchaAnswer', M.CAPTCHA_REQUIRED],
      ],
    ],
  ])('%j', (input, expected) => {
    expect(issues(emailVerificationSchema.safeParse(input))).toEqual(expected);
  });
});

describe('verificationCodeSchema', () => {
  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['１２３４５６', '123456'],
    ['000000', '000000'],
  ])('%j → %j', (code, output) => {
    expect(verificationCodeSchema.parse({ code })).toEqual({ code: output });
  });

  it.each([[''], ['12345'], ['1234567'], ['abcdef'], ['12345a'], [undefined], [123456]])('%j is rejected', (code) => {
    expect(issues(verificationCodeSchema.safeParse({ code }))).toEqual([['code', '請輸入 6 位數驗證碼']]);
  });
});

const valid = {
  nationalId: 'a123456789',
  account: 'Wang_01',
  needOfficialMail: true,
  name: '王大明',
  organizationCode: 'G25',
  title: '科員',
  officePhone: '2991111',
  officeExt: '8001',
  remark: '請協助開通',
};

describe('accountApplicationSchema', () => {
  it('accepts a complete form and outputs normalised values', () => {
    expect(accountApplicationSchema.parse(valid)).toEqual({
      nationalId: 'A123456789',
      account: 'wang_01',
      needOfficialMail: true,
      name: '王大明',
      organizationCode: 'G25',
      title: '科員',
      officePhone: '2991111',
      officeExt: '8001',
      remark: '請協助開通',
    });
  });

  it('optional fields may be empty or absent', () => {
    const { officeExt: _e, remark: _r, ...rest } = valid;
    expect(accountApplicationSchema.parse(rest)).toMatchObject({ officeExt: null, remark: null });
    expect(accountApplicationSchema.parse({ ...valid, officeExt: '', remark: '  ' })).toMatchObject({
      officeExt: null,
      remark: null,
    });
  });

  it('drops fields it does not know (the backup e-mail comes from the verified step)', () => {
    expect(accountApplicationSchema.parse({ ...valid, backupEmail: 'x@gmail.com' })).not.toHaveProperty('backupEmail');
  });

  it('needOfficialMail false and the option labels', () => {
    expect(accountApplicationSchema.parse({ ...valid, needOfficialMail: false }).needOfficialMail).toBe(false);
    expect(NEED_OFFICIAL_MAIL_OPTIONS.map((o) => o.label)).toEqual(['需要公務郵件', '不需要公務郵件']);
  });

  it.each([
    ['nationalId', '', NATIONAL_ID_MESSAGES.REQUIRED],
    ['nationalId', 'A12345678', NATIONAL_ID_MESSAGES.FORMAT],
    ['nationalId', 'A123456788', NATIONAL_ID_MESSAGES.CHECKSUM],
    ['account', '', ACCOUNT_NAME_MESSAGES.REQUIRED],
    ['account', 'ab', ACCOUNT_NAME_MESSAGES.LENGTH],
    ['account', 'abcdefghijklm', ACCOUNT_NAME_MESSAGES.LENGTH],
    ['account', 'wang-01', ACCOUNT_NAME_MESSAGES.CHARSET],
    ['needOfficialMail', undefined, M.NEED_OFFICIAL_MAIL],
    ['needOfficialMail', 'true', M.NEED_OFFICIAL_MAIL],
    ['name', '', '請輸入您的真實姓名'],
    ['name', '   ', '請輸入您的真實姓名'],
    ['name', '王'.repeat(51), M.NAME_TOO_LONG],
    ['name', '王\u0007明', M.NAME_INVALID],
    ['name', '王\ud800明', M.NAME_INVALID], // an unpaired surrogate has no UTF-8 form
    ['organizationCode', '', '請選擇機關單位'],
    ['organizationCode', undefined, '請選擇機關單位'],
    ['title', '', '請輸入職稱'],
    ['title', 'x'.repeat(51), M.TITLE_TOO_LONG],
    ['officePhone', '', PHONE_MESSAGES.OFFICE_REQUIRED],
    ['officePhone', '06-2991111', PHONE_MESSAGES.OFFICE_AREA_CODE],
    ['officePhone', '299111', PHONE_MESSAGES.OFFICE_FORMAT],
    ['officeExt', '1234567', PHONE_MESSAGES.EXT_FORMAT],
    ['remark', 'x'.repeat(501), M.REMARK_TOO_LONG],
    ['remark', 'a\u0000b', M.REMARK_INVALID],
    ['remark', 'a\udc00', M.REMARK_INVALID],
  ])('%s = %j → %s', (field, value, message) => {
    expect(issues(accountApplicationSchema.safeParse({ ...valid, [field]: value }))).toEqual([[field, message]]);
  });

  it.each([
    ['name', '王'.repeat(50)],
    ['name', '林𡘙'.repeat(25)], // 50 characters, 75 UTF-16 units
    ['name', 'Chen  Ta-Ming'],
    ['title', 'x'.repeat(50)],
    ['remark', 'x'.repeat(500)],
    ['remark', '第一行\n第二行\t'],
    ['officeExt', '123456'],
    ['account', 'abc'],
    ['account', 'abcdefghijkl'],
  ])('boundary %s = %j is accepted', (field, value) => {
    expect(accountApplicationSchema.safeParse({ ...valid, [field]: value }).success).toBe(true);
  });

  it('collapses whitespace in name and title', () => {
    expect(accountApplicationSchema.parse({ ...valid, name: ' Chen   Ta-Ming ', title: ' 科員 ' })).toMatchObject({
      name: 'Chen Ta-Ming',
      title: '科員',
    });
  });

  describe('account against the ID number (object-level, on the account field)', () => {
    it.each([
      ['a123456789', ACCOUNT_NAME_MESSAGES.NATIONAL_ID_EQUAL],
      ['A123456789', ACCOUNT_NAME_MESSAGES.NATIONAL_ID_EQUAL],
      ['x123456', ACCOUNT_NAME_MESSAGES.NATIONAL_ID_CONTAINS],
    ])('%j → %s', (account, message) => {
      expect(issues(accountApplicationSchema.safeParse({ ...valid, account }))).toEqual([['account', message]]);
    });

    it('is reported even when other fields fail', () => {
      expect(issues(accountApplicationSchema.safeParse({ ...valid, account: 'a123456789', name: '', title: '' }))).toEqual([
        ['name', '請輸入您的真實姓名'],
        ['title', '請輸入職稱'],
        ['account', ACCOUNT_NAME_MESSAGES.NATIONAL_ID_EQUAL],
      ]);
    });

    it('is reported when the ID has a wrong check digit (both fields get a message)', () => {
      expect(issues(accountApplicationSchema.safeParse({ ...valid, nationalId: 'A123456788', account: 'a123456788' }))).toEqual([
        ['nationalId', NATIONAL_ID_MESSAGES.CHECKSUM],
        ['account', ACCOUNT_NAME_MESSAGES.NATIONAL_ID_EQUAL],
      ]);
    });

    it('is not repeated when the account already fails its format rules', () => {
      expect(issues(accountApplicationSchema.safeParse({ ...valid, account: 'a-123456789' }))).toEqual([
        ['account', ACCOUNT_NAME_MESSAGES.CHARSET],
      ]);
    });

    it('is skipped when the account is missing', () => {
      const { account: _a, ...rest } = valid;
      expect(issues(accountApplicationSchema.safeParse(rest))).toEqual([['account', ACCOUNT_NAME_MESSAGES.REQUIRED]]);
    });
  });

  it('reports every field of an empty form, each with its own message', () => {
    expect(issues(accountApplicationSchema.safeParse({}))).toEqual([
      ['nationalId', NATIONAL_ID_MESSAGES.REQUIRED],
      ['account', ACCOUNT_NAME_MESSAGES.REQUIRED],
      ['needOfficialMail', M.NEED_OFFICIAL_MAIL],
      ['name', '請輸入您的真實姓名'],
      ['organizationCode', '請選擇機關單位'],
      ['title', '請輸入職稱'],
      ['officePhone', PHONE_MESSAGES.OFFICE_REQUIRED],
    ]);
  });
});

describe('accountAmendmentSchema', () => {
  const { nationalId: _id, ...amendment } = valid;

  it('has no ID number field', () => {
    expect(accountAmendmentSchema().parse({ ...amendment, nationalId: 'B123456780' })).not.toHaveProperty('nationalId');
  });

  it('checks the account against the stored ID the API passes in', () => {
    expect(issues(accountAmendmentSchema({ nationalId: 'A123456789' }).safeParse({ ...amendment, account: 'w123456' }))).toEqual([
      ['account', ACCOUNT_NAME_MESSAGES.NATIONAL_ID_CONTAINS],
    ]);
    expect(accountAmendmentSchema().safeParse({ ...amendment, account: 'w123456' }).success).toBe(true);
  });

  it('checks the birthday and mobile when known', () => {
    const schema = accountAmendmentSchema({ birthday: '1986-06-23', mobile: '0912345678' });
    expect(issues(schema.safeParse({ ...amendment, account: 'w0623_123456' }))).toEqual([
      ['account', ACCOUNT_NAME_MESSAGES.BIRTHDAY],
    ]);
    expect(issues(schema.safeParse({ ...amendment, account: 'w12345678' }))).toEqual([['account', ACCOUNT_NAME_MESSAGES.MOBILE]]);
  });

  it('validates the other fields like the application', () => {
    expect(issues(accountAmendmentSchema().safeParse({ ...amendment, title: '' }))).toEqual([['title', '請輸入職稱']]);
  });
});

describe('activationSchema', () => {
  const schema = activationSchema('wang01');

  it('accepts matching passwords that follow the policy', () => {
    expect(schema.parse({ newPassword: 'Abcdef1!', confirmPassword: 'Abcdef1!' })).toEqual({
      newPassword: 'Abcdef1!',
      confirmPassword: 'Abcdef1!',
    });
  });

  it.each([
    [{ newPassword: 'Abcdef1!', confirmPassword: 'Abcdef1?' }, [['confirmPassword', PASSWORD_MISMATCH_MESSAGE]]],
    [{ newPassword: 'Abcdef1!', confirmPassword: '' }, [['confirmPassword', '請再次輸入新密碼']]],
    [{ newPassword: 'Abcdef1!' }, [['confirmPassword', '請再次輸入新密碼']]],
    [
      { newPassword: '', confirmPassword: '' },
      [
        ['newPassword', PASSWORD_REQUIRED_MESSAGE],
        ['confirmPassword', '請再次輸入新密碼'],
      ],
    ],
    [{ newPassword: 'Wang01!abc', confirmPassword: 'Wang01!abc' }, [['newPassword', PASSWORD_MESSAGES.ACCOUNT]]],
    [
      { newPassword: 'abcdefg', confirmPassword: 'abcdefx' },
      [
        ['newPassword', PASSWORD_MESSAGES.LENGTH],
        ['newPassword', PASSWORD_MESSAGES.UPPER],
        ['newPassword', PASSWORD_MESSAGES.DIGIT],
        ['newPassword', PASSWORD_MESSAGES.SPECIAL],
        ['confirmPassword', PASSWORD_MISMATCH_MESSAGE],
      ],
    ],
  ])('%j', (input, expected) => {
    expect(issues(schema.safeParse(input))).toEqual(expected);
  });

  it('the account given to the factory is the one checked', () => {
    expect(activationSchema('other').safeParse({ newPassword: 'Wang01!abc', confirmPassword: 'Wang01!abc' }).success).toBe(true);
  });
});

describe('passwordChangeSchema', () => {
  const schema = passwordChangeSchema('wang01');

  it('accepts a change', () => {
    expect(schema.safeParse({ oldPassword: 'Old1!pass', newPassword: 'Abcdef1!', confirmPassword: 'Abcdef1!' }).success).toBe(
      true,
    );
  });

  it('rejects the old password as the new one', () => {
    expect(issues(schema.safeParse({ oldPassword: 'Abcdef1!', newPassword: 'Abcdef1!', confirmPassword: 'Abcdef1!' }))).toEqual([
      ['newPassword', PASSWORD_UNCHANGED_MESSAGE],
    ]);
  });

  it('asks for the old password', () => {
    expect(issues(schema.safeParse({ oldPassword: '', newPassword: 'Abcdef1!', confirmPassword: 'Abcdef1!' }))).toEqual([
      ['oldPassword', '請輸入舊密碼'],
    ]);
  });
});
