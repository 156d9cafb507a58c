import { AdError } from './errors';

/**
 * Escapes a value for use inside an RDN (RFC 4514 §2.4). Account names and OU codes come from
 * users and administrators, so they must never be able to add RDN components or change the path.
 */
export function escapeDnValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '\0') out += '\\00';
    else if (',+"\\<>;='.includes(ch)) out += `\\${ch}`;
    else if (i === 0 && (ch === ' ' || ch === '#')) out += `\\${ch}`;
    else if (i === value.length - 1 && ch === ' ') out += '\\ ';
    else out += ch;
  }
  return out;
}

/** Splits a DN into its RDN strings at unescaped commas ("OU=a\,b,DC=x" → ["OU=a\,b", "DC=x"]). */
export function splitDn(dn: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const ch = dn[i] as string;
    if (ch === '\\' && i + 1 < dn.length) {
      current += ch + (dn[i + 1] as string);
      i++;
    } else if (ch === ',') {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** DN of the parent entry ("CN=u,OU=a,DC=x" → "OU=a,DC=x"). */
export function parentDn(dn: string): string {
  return splitDn(dn).slice(1).join(',');
}

/** Case- and spacing-insensitive DN comparison (AD treats attribute names and values so). */
export function sameDn(a: string, b: string): boolean {
  const norm = (dn: string) =>
    splitDn(dn)
      .map((rdn) => rdn.replace(/\s*=\s*/, '=').toLowerCase())
      .join(',');
  return norm(a) === norm(b);
}

// Characters AD refuses in sAMAccountName, plus '@' (it would make the UPN ambiguous).
const ACCOUNT_FORBIDDEN = /["/\\[\]:;|=,+*?<>@]/;

function hasControlChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * Rejects account names AD would refuse (or that would be ambiguous) before any LDAP call, with a
 * non-retryable error: retrying cannot make a bad name valid.
 */
export function assertAccount(account: unknown): asserts account is string {
  if (typeof account !== 'string' || account.length === 0) {
    throw new AdError('OTHER', 'account name is empty');
  }
  // sAMAccountName is limited to 20 characters for user objects (pre-Windows 2000 logon name).
  if (account.length > 20) throw new AdError('OTHER', `account name longer than 20 characters: ${JSON.stringify(account)}`);
  if (ACCOUNT_FORBIDDEN.test(account) || hasControlChar(account)) {
    throw new AdError('OTHER', `account name contains characters AD does not allow: ${JSON.stringify(account)}`);
  }
  if (account.trim() !== account || account.endsWith('.')) {
    throw new AdError('OTHER', `account name must not start/end with spaces or end with '.': ${JSON.stringify(account)}`);
  }
}

/** OU codes become RDN values: same rules as above minus the length limit (OU names allow 64). */
export function assertOuCode(code: unknown): asserts code is string {
  if (typeof code !== 'string' || code.trim().length === 0) throw new AdError('OTHER', 'OU code is empty');
  if (code.length > 64) throw new AdError('OTHER', `OU code longer than 64 characters: ${JSON.stringify(code)}`);
  if (hasControlChar(code)) throw new AdError('OTHER', `OU code contains control characters: ${JSON.stringify(code)}`);
}
