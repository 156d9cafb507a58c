import { describe, expect, it } from 'vitest';
import {
  isValidNationalId,
  maskNationalId,
  NATIONAL_ID_LETTER_CODES,
  NATIONAL_ID_MESSAGES,
  nationalIdCheckDigit,
  nationalIdError,
  nationalIdKind,
  nationalIdSchema,
  normalizeNationalId,
} from './national-id';

// Check digits below were worked out by hand (tens×1 + units×9 + d1×8 … d8×1), not with the module,
// so a wrong weight or letter code in the implementation cannot hide behind its own output.
describe('valid numbers', () => {
  it.each([
    ['A123456789', 'CITIZEN', 'the textbook example (A=10)'],
    ['A223456781', 'CITIZEN', 'second digit 2'],
    ['B123456780', 'CITIZEN', 'B=11'],
    ['J123456787', 'CITIZEN', 'J=18 (after H=17, skipping I)'],
    ['I123456781', 'CITIZEN', 'I=34'],
    ['O123456782', 'CITIZEN', 'O=35'],
    ['W123456789', 'CITIZEN', 'W=32'],
    ['X123456787', 'CITIZEN', 'X=30'],
    ['Y123456788', 'CITIZEN', 'Y=31'],
    ['Z123456780', 'CITIZEN', 'Z=33'],
    ['A800000014', 'RESIDENT', 'new 統一證號, second digit 8'],
    ['A900000016', 'RESIDENT', 'new 統一證號, second digit 9'],
    ['FA12345689', 'RESIDENT_OLD', 'old 居留證, second letter A counts 0'],
    ['AB12345677', 'RESIDENT_OLD', 'old 居留證, second letter B counts 1'],
    ['AD12345671', 'RESIDENT_OLD', 'old 居留證, second letter D counts 3'],
  ] as const)('%s (%s: %s)', (id: string, kind: string, _why: string) => {
    expect(nationalIdError(id)).toBeNull();
    expect(isValidNationalId(id)).toBe(true);
    expect(nationalIdKind(id)).toBe(kind);
  });

  it.each([
    ['a123456789', 'lower case'],
    ['  A123456789 ', 'surrounding spaces'],
    ['Ａ１２３４５６７８９', 'full-width (IME) input'],
    ['fa12345689', 'lower-case old ARC'],
  ])('accepts %j (%s)', (id) => {
    expect(nationalIdError(id)).toBeNull();
  });

  it('every letter has a code and produces valid numbers', () => {
    expect(Object.keys(NATIONAL_ID_LETTER_CODES)).toHaveLength(26);
    for (const letter of Object.keys(NATIONAL_ID_LETTER_CODES)) {
      const id = `${letter}12345678${nationalIdCheckDigit(`${letter}12345678`)}`;
      expect(isValidNationalId(id), id).toBe(true);
    }
  });
});

describe('format errors', () => {
  it.each([
    ['', NATIONAL_ID_MESSAGES.REQUIRED],
    ['   ', NATIONAL_ID_MESSAGES.REQUIRED],
    [null, NATIONAL_ID_MESSAGES.REQUIRED],
    [undefined, NATIONAL_ID_MESSAGES.REQUIRED],
    ['A12345678', NATIONAL_ID_MESSAGES.FORMAT], // 9 characters
    ['A1234567890', NATIONAL_ID_MESSAGES.FORMAT], // 11 characters
    ['1234567890', NATIONAL_ID_MESSAGES.FORMAT], // no letter
    ['A323456789', NATIONAL_ID_MESSAGES.FORMAT], // second digit 3
    ['A023456789', NATIONAL_ID_MESSAGES.FORMAT], // second digit 0
    ['A723456789', NATIONAL_ID_MESSAGES.FORMAT], // second digit 7
    ['AE12345678', NATIONAL_ID_MESSAGES.FORMAT], // old ARC second letter outside A–D
    ['A12345678X', NATIONAL_ID_MESSAGES.FORMAT],
    ['A1234 56789', NATIONAL_ID_MESSAGES.FORMAT], // inner space
    ['A-123456789', NATIONAL_ID_MESSAGES.FORMAT],
    ['甲123456789', NATIONAL_ID_MESSAGES.FORMAT],
  ])('%j → %s', (id, message) => {
    expect(nationalIdError(id)).toBe(message);
    expect(isValidNationalId(id)).toBe(false);
    expect(nationalIdKind(id ?? '')).toBeNull();
  });
});

