// 公務電話 (office phone), 分機 (extension) and 手機號碼 (mobile number). Pure; shared by web and API.
//
// Office phone (manual §3.2.3): "格式：2991111，臺南市不須填寫區碼，也不須填寫任何分隔字元，分機可不填寫".
// The stored form is the bare local number (7–8 digits). Separators the manual says are unnecessary
// (spaces, hyphens, dots, parentheses) are removed rather than rejected: "299-1111" is what the user
// meant. An area code is never guessed away, because "062991111" could also be a typo.
//
// Mobile: Taiwan mobile numbers are 09 + 8 digits. "+886 912 345 678", "886912345678" and
// "0912-345-678" all normalise to "0912345678", the form the SMS gateway (Mitake) takes.

import { z } from 'zod';
import { toHalfWidth } from './text';

/** The manual's hint under the office phone field. */
export const OFFICE_PHONE_HINT = '格式：2991111，臺南市不須填寫區碼，也不須填寫任何分隔字元，分機可不填寫。';

export const PHONE_MESSAGES = {
  OFFICE_REQUIRED: '請輸入公務電話',
  OFFICE_AREA_CODE: '公務電話格式錯誤：臺南市不須填寫區碼（格式：2991111）',
  OFFICE_EXTENSION_IN_NUMBER: '公務電話格式錯誤：分機請填寫於分機欄位',
  OFFICE_FORMAT: '公務電話格式錯誤，格式：2991111，臺南市不須填寫區碼，也不須填寫任何分隔字元',
  EXT_FORMAT: '分機格式錯誤，請填寫1-6位數字',
  MOBILE_REQUIRED: '請輸入手機號碼',
  MOBILE_FORMAT: '手機號碼格式錯誤，格式：0912345678',
} as const;

// Characters a person may type between digit groups; removing them cannot change the number.
const SEPARATORS = /[\s\-.()]/g;

/** Full-width folded, trimmed, separators removed. */
export function normalizeOfficePhone(value: string): string {
  return toHalfWidth(value).replace(SEPARATORS, '');
}

/** zh-TW message, or null when valid. Empty input is "required": the field is mandatory. */
export function officePhoneError(value: string | null | undefined): string | null {
  const phone = normalizeOfficePhone(value ?? '');
  if (phone === '') return PHONE_MESSAGES.OFFICE_REQUIRED;
  // "2991111#123", "2991111轉123", "2991111 ext 12": the extension has its own field.
  if (/^\d{7,8}(#|轉|ext|分機)/i.test(phone)) return PHONE_MESSAGES.OFFICE_EXTENSION_IN_NUMBER;
  // Local numbers never start with 0; a leading 0 (or +886) is an area/country code.
  if (/^(0|\+)/.test(phone) && /^\+?\d+$/.test(phone)) return PHONE_MESSAGES.OFFICE_AREA_CODE;
  if (!/^[1-9]\d{6,7}$/.test(phone)) return PHONE_MESSAGES.OFFICE_FORMAT;
  return null;
}

export function isValidOfficePhone(value: string | null | undefined): boolean {
  return officePhoneError(value) === null;
}

/** Full-width folded and trimmed; '' means "no extension". */
export function normalizeExtension(value: string): string {
  return toHalfWidth(value).trim();
}

/** Extension is optional: empty is valid. Otherwise 1–6 digits. */
export function extensionError(value: string | null | undefined): string | null {
  const ext = normalizeExtension(value ?? '');
  if (ext === '') return null;
  return /^\d{1,6}$/.test(ext) ? null : PHONE_MESSAGES.EXT_FORMAT;
}

/**
 * Canonical 09xxxxxxxx form when the input is recognisably a Taiwan mobile number in any common
 * notation, otherwise the input with separators removed (so the error check sees what was typed).
 */
export function normalizeMobile(value: string): string {
  const s = toHalfWidth(value).replace(SEPARATORS, '');
  // +886 / 886 / 00886 country code, optionally followed by the trunk 0 people often keep ("+886 0912…").
  const intl = /^(?:\+|00)?886(?:0)?(9\d{8})$/.exec(s);
  if (intl) return `0${intl[1]}`;
  return s;
}

export function mobileError(value: string | null | undefined): string | null {
  const mobile = normalizeMobile(value ?? '');
  if (mobile === '') return PHONE_MESSAGES.MOBILE_REQUIRED;
  return /^09\d{8}$/.test(mobile) ? null : PHONE_MESSAGES.MOBILE_FORMAT;
}

export function isValidMobile(value: string | null | undefined): boolean {
  return mobileError(value) === null;
}

/** '0912345678' → '0912***678' for "驗證簡訊已寄送至…" notices. */
export function maskMobile(value: string): string {
  const m = normalizeMobile(value);
  if (m.length <= 7) return '*'.repeat(m.length);
  return `${m.slice(0, 4)}${'*'.repeat(m.length - 7)}${m.slice(-3)}`;
}

// ---- zod field schemas ----
// Each normalises first and checks second, so the output is the stored form and a failing value is
// still a string that object-level refinements can look at.

/** Required office phone; outputs the bare digits. */
export const officePhoneSchema = z
  .string({ error: PHONE_MESSAGES.OFFICE_REQUIRED })
  .transform(normalizeOfficePhone)
  .superRefine((value, ctx) => {
    const message = officePhoneError(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  });

/** Optional extension; '', null and absent all become null (nothing stored). */
export const officeExtSchema = z
  .string({ error: PHONE_MESSAGES.EXT_FORMAT })
  .nullish()
  .transform((value) => normalizeExtension(value ?? ''))
  .superRefine((value, ctx) => {
    const message = extensionError(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  })
  .transform((value) => (value === '' ? null : value));

/** Required mobile number; outputs 09xxxxxxxx. */
export const mobileSchema = z
  .string({ error: PHONE_MESSAGES.MOBILE_REQUIRED })
  .transform(normalizeMobile)
  .superRefine((value, ctx) => {
    const message = mobileError(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  });

/** 公務電話 as AD's telephoneNumber: 06-<number>#<分機>, as the account is created with. */
export function adTelephoneNumber(officePhone: string | null, officeExt: string | null): string | null {
  if (!officePhone) return null;
  return `06-${officePhone}${officeExt ? `#${officeExt}` : ''}`;
}
