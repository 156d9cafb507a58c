// 密碼規則 (password policy) of 開通帳號, 忘記密碼 and 密碼修改 (manual §3.1.7):
//   - 密碼長度至少為8個字元(含)以上，15個字元(含)以下。
//   - 需包含大小寫英文字母、數字、特殊字元(如!@#$%^&*~)。(不可包含')
//   - 不可與舊登入帳戶中，最近所選以上的連續字元。   (OCR-garbled; implemented as password history)
//   - 不可與帳號名稱相同。
// Pure and synchronous, so the web page can show the same verdicts live that the API enforces.
//
// Decisions beyond the manual's text:
//  - "特殊字元" counts exactly the listed characters !@#$%^&*~. Other printable ASCII punctuation is
//    allowed in a password but does not satisfy the rule, so the rule text names the set exactly.
//  - The account may not appear anywhere in the password (case-insensitive), not only as the whole
//    password: "Wang_01!Ab" for account wang_01 is as guessable as the account itself.
//  - Only printable ASCII without space (0x21–0x7E): the password is also set in AD and typed on
//    other systems' login pages, where full-width characters and IME input are unreliable, and a
//    space is easily lost at either end by copy-and-paste.
//  - History: the API compares the new password with the last PASSWORD_HISTORY_COUNT hashes (argon2,
//    so only equality can be checked, not shared substrings). Three follows the 資通系統防護基準
//    (附表十 of 資通安全責任等級分級辦法): "密碼變更時，至少不可以與前三次使用過之密碼相同".

import { z } from 'zod';
import { normalizeAccountName } from './account-name';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 15;
/** The characters that satisfy the special-character rule. */
export const PASSWORD_SPECIAL_CHARACTERS = '!@#$%^&*~';
/** How many previous passwords a new one is compared against. */
export const PASSWORD_HISTORY_COUNT = 3;

export const PASSWORD_VIOLATION_CODES = ['LENGTH', 'UPPER', 'LOWER', 'DIGIT', 'SPECIAL', 'QUOTE', 'ACCOUNT', 'CHARSET'] as const;
export type PasswordViolationCode = (typeof PASSWORD_VIOLATION_CODES)[number];

export interface PasswordViolation {
  code: PasswordViolationCode;
  message: string;
}

export const PASSWORD_MESSAGES: Readonly<Record<PasswordViolationCode, string>> = {
  LENGTH: '密碼長度至少為8個字元(含)以上，15個字元(含)以下',
  UPPER: '密碼需包含大寫英文字母',
  LOWER: '密碼需包含小寫英文字母',
  DIGIT: '密碼需包含數字',
  SPECIAL: '密碼需包含特殊字元（!@#$%^&*~ 其中之一）',
  QUOTE: "密碼不可包含 ' 符號",
  ACCOUNT: '密碼不可與帳號名稱相同，也不可包含帳號名稱',
  CHARSET: '密碼只可使用半形英文字母、數字及符號，不可包含空白或中文等全形字元',
};

export const PASSWORD_REQUIRED_MESSAGE = '請輸入新密碼';
export const CONFIRM_PASSWORD_REQUIRED_MESSAGE = '請再次輸入新密碼';
export const PASSWORD_MISMATCH_MESSAGE = '兩次輸入的密碼不一致';
export const OLD_PASSWORD_REQUIRED_MESSAGE = '請輸入舊密碼';
export const PASSWORD_UNCHANGED_MESSAGE = '新密碼不可與舊密碼相同';

/** Shown when the new password equals one of the last `n` (the API's history check). */
export function PASSWORD_REUSED_MESSAGE(n: number = PASSWORD_HISTORY_COUNT): string {
  return `新密碼不可與最近 ${n} 次使用過的密碼相同`;
}

/** The rule list for the 輸入新密碼 page, in the manual's order and wording (made exact where it said 如). */
export function passwordRules(historyCount: number = PASSWORD_HISTORY_COUNT): readonly string[] {
  return [
    '密碼長度至少為8個字元(含)以上，15個字元(含)以下。',
    "需包含大小寫英文字母、數字、特殊字元(!@#$%^&*~)。(不可包含')",
    `不可與最近 ${historyCount} 次使用過的密碼相同。`,
    '不可與帳號名稱相同，也不可包含帳號名稱。',
  ];
}

export const PASSWORD_RULES: readonly string[] = passwordRules();

export interface PasswordContext {
  /** The login account; when known, the password may not contain it. */
  account?: string | null;
}

/**
 * Every rule the password breaks, in rule order; empty when acceptable. The password is taken as
 * typed — never trimmed or case-folded — because that is what will be hashed.
 */
export function passwordViolations(password: string, context: PasswordContext = {}): PasswordViolation[] {
  const codes: PasswordViolationCode[] = [];
  // Count code points so a non-BMP character is one character, as the user sees it.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) codes.push('LENGTH');
  if (!/[A-Z]/.test(password)) codes.push('UPPER');
  if (!/[a-z]/.test(password)) codes.push('LOWER');
  if (!/[0-9]/.test(password)) codes.push('DIGIT');
  if (![...password].some((ch) => PASSWORD_SPECIAL_CHARACTERS.includes(ch))) codes.push('SPECIAL');
  if (password.includes("'")) codes.push('QUOTE');
  const account = normalizeAccountName(context.account ?? '');
  if (account !== '' && password.toLowerCase().includes(account)) codes.push('ACCOUNT');
  if (!/^[\x21-\x7E]*$/.test(password)) codes.push('CHARSET');
  return codes.map((code) => ({ code, message: PASSWORD_MESSAGES[code] }));
}

export function isPasswordAcceptable(password: string, context: PasswordContext = {}): boolean {
  return passwordViolations(password, context).length === 0;
}

/** Exact comparison: the confirmation must be the same string. */
export function passwordsMatch(password: string, confirmation: string): boolean {
  return password === confirmation;
}

/** Message for the 再次輸入新密碼 field, or null when it is filled in and matches. */
export function confirmPasswordError(password: string, confirmation: string | null | undefined): string | null {
  if (confirmation == null || confirmation === '') return CONFIRM_PASSWORD_REQUIRED_MESSAGE;
  return passwordsMatch(password, confirmation) ? null : PASSWORD_MISMATCH_MESSAGE;
}

/** zod schema for a new-password field; one issue per broken rule, or "請輸入新密碼" when empty. */
export function newPasswordSchema(context: PasswordContext = {}) {
  return z.string({ error: PASSWORD_REQUIRED_MESSAGE }).superRefine((password, ctx) => {
    if (password === '') {
      ctx.addIssue({ code: 'custom', message: PASSWORD_REQUIRED_MESSAGE });
      return;
    }
    for (const v of passwordViolations(password, context)) ctx.addIssue({ code: 'custom', message: v.message });
  });
}
