// 登入帳號 (login account) rules. Pure; shared by the web form (live feedback), the API (檢查帳號 and
// submission) and workflows.
//
// Manual §3.2.3: "登入帳號長度為3-12個字元，可以使用英文、數字或底線，請勿使用身分證號，需與出生日期或
// 身分證號碼等個人資訊作區隔" and step (12) "帳號不可使用機敏性資料(如身分證、手機號碼及生日)、特殊符號等".
// The account becomes the AD sAMAccountName and, with 公務郵件, the mailbox <account>@mail.tainan.gov.tw,
// which is why it is lower-cased and why a few system names are reserved.
//
// Personal-data rules and why they are shaped this way:
//  - national ID: the account is public (it is a mail address), the ID is not. Rejected when the
//    account contains the whole ID or any 6 consecutive digits of it — enough to identify a person
//    when combined with a name, while short digit runs like "2024" stay usable.
//  - birthday (when known): YYYYMMDD, YYMMDD, ROC yyyMMDD (民國, padded and unpadded) and MMDD.
//    MMDD is part of every longer form; the longer forms are still listed so the intent is visible.
//  - mobile (when known): the whole number or any 8 consecutive digits of it (e.g. the part after 09).

import { z } from 'zod';
import { nationalIdKind, normalizeNationalId } from './national-id';
import { normalizeMobile } from './phone';
import { toHalfWidth } from './text';

export const ACCOUNT_MIN_LENGTH = 3;
export const ACCOUNT_MAX_LENGTH = 12;
/** Consecutive ID digits that count as "using the ID number". */
export const ACCOUNT_ID_DIGIT_RUN = 6;
/** Consecutive mobile digits that count as "using the mobile number". */
export const ACCOUNT_MOBILE_DIGIT_RUN = 8;

/** The manual's hint under the field (§3.2.3, consolidated from the screenshots). */
export const ACCOUNT_NAME_HINT =
  '登入帳號長度為3-12個字元，可以使用英文、數字或底線，請勿使用身分證號，需與出生日期或身分證號碼等個人資訊作區隔。';

/**
 * Names that would collide with AD built-in accounts or with role mailboxes every mail domain must
 * keep (RFC 2142), since an account may become <account>@mail.tainan.gov.tw.
 */
export const RESERVED_ACCOUNT_NAMES: ReadonlySet<string> = new Set([
  'administrator',
  'admin',
  'guest',
  'krbtgt',
  'root',
  'postmaster',
  'hostmaster',
  'webmaster',
  'abuse',
  'noreply',
  'no_reply',
]);

export type AccountNameViolationCode = 'REQUIRED' | 'LENGTH' | 'CHARSET' | 'RESERVED' | 'NATIONAL_ID' | 'BIRTHDAY' | 'MOBILE';

export interface AccountNameViolation {
  code: AccountNameViolationCode;
  message: string;
}

export const ACCOUNT_NAME_MESSAGES = {
  REQUIRED: '請輸入登入帳號',
  LENGTH: '登入帳號長度為3-12個字元',
  CHARSET: '登入帳號只可以使用英文、數字或底線，不可使用特殊符號',
  RESERVED: '此登入帳號為系統保留名稱，請使用其他帳號',
  NATIONAL_ID_EQUAL: '請勿使用身分證號作為登入帳號',
  NATIONAL_ID_CONTAINS: '登入帳號不可包含身分證號碼，需與身分證號碼等個人資訊作區隔',
  BIRTHDAY: '登入帳號不可包含出生日期，需與出生日期等個人資訊作區隔',
  MOBILE: '登入帳號不可包含手機號碼',
} as const;

/**
 * Birthday as an ISO calendar date ('1986-06-23'; '/' or no separator also accepted) or a Date.
 * A Date is read in UTC: PostgreSQL DATE columns arrive from Prisma as UTC midnight.
 */
export type Birthday = string | Date;

/** Personal data the account must stay clear of; each is optional (unknown at application time). */
export interface AccountNameContext {
  nationalId?: string | null;
  birthday?: Birthday | null;
  mobile?: string | null;
}

/** Full-width folded, trimmed, lower case: the form stored in users.account and AD. */
export function normalizeAccountName(value: string): string {
  return toHalfWidth(value).trim().toLowerCase();
}

function parseBirthday(birthday: Birthday): { year: number; month: number; day: number } | null {
  let year: number, month: number, day: number;
  if (birthday instanceof Date) {
    if (Number.isNaN(birthday.getTime())) return null;
    year = birthday.getUTCFullYear();
    month = birthday.getUTCMonth() + 1;
    day = birthday.getUTCDate();
  } else {
    const m = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/.exec(birthday.trim());
    if (!m) return null;
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
    // Reject impossible dates such as 1986-02-30 (Date.UTC would silently roll them over).
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  }
  return { year, month, day };
}

/**
 * Digit strings that spell the birthday: YYYYMMDD, YYMMDD, ROC yyyMMDD (unpadded and zero-padded to
 * three digits, e.g. 民國75年 → 750623 and 0750623) and MMDD. Empty for an unparseable birthday.
 */
