// 身分證字號 (Taiwan national ID) and resident certificate numbers (居留證 / 統一證號).
// Pure; shared by the web form, the API and workflows.
//
// Formats accepted:
//  - CITIZEN       國民身分證: letter + 1|2 (sex) + 7 digits + check digit, e.g. A123456789.
//  - RESIDENT      新式統一證號 (issued since 2021): letter + 8|9 + 7 digits + check digit; same
//                  checksum as the national ID.
//  - RESIDENT_OLD  舊式居留證號 (still valid on older documents): letter + A–D + 8 digits; the second
//                  letter contributes the units digit of its code to the checksum.
//
// Checksum: the first letter maps to a two-digit code (A=10 … with the historic out-of-order I=34,
// O=35, W=32, Z=33, …). Weighted sum = tens×1 + units×9 + d1×8 + d2×7 + … + d7×2 + d8×1, and the
// check digit makes (sum + check) a multiple of 10.

import { z } from 'zod';
import { toHalfWidth } from './text';

/** First-letter codes. Not alphabetical: I, O, W, Z were added after the original 22 letters. */
export const NATIONAL_ID_LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
}; // prettier-ignore

export type NationalIdKind = 'CITIZEN' | 'RESIDENT' | 'RESIDENT_OLD';

export const NATIONAL_ID_MESSAGES = {
  REQUIRED: '請輸入身分證字號',
  FORMAT: '身分證字號格式錯誤，如：A123456789',
  CHECKSUM: '身分證字號檢查碼錯誤，請確認是否輸入正確',
  RESIDENT_NOT_ALLOWED: '請輸入國民身分證字號',
} as const;

/** Placeholder shown on the application form (manual, §3.2.3). */
export const NATIONAL_ID_PLACEHOLDER = '請輸入身分證字號，如：A000000000';

const CITIZEN = /^[A-Z][12]\d{8}$/;
const RESIDENT = /^[A-Z][89]\d{8}$/;
const RESIDENT_OLD = /^[A-Z][A-D]\d{8}$/;

/** Canonical form: full-width folded, trimmed, upper case. Storage, hashing and comparison use it. */
export function normalizeNationalId(value: string): string {
  return toHalfWidth(value).trim().toUpperCase();
}

/** Which format the (normalised) value has, ignoring the checksum; null if none. */
export function nationalIdKind(value: string): NationalIdKind | null {
  const id = normalizeNationalId(value);
  if (CITIZEN.test(id)) return 'CITIZEN';
  if (RESIDENT.test(id)) return 'RESIDENT';
  if (RESIDENT_OLD.test(id)) return 'RESIDENT_OLD';
  return null;
}

/** Weighted sum of the first nine characters (letter code + second character + 7 digits). */
function weightedSum(first9: string, kind: NationalIdKind): number | null {
  const code = NATIONAL_ID_LETTER_CODES[first9.charAt(0)];
  if (code === undefined) return null;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  // Old ARC: the second letter (A–D) counts with the units digit of its own letter code.
  const second = kind === 'RESIDENT_OLD' ? (NATIONAL_ID_LETTER_CODES[first9.charAt(1)] ?? 0) % 10 : Number(first9.charAt(1));
  sum += second * 8;
  for (let i = 2; i <= 8; i++) sum += Number(first9.charAt(i)) * (9 - i);
  return sum;
}

/**
 * The check digit for the first nine characters of a number of the given kind. Exported for test
 * fixtures and seed data, so that valid numbers never have to be hard-coded from real people.
 */
export function nationalIdCheckDigit(first9: string, kind: NationalIdKind = 'CITIZEN'): number {
  const sum = weightedSum(normalizeNationalId(first9), kind);
  if (sum === null || Number.isNaN(sum)) throw new Error('invalid national ID prefix');
  return (10 - (sum % 10)) % 10;
}

export interface NationalIdOptions {
  /** Accept 居留證 / 統一證號 as well as 國民身分證. Default true: some staff are foreign residents. */
  allowResident?: boolean;
}

/** zh-TW message for the first problem, or null when the value is valid. */
export function nationalIdError(value: string | null | undefined, options: NationalIdOptions = {}): string | null {
  const { allowResident = true } = options;
  const id = normalizeNationalId(value ?? '');
  if (id === '') return NATIONAL_ID_MESSAGES.REQUIRED;
  const kind = nationalIdKind(id);
  if (kind === null) return NATIONAL_ID_MESSAGES.FORMAT;
  if (kind !== 'CITIZEN' && !allowResident) return NATIONAL_ID_MESSAGES.RESIDENT_NOT_ALLOWED;
  if (nationalIdCheckDigit(id.slice(0, 9), kind) !== Number(id.charAt(9))) return NATIONAL_ID_MESSAGES.CHECKSUM;
  return null;
}

export function isValidNationalId(value: string | null | undefined, options: NationalIdOptions = {}): boolean {
  return nationalIdError(value, options) === null;
}

/**
 * 'A123456789' → 'A12****789': enough for the owner to recognise it on screen and in logs, not enough
 * to reuse. Values of six characters or fewer are masked entirely.
 */
export function maskNationalId(value: string): string {
  const id = normalizeNationalId(value);
  if (id.length <= 6) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 6)}${id.slice(-3)}`;
}

/** Required ID number; outputs the normalised form (upper case, half-width). */
export function nationalIdSchema(options: NationalIdOptions = {}) {
  // Normalise, then check: a failed value stays a string, so object-level rules can still see it.
  return z
    .string({ error: NATIONAL_ID_MESSAGES.REQUIRED })
    .transform(normalizeNationalId)
    .superRefine((value, ctx) => {
      const message = nationalIdError(value, options);
      if (message !== null) ctx.addIssue({ code: 'custom', message });
    });
}
