import fs from 'node:fs';

/**
 * Every bearer value the suite is handed (tokens, proofs, change tokens, captcha / verification /
 * transaction ids) and every password it sends, appended to ISSUED_SECRETS_FILE (one JSON line each)
 * for the log scan `npm test` runs after the suites (scripts/lib/secret-scan.mjs). Codes, temporary
 * passwords and status-link keys are read there from the run's mail and SMS stores.
 *
 * Also remembers which client (its cookie header) each value was issued to: tokens are bound to the
 * browser that received them (api/auth/client-binding.ts), so a test using one elsewhere says so with
 * `issuingClient`.
 */
const file = process.env.ISSUED_SECRETS_FILE;
const clients = new Map<string, () => string>();

/** Response fields that hold a bearer value, wherever they are in the body. */
const ISSUED_FIELDS = new Set(['token', 'changeToken', 'proof', 'verificationId', 'temporaryPassword', 'secret']);
/** Request fields that hold a password or a code the person typed. */
const SENT_FIELDS = new Set(['password', 'newPassword', 'confirmPassword', 'oldPassword', 'temporaryPassword', 'code']);
/** Answers whose `id` is itself a bearer value (a captcha, a 行動自然人憑證 transaction). */
const ID_ISSUERS: [RegExp, string][] = [
  [/^\/api\/captcha$/, 'captcha id'],
  [/^\/api\/identity\/mobile-cert\/start$/, 'mobile-cert transaction id'],
];

export function recordIssued(kind: string, value: string) {
  if (!file || typeof value !== 'string' || value.length < 6) return;
  fs.appendFileSync(file, `${JSON.stringify({ kind, value })}\n`);
}

function walk(body: unknown, fields: Set<string>, found: (key: string, value: string) => void, depth = 0) {
  if (!body || typeof body !== 'object' || depth > 6) return;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && fields.has(key)) found(key, value);
    else walk(value, fields, found, depth + 1);
  }
}

/**
 * What apiSession calls for every exchange: records what was sent and issued, and to which client.
 * `accepted` (the answer was not an error): a 6-digit code counts only then — the wrong ones tests
 * type on purpose (000000, 100000 …) are no secret, and would match any such number in a log.
 */
export function noteExchange(path: string, sent: unknown, answer: unknown, cookieHeader: () => string, accepted = true) {
  walk(sent, SENT_FIELDS, (key, value) => {
    // `code` is also an organisation's code in console forms: only a 6-digit verification or OTP code.
    if (key !== 'code' || (accepted && /^\d{6}$/.test(value))) recordIssued(`sent ${key}`, value);
  });
  const issued = (kind: string, value: string) => {
    recordIssued(kind, value);
    clients.set(value, cookieHeader);
  };
  walk(answer, ISSUED_FIELDS, issued);
  walk(answer, new Set(['statusUrl']), (_key, url) => {
    const key = /[?&]key=([^&#]+)/.exec(url)?.[1];
    if (key) issued('status key', decodeURIComponent(key));
  });
  // 行事曆訂閱: the feed address holds its token (POST /api/calendar-feeds answers { id, url }).
  walk(answer, new Set(['url']), (_key, url) => {
    const token = /\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(url)?.[1];
    if (token) issued('calendar feed token', token);
  });
  const pathname = path.startsWith('http') ? new URL(path).pathname : path.split('?')[0]!;
  const id = (answer as { id?: unknown } | null)?.id;
  const idKind = ID_ISSUERS.find(([pattern]) => pattern.test(pathname))?.[1];
  if (typeof id === 'string' && idKind) issued(idKind, id);
}

/** The cookie header of the client a value was issued to (for a raw fetch that uses it). */
export function issuingClient(value: string): { cookie: string } {
  const cookie = clients.get(value);
  if (!cookie) throw new Error('this value was not issued through apiSession in this test file');
  return { cookie: cookie() };
}