export function birthdayDigitForms(birthday: Birthday): string[] {
  const date = parseBirthday(birthday);
  if (date === null) return [];
  const yyyy = String(date.year).padStart(4, '0');
  const mmdd = `${String(date.month).padStart(2, '0')}${String(date.day).padStart(2, '0')}`;
  const forms = new Set([`${yyyy}${mmdd}`, `${yyyy.slice(2)}${mmdd}`]);
  const roc = date.year - 1911;
  if (roc >= 1) {
    forms.add(`${roc}${mmdd}`);
    forms.add(`${String(roc).padStart(3, '0')}${mmdd}`);
  }
  forms.add(mmdd);
  return [...forms];
}

/** True when `haystack` contains any `run`-long substring of `digits`. */
function containsDigitRun(haystack: string, digits: string, run: number): boolean {
  if (digits.length < run) return false;
  for (let i = 0; i + run <= digits.length; i++) {
    if (haystack.includes(digits.slice(i, i + run))) return true;
  }
  return false;
}

/** Format rules only (length, characters, reserved names); what 檢查帳號 can check without context. */
export function accountFormatViolations(value: string): AccountNameViolation[] {
  const account = normalizeAccountName(value);
  if (account === '') return [{ code: 'REQUIRED', message: ACCOUNT_NAME_MESSAGES.REQUIRED }];
  const out: AccountNameViolation[] = [];
  if (account.length < ACCOUNT_MIN_LENGTH || account.length > ACCOUNT_MAX_LENGTH) {
    out.push({ code: 'LENGTH', message: ACCOUNT_NAME_MESSAGES.LENGTH });
  }
  if (!/^[a-z0-9_]+$/.test(account)) out.push({ code: 'CHARSET', message: ACCOUNT_NAME_MESSAGES.CHARSET });
  if (RESERVED_ACCOUNT_NAMES.has(account)) out.push({ code: 'RESERVED', message: ACCOUNT_NAME_MESSAGES.RESERVED });
  return out;
}

/** Personal-data rules only; each known item of `context` is checked, unknown items are skipped. */
export function accountPersonalDataViolations(value: string, context: AccountNameContext = {}): AccountNameViolation[] {
  const account = normalizeAccountName(value);
  if (account === '') return [];
  const out: AccountNameViolation[] = [];

  // Only a well-formed ID is compared (checksum not required): while the user is still typing the
  // ID, fragments of it must not produce confusing account errors.
  const id = normalizeNationalId(context.nationalId ?? '').toLowerCase();
  if (nationalIdKind(id) !== null) {
    if (account === id) {
      out.push({ code: 'NATIONAL_ID', message: ACCOUNT_NAME_MESSAGES.NATIONAL_ID_EQUAL });
    } else if (account.includes(id) || containsDigitRun(account, id.replace(/\D/g, ''), ACCOUNT_ID_DIGIT_RUN)) {
      out.push({ code: 'NATIONAL_ID', message: ACCOUNT_NAME_MESSAGES.NATIONAL_ID_CONTAINS });
    }
  }

  if (context.birthday != null && birthdayDigitForms(context.birthday).some((form) => account.includes(form))) {
    out.push({ code: 'BIRTHDAY', message: ACCOUNT_NAME_MESSAGES.BIRTHDAY });
  }

  const mobileDigits = normalizeMobile(context.mobile ?? '').replace(/\D/g, '');
  if (containsDigitRun(account, mobileDigits, ACCOUNT_MOBILE_DIGIT_RUN)) {
    out.push({ code: 'MOBILE', message: ACCOUNT_NAME_MESSAGES.MOBILE });
  }
  return out;
}

/** Every violation, format first, each with a stable code and a zh-TW message. */
export function accountNameViolations(value: string, context: AccountNameContext = {}): AccountNameViolation[] {
  return [...accountFormatViolations(value), ...accountPersonalDataViolations(value, context)];
}

/** The zh-TW messages of {@link accountNameViolations}; empty when the account is acceptable. */
export function accountNameErrors(value: string, context: AccountNameContext = {}): string[] {
  return accountNameViolations(value, context).map((v) => v.message);
}

export function isValidAccountName(value: string, context: AccountNameContext = {}): boolean {
  return accountNameViolations(value, context).length === 0;
}

/**
 * zod schema for the account field; outputs the normalised (lower-case) account. Every violation is
 * reported as its own issue so a form can list them all. Without a context only the format rules
 * apply; forms that know the ID number check the rest in an object-level refinement (see
 * schemas/account-application.ts) so the message still lands on the account field.
 */
export function accountNameSchema(context: AccountNameContext = {}) {
  return z
    .string({ error: ACCOUNT_NAME_MESSAGES.REQUIRED })
    .transform(normalizeAccountName)
    .superRefine((value, ctx) => {
      for (const v of accountNameViolations(value, context)) ctx.addIssue({ code: 'custom', message: v.message });
    });
}