describe('checksum errors', () => {
  // Every wrong check digit of each kind is caught.
  it.each([
    ['A12345678', 9],
    ['A80000001', 4],
    ['FA1234568', 9],
  ])('%s + any digit but %i', (first9, good) => {
    for (let d = 0; d <= 9; d++) {
      const expected = d === good ? null : NATIONAL_ID_MESSAGES.CHECKSUM;
      expect(nationalIdError(`${first9}${d}`), `${first9}${d}`).toBe(expected);
    }
  });

  it('a transposition of adjacent digits is caught', () => {
    // Adjacent weights differ by one, so swapping unequal digits changes the sum by their difference.
    expect(nationalIdError('A132456789')).toBe(NATIONAL_ID_MESSAGES.CHECKSUM);
  });

  it('the old ARC checksum uses the second letter, not a national-ID digit', () => {
    // Same digits with second letter B instead of A: the check digit must change (0 → 1 in units × 8).
    expect(nationalIdError('FB12345689')).toBe(NATIONAL_ID_MESSAGES.CHECKSUM);
  });
});

describe('resident numbers can be refused', () => {
  it.each(['A800000014', 'FA12345689'])('%s', (id) => {
    expect(nationalIdError(id, { allowResident: false })).toBe(NATIONAL_ID_MESSAGES.RESIDENT_NOT_ALLOWED);
    expect(isValidNationalId(id, { allowResident: false })).toBe(false);
  });

  it('citizens are still accepted', () => {
    expect(nationalIdError('A123456789', { allowResident: false })).toBeNull();
  });
});

describe('nationalIdCheckDigit', () => {
  it.each([
    ['A12345678', 'CITIZEN', 9],
    ['A80000001', 'RESIDENT', 4],
    ['FA1234568', 'RESIDENT_OLD', 9],
  ] as const)('%s (%s) → %i', (first9, kind, digit) => {
    expect(nationalIdCheckDigit(first9, kind)).toBe(digit);
  });

  it.each(['112345678', '', 'A1234X678'])('throws on a bad prefix %j', (first9) => {
    expect(() => nationalIdCheckDigit(first9)).toThrow();
  });
});

describe('normalizeNationalId', () => {
  it.each([
    ['a123456789', 'A123456789'],
    [' A123456789\t', 'A123456789'],
    ['ａ１２３４５６７８９', 'A123456789'],
  ])('%j → %s', (input, output) => {
    expect(normalizeNationalId(input)).toBe(output);
  });
});

describe('maskNationalId', () => {
  it.each([
    ['A123456789', 'A12****789'],
    ['a123456789', 'A12****789'],
    ['FA12345689', 'FA1****689'],
    ['ABCDEFG', 'ABC*EFG'],
    ['ABCDEF', '******'],
    ['AB', '**'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(maskNationalId(input)).toBe(output);
  });
});

describe('nationalIdSchema', () => {
  it('outputs the normalised number', () => {
    expect(nationalIdSchema().parse(' a123456789 ')).toBe('A123456789');
  });

  it.each([
    ['', NATIONAL_ID_MESSAGES.REQUIRED],
    [undefined, NATIONAL_ID_MESSAGES.REQUIRED],
    [123, NATIONAL_ID_MESSAGES.REQUIRED],
    ['A12345678', NATIONAL_ID_MESSAGES.FORMAT],
    ['A123456788', NATIONAL_ID_MESSAGES.CHECKSUM],
  ])('%j → %s', (input, message) => {
    const result = nationalIdSchema().safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it('passes the resident option on', () => {
    expect(nationalIdSchema({ allowResident: false }).safeParse('A800000014').error?.issues[0]?.message).toBe(
      NATIONAL_ID_MESSAGES.RESIDENT_NOT_ALLOWED,
    );
  });
});
