import { describe, expect, it } from 'vitest';
import {
  backupEmailError,
  backupEmailSchema,
  EMAIL_MAX_LENGTH,
  EMAIL_MESSAGES as M,
  emailDomain,
  isOfficialMail,
  isValidBackupEmail,
  isValidEmail,
  normalizeEmail,
  OFFICIAL_MAIL_DOMAIN,
  officialMailAddress,
} from './email';

const label63 = 'a'.repeat(63);
// 64 + 1 + 189 = 254 characters: the longest address allowed.
const longest = `${'l'.repeat(64)}@${label63}.${label63}.${'c'.repeat(57)}.com`;

describe('format', () => {
  it('fixture lengths', () => {
    expect(longest).toHaveLength(EMAIL_MAX_LENGTH);
  });

  it.each([
    ['user@example.com'],
    ['User.Name+tag@Example.COM'],
    ['a@b.co'],
    ['x@sub.domain.com.tw'],
    ["o'brien@example.org"],
    ['first_last-1@my-domain.tw'],
    ['user@xn--fiqs8s.xn--kpry57d'],
    ['ｕｓｅｒ＠ｇｍａｉｌ．ｃｏｍ'],
    ['  user@example.com  '],
    [`${'l'.repeat(64)}@example.com`],
    [`u@${label63}.com`],
    [longest],
  ])('%j is valid', (email) => {
    expect(isValidEmail(email)).toBe(true);
    expect(backupEmailError(email)).toBeNull();
  });

  it.each([
    ['', M.REQUIRED],
    ['   ', M.REQUIRED],
    [null, M.REQUIRED],
    ['plainaddress', M.FORMAT],
    ['@example.com', M.FORMAT],
    ['user@', M.FORMAT],
    ['user@localhost', M.FORMAT],
    ['user@.com', M.FORMAT],
    ['user@example..com', M.FORMAT],
    ['user@example.com.', M.FORMAT],
    ['user..x@example.com', M.FORMAT],
    ['.user@example.com', M.FORMAT],
    ['user.@example.com', M.FORMAT],
    ['user@-example.com', M.FORMAT],
    ['user@example-.com', M.FORMAT],
    ['user@exa_mple.com', M.FORMAT],
    ['user@example.c', M.FORMAT],
    ['user@example.123', M.FORMAT],
    ['user@[192.168.0.1]', M.FORMAT],
    ['"john doe"@example.com', M.FORMAT],
    ['user name@example.com', M.FORMAT],
    ['a@b@example.com', M.FORMAT],
    ['王@example.com', M.FORMAT],
    ['user@例子.com', M.FORMAT],
    [`${'l'.repeat(65)}@example.com`, M.FORMAT],
    [`u@${'a'.repeat(64)}.com`, M.FORMAT],
    [`x${longest}`, M.TOO_LONG],
  ])('%j → %s', (email, message) => {
    expect(backupEmailError(email)).toBe(message);
    expect(isValidEmail(email)).toBe(false);
  });
});

describe('official mail', () => {
  it.each([
    ['wang@mail.tainan.gov.tw', true],
    ['WANG@MAIL.TAINAN.GOV.TW', true],
    [' wang@mail.tainan.gov.tw ', true],
    ['wang@sub.mail.tainan.gov.tw', true],
    ['wang@tainan.gov.tw', false],
    ['wang@evilmail.tainan.gov.tw', false],
    ['wang@mail.tainan.gov.tw.example.com', false],
    ['wang@tn.edu.tw', false],
    ['wang@gmail.com', false],
    ['mail.tainan.gov.tw', false],
  ])('isOfficialMail(%j) = %s', (email, official) => {
    expect(isOfficialMail(email)).toBe(official);
  });

  it.each([['wang@mail.tainan.gov.tw'], ['Wang@Mail.Tainan.Gov.Tw'], ['x@a.mail.tainan.gov.tw']])(
    'a backup e-mail cannot be official: %j',
    (email) => {
      expect(backupEmailError(email)).toBe('備用信箱不可使用公務信箱（@mail.tainan.gov.tw）');
      expect(isValidBackupEmail(email)).toBe(false);
      // Still a well-formed address.
      expect(isValidEmail(email)).toBe(true);
    },
  );

  it('officialMailAddress', () => {
    expect(officialMailAddress('Wang_01')).toBe(`wang_01@${OFFICIAL_MAIL_DOMAIN}`);
    expect(officialMailAddress('wang', 'tn.edu.tw')).toBe('wang@tn.edu.tw');
  });
});

describe('helpers', () => {
  it.each([
    [' User@Example.COM ', 'user@example.com'],
    ['ＵＳＥＲ＠ＥＸＡＭＰＬＥ．ＣＯＭ', 'user@example.com'],
  ])('normalizeEmail(%j) = %j', (input, output) => {
    expect(normalizeEmail(input)).toBe(output);
  });

  it.each([
    ['user@Example.com', 'example.com'],
    ['a@b@c.com', 'c.com'],
    ['nodomain', ''],
  ])('emailDomain(%j) = %j', (input, output) => {
    expect(emailDomain(input)).toBe(output);
  });
});

describe('backupEmailSchema', () => {
  it('outputs the lower-cased address', () => {
    expect(backupEmailSchema.parse(' Peggy.Lin@Gmail.com ')).toBe('peggy.lin@gmail.com');
  });

  it.each([
    [undefined, M.REQUIRED],
    ['', M.REQUIRED],
    ['peggy@', M.FORMAT],
    ['peggy@mail.tainan.gov.tw', M.OFFICIAL],
  ])('%j → %s', (input, message) => {
    expect(backupEmailSchema.safeParse(input).error?.issues.map((i) => i.message)).toEqual([message]);
  });
});
