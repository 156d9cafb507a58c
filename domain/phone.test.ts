import { describe, expect, it } from 'vitest';
import {
  adTelephoneNumber,
  extensionError,
  isValidMobile,
  isValidOfficePhone,
  maskMobile,
  mobileError,
  mobileSchema,
  normalizeMobile,
  normalizeOfficePhone,
  OFFICE_PHONE_HINT,
  officeExtSchema,
  officePhoneError,
  officePhoneSchema,
  PHONE_MESSAGES as M,
} from './phone';

describe('office phone', () => {
  it.each([
    ['2991111', '2991111', '7 digits, the manual example'],
    ['29911112', '29911112', '8 digits'],
    ['299-1111', '2991111', 'hyphen removed'],
    [' 299 1111 ', '2991111', 'spaces removed'],
    ['299.1111', '2991111', 'dot removed'],
    ['２９９１１１１', '2991111', 'full-width digits'],
  ])('%j is valid → %j (%s)', (input, normalised) => {
    expect(officePhoneError(input)).toBeNull();
    expect(isValidOfficePhone(input)).toBe(true);
    expect(normalizeOfficePhone(input)).toBe(normalised);
  });

  it.each([
    ['', M.OFFICE_REQUIRED],
    ['  ', M.OFFICE_REQUIRED],
    [null, M.OFFICE_REQUIRED],
    [undefined, M.OFFICE_REQUIRED],
    ['299111', M.OFFICE_FORMAT], // 6 digits
    ['299111111', M.OFFICE_FORMAT], // 9 digits
    ['062991111', M.OFFICE_AREA_CODE],
    ['06-2991111', M.OFFICE_AREA_CODE],
    ['(06)2991111', M.OFFICE_AREA_CODE],
    ['+88662991111', M.OFFICE_AREA_CODE],
    ['0912345678', M.OFFICE_AREA_CODE], // a mobile number has a leading 0 too
    ['2991111#123', M.OFFICE_EXTENSION_IN_NUMBER],
    ['2991111轉123', M.OFFICE_EXTENSION_IN_NUMBER],
    ['2991111 ext 12', M.OFFICE_EXTENSION_IN_NUMBER],
    ['2991111分機5', M.OFFICE_EXTENSION_IN_NUMBER],
    ['299111a', M.OFFICE_FORMAT],
    ['2991111/2', M.OFFICE_FORMAT],
    ['電話2991111', M.OFFICE_FORMAT],
  ])('%j → %s', (input, message) => {
    expect(officePhoneError(input)).toBe(message);
    expect(isValidOfficePhone(input)).toBe(false);
  });

  it('hint uses the manual wording', () => {
    expect(OFFICE_PHONE_HINT).toBe('格式：2991111，臺南市不須填寫區碼，也不須填寫任何分隔字元，分機可不填寫。');
  });
});

describe('extension', () => {
  it.each([[''], ['  '], [null], [undefined], ['1'], ['123456'], ['８００１']])('%j is valid', (input) => {
    expect(extensionError(input)).toBeNull();
  });

  it.each([['1234567'], ['12a'], ['#123'], ['12-34'], ['-1']])('%j is invalid', (input) => {
    expect(extensionError(input)).toBe(M.EXT_FORMAT);
  });
});

describe('mobile', () => {
  it.each([
    ['0912345678'],
    ['0912-345-678'],
    ['0912 345 678'],
    ['(0912)345678'],
    ['+886912345678'],
    ['+886 912 345 678'],
    ['+886-912-345-678'],
    ['886912345678'],
    ['00886912345678'],
    ['+886 0912 345 678'],
    ['０９１２３４５６７８'],
  ])('%j → 0912345678', (input) => {
    expect(normalizeMobile(input)).toBe('0912345678');
    expect(mobileError(input)).toBeNull();
    expect(isValidMobile(input)).toBe(true);
  });

  it.each([
    ['', M.MOBILE_REQUIRED],
    [null, M.MOBILE_REQUIRED],
    ['091234567', M.MOBILE_FORMAT], // 9 digits
    ['09123456789', M.MOBILE_FORMAT], // 11 digits
    ['0812345678', M.MOBILE_FORMAT], // not 09
    ['912345678', M.MOBILE_FORMAT], // trunk 0 missing
    ['+886812345678', M.MOBILE_FORMAT],
    ['+1 912345678', M.MOBILE_FORMAT],
    ['0912-345-67a', M.MOBILE_FORMAT],
    ['062991111', M.MOBILE_FORMAT],
  ])('%j → %s', (input, message) => {
    expect(mobileError(input)).toBe(message);
    expect(isValidMobile(input)).toBe(false);
  });

  it.each([
    ['0912345678', '0912***678'],
    ['+886 912 345 678', '0912***678'],
    ['1234567', '*******'],
    ['', ''],
  ])('maskMobile(%j) = %j', (input, output) => {
    expect(maskMobile(input)).toBe(output);
  });
});

describe('schemas', () => {
  it('officePhoneSchema outputs digits', () => {
    expect(officePhoneSchema.parse('299-1111')).toBe('2991111');
    expect(officePhoneSchema.safeParse('06-2991111').error?.issues.map((i) => i.message)).toEqual([M.OFFICE_AREA_CODE]);
    expect(officePhoneSchema.safeParse(undefined).error?.issues.map((i) => i.message)).toEqual([M.OFFICE_REQUIRED]);
  });

  it.each([
    ['', null],
    [null, null],
    [undefined, null],
    [' 8001 ', '8001'],
  ])('officeExtSchema(%j) = %j', (input, output) => {
    expect(officeExtSchema.parse(input)).toBe(output);
  });

  it('officeExtSchema rejects bad extensions', () => {
    expect(officeExtSchema.safeParse('1234567').error?.issues.map((i) => i.message)).toEqual([M.EXT_FORMAT]);
    expect(officeExtSchema.safeParse(8001).success).toBe(false);
  });

  it('mobileSchema outputs 09xxxxxxxx', () => {
    expect(mobileSchema.parse('+886 912-345-678')).toBe('0912345678');
    expect(mobileSchema.safeParse('12345').error?.issues.map((i) => i.message)).toEqual([M.MOBILE_FORMAT]);
  });
});

describe('adTelephoneNumber', () => {
  it('writes 公務電話 for AD as 06-<number>#<分機>, and nothing without a number', () => {
    expect(adTelephoneNumber('2991111', '8201')).toBe('06-2991111#8201');
    expect(adTelephoneNumber('2991111', null)).toBe('06-2991111');
    expect(adTelephoneNumber(null, '8201')).toBeNull();
  });
});
