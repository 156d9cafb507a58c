/**
 * One error type for everything that can go wrong talking to AD, with a stable `code` the
 * callers (workflows, API) switch on and a `retryable` flag Temporal's retry policy follows.
 */
export type AdErrorCode =
  'UNAVAILABLE' | 'INVALID_CREDENTIALS' | 'ACCOUNT_DISABLED' | 'PASSWORD_POLICY' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'OTHER';

/**
 * Finer reason from AD's bind diagnostic ("… data 52e …"); only set for bind failures.
 * Lets callers tell "wrong password" from "right password but must change it".
 */
export type AdBindReason =
  | 'WRONG_PASSWORD' // 52e
  | 'NO_SUCH_USER' // 525
  | 'ACCOUNT_DISABLED' // 533
  | 'ACCOUNT_EXPIRED' // 701
  | 'ACCOUNT_LOCKED' // 775
  | 'PASSWORD_EXPIRED' // 532
  | 'PASSWORD_MUST_CHANGE' // 773
  | 'LOGON_NOT_PERMITTED'; // 530/531 (time/workstation restrictions)

export interface AdErrorOptions {
  retryable?: boolean;
  ldapCode?: number;
  reason?: AdBindReason;
  cause?: unknown;
}

export class AdError extends Error {
  readonly code: AdErrorCode;
  readonly retryable: boolean;
  /** LDAP result code when the server answered (49, 19, 32, …). */
  readonly ldapCode: number | undefined;
  readonly reason: AdBindReason | undefined;

  constructor(code: AdErrorCode, message: string, options: AdErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AdError';
    this.code = code;
    this.retryable = options.retryable ?? code === 'UNAVAILABLE';
    this.ldapCode = options.ldapCode;
    this.reason = options.reason;
  }
}

const BIND_REASONS: Record<string, { code: AdErrorCode; reason: AdBindReason; text: string }> = {
  '52e': { code: 'INVALID_CREDENTIALS', reason: 'WRONG_PASSWORD', text: 'wrong account or password' },
  '525': { code: 'INVALID_CREDENTIALS', reason: 'NO_SUCH_USER', text: 'no such user' },
  '530': { code: 'ACCOUNT_DISABLED', reason: 'LOGON_NOT_PERMITTED', text: 'logon not permitted at this time' },
  '531': { code: 'ACCOUNT_DISABLED', reason: 'LOGON_NOT_PERMITTED', text: 'logon not permitted from this workstation' },
  '532': { code: 'INVALID_CREDENTIALS', reason: 'PASSWORD_EXPIRED', text: 'password expired' },
  '533': { code: 'ACCOUNT_DISABLED', reason: 'ACCOUNT_DISABLED', text: 'account disabled' },
  '701': { code: 'ACCOUNT_DISABLED', reason: 'ACCOUNT_EXPIRED', text: 'account expired' },
  '773': { code: 'INVALID_CREDENTIALS', reason: 'PASSWORD_MUST_CHANGE', text: 'password must be changed' },
  '775': { code: 'ACCOUNT_DISABLED', reason: 'ACCOUNT_LOCKED', text: 'account locked out' },
};

// Node/ldapts errors meaning "could not talk to the server": worth retrying later.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
]);
const NETWORK_MESSAGES =
  /Connection timeout|Operation timed out|Socket error|Connection closed|Socket connection not established|socket hang up|Client network socket disconnected/i;
// TLS verification problems (wrong CA file, certificate without the right SAN, expired cert).
const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_|ERR_TLS|ERR_SSL/;

/** The `data xxx` part of an AD bind diagnostic, lower-case hex. */
export function adDataCode(message: string): string | undefined {
  return /\bdata ([0-9a-f]{3,8})\b/i.exec(message)?.[1]?.toLowerCase();
}

/** Converts anything thrown by ldapts/Node into an AdError; `context` says what we were doing. */
export function toAdError(err: unknown, context: string): AdError {
  if (err instanceof AdError) return err;
  const e = err as { code?: unknown; message?: unknown } | null | undefined;
  const message = typeof e?.message === 'string' ? e.message : String(err);

  // ldapts ResultCodeError: the server answered with a non-success LDAP result code. Duck-typed
  // (numeric `code`) so a second copy of ldapts in node_modules still matches.
  if (typeof e?.code === 'number') {
    const ldapCode = e.code;
    const opts = { ldapCode, cause: err };
    switch (ldapCode) {
      case 49: {
        const data = adDataCode(message);
        const known = data ? BIND_REASONS[data] : undefined;
        if (known) {
          return new AdError(known.code, `${context}: ${known.text} (AD data ${data})`, { ...opts, reason: known.reason });
        }
        return new AdError('INVALID_CREDENTIALS', `${context}: invalid credentials: ${message}`, opts);
      }
      case 19: // constraint violation (Samba, and AD for most password rules)
      case 53: // unwilling to perform (AD for some password rules, e.g. enabling without one)
        // 0000052D = ERROR_PASSWORD_RESTRICTION: length, complexity, history or minimum age.
        if (/0000052D/i.test(message)) {
          return new AdError('PASSWORD_POLICY', `${context}: password does not meet the domain policy: ${message}`, opts);
        }
        return new AdError(
          'OTHER',
          `${context}: ${ldapCode === 19 ? 'constraint violation' : 'server unwilling to perform'}: ${message}`,
          opts,
        );
      case 32:
        return new AdError('NOT_FOUND', `${context}: no such object: ${message}`, opts);
      case 68:
        return new AdError('ALREADY_EXISTS', `${context}: already exists: ${message}`, opts);
      case 51: // busy
      case 52: // unavailable
      case 3: // time limit exceeded
        return new AdError('UNAVAILABLE', `${context}: server temporarily unable to answer: ${message}`, {
          ...opts,
          retryable: true,
        });
      default:
        return new AdError('OTHER', `${context}: LDAP error ${ldapCode}: ${message}`, opts);
    }
  }

  if (typeof e?.code === 'string' && (NETWORK_CODES.has(e.code) || TLS_CODE.test(e.code))) {
    // TLS failures are configuration problems, but retrying still makes sense: once the CA/cert
    // is fixed and the worker restarted, pending workflows should resume, not fail for good.
    const kind = TLS_CODE.test(e.code) ? 'TLS handshake failed' : 'cannot reach AD';
    return new AdError('UNAVAILABLE', `${context}: ${kind} (${e.code}): ${message}`, { retryable: true, cause: err });
  }
  if (NETWORK_MESSAGES.test(message)) {
    return new AdError('UNAVAILABLE', `${context}: cannot reach AD: ${message}`, { retryable: true, cause: err });
  }
  return new AdError('OTHER', `${context}: ${message}`, { retryable: false, cause: err });
}
