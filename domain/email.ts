// E-mail addresses: the 備用信箱 (backup e-mail) and the official mailbox (公務郵件). Pure.
//
// The backup e-mail is an identity-verification channel that must work when the official account
// does not (forgotten password, disabled account), so it may never be an official address
// (manual §3.2.4/§3.5.6: "非 @mail.tainan.gov.tw 結尾之信箱", "不能使用 @mail.tainan.gov.tw 之信箱").
//
// Validation is a deliberate subset of RFC 5321/5322: dot-atom local part, DNS host name domain with
// an alphabetic (or punycode) TLD. Quoted local parts and IP-literal domains are legal but only ever
// appear in typos or abuse, and the mail server (and AD's mail attribute) would not take them anyway.

import { z } from 'zod';
import { toHalfWidth } from './text';

/** Domain of the city's official mailboxes; an approved 需要公務郵件 account is <account>@this. */
export const OFFICIAL_MAIL_DOMAIN = 'mail.tainan.gov.tw';

/** RFC 5321: a forward-path is at most 256 octets including the angle brackets, so 254 for the address. */
export const EMAIL_MAX_LENGTH = 254;
const LOCAL_MAX_LENGTH = 64;
const LABEL_MAX_LENGTH = 63;

export const EMAIL_MESSAGES = {
  REQUIRED: '請輸入備用信箱',
  FORMAT: '電子郵件格式錯誤，如：name@example.com',
  TOO_LONG: `電子郵件長度不可超過${EMAIL_MAX_LENGTH}個字元`,
  OFFICIAL: '備用信箱不可使用公務信箱（@mail.tainan.gov.tw）',
} as const;

const ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/i;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const TLD = /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/i;

/** Full-width folded, trimmed, lower case. Addresses are compared and stored in this form. */
export function normalizeEmail(value: string): string {
  return toHalfWidth(value).trim().toLowerCase();
}

/** Format check only (no official-mail rule); the input is normalised first. */
export function isValidEmail(value: string | null | undefined): boolean {
  return emailFormatError(value) === null;
}

function emailFormatError(value: string | null | undefined): string | null {
  const email = normalizeEmail(value ?? '');
  if (email === '') return EMAIL_MESSAGES.REQUIRED;
  if (email.length > EMAIL_MAX_LENGTH) return EMAIL_MESSAGES.TOO_LONG;
  const at = email.lastIndexOf('@');
  if (at <= 0) return EMAIL_MESSAGES.FORMAT;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > LOCAL_MAX_LENGTH || !local.split('.').every((atom) => ATOM.test(atom))) return EMAIL_MESSAGES.FORMAT;
  const labels = domain.split('.');
  if (labels.length < 2) return EMAIL_MESSAGES.FORMAT;
  if (!labels.every((label) => label.length <= LABEL_MAX_LENGTH && LABEL.test(label))) return EMAIL_MESSAGES.FORMAT;
  if (!TLD.test(labels[labels.length - 1] ?? '')) return EMAIL_MESSAGES.FORMAT;
  return null;
}

/** The part after the last '@', normalised; '' when there is none. */
export function emailDomain(value: string): string {
  const email = normalizeEmail(value);
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1);
}

/**
 * True for @mail.tainan.gov.tw and any subdomain of it. Subdomains are included because they are
 * the same mail system's hosts; treating them as personal would defeat the rule.
 */
export function isOfficialMail(value: string): boolean {
  const domain = emailDomain(value);
  return domain === OFFICIAL_MAIL_DOMAIN || domain.endsWith(`.${OFFICIAL_MAIL_DOMAIN}`);
}

/** The official mailbox of an account: 'wang_01' → 'wang_01@mail.tainan.gov.tw'. */
export function officialMailAddress(account: string, domain: string = OFFICIAL_MAIL_DOMAIN): string {
  return `${account.trim().toLowerCase()}@${domain}`;
}

/** zh-TW message for a backup e-mail, or null when valid. */
export function backupEmailError(value: string | null | undefined): string | null {
  const formatError = emailFormatError(value);
  if (formatError !== null) return formatError;
  return isOfficialMail(value ?? '') ? EMAIL_MESSAGES.OFFICIAL : null;
}

export function isValidBackupEmail(value: string | null | undefined): boolean {
  return backupEmailError(value) === null;
}

/** Required backup e-mail; outputs the normalised (lower-case) address. */
export const backupEmailSchema = z
  .string({ error: EMAIL_MESSAGES.REQUIRED })
  .transform(normalizeEmail)
  .superRefine((value, ctx) => {
    const message = backupEmailError(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  });
