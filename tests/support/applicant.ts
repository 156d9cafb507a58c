import crypto from 'node:crypto';
import { e2e, eventually } from './env';
import { apiSession } from './http';
import { issuingClient } from './issued';

/** A checksum-valid Taiwan ID number with a random serial (tests never reuse one). */
export function randomNationalId(letter = 'D'): string {
  const codes: Record<string, number> = { A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17 };
  const digits = `${crypto.randomInt(1, 3)}${String(crypto.randomInt(0, 10_000_000)).padStart(7, '0')}`;
  const n = codes[letter]!;
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1];
  const values = [Math.floor(n / 10), n % 10, ...digits.split('').map(Number)];
  const sum = values.reduce((acc, v, i) => acc + v * weights[i]!, 0);
  return `${letter}${digits}${(10 - (sum % 10)) % 10}`;
}

export const uniqueAccount = (prefix = 't') => `${prefix}${crypto.randomBytes(4).toString('hex')}`.slice(0, 12);
export const uniqueEmail = () => `applicant-${crypto.randomUUID().slice(0, 8)}@example.com`;

interface Mail {
  id: string;
  subject: string;
  body: string;
}

async function mailbox(to: string): Promise<Mail[]> {
  const response = await fetch(`${e2e.baseUrl()}/dev/mailbox/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { messages: Mail[] }).messages;
}

/** The newest mail to an address whose subject has the words, skipping the ids already seen. */
export async function latestMail(to: string, subjectIncludes: string, seen: ReadonlySet<string> = new Set()) {
  return eventually(async () => (await mailbox(to)).find((m) => m.subject.includes(subjectIncludes) && !seen.has(m.id)), {
    timeoutMs: 30_000,
  });
}

/** Every code and token the helpers used, so tests can prove none reached a workflow history. */
export const secretsUsed: string[] = [];

/** Captcha → code by mail → token, through the public API. */
export async function verifyEmail(
  purpose: 'APPLY' | 'AMEND' | 'STATUS' | 'ACTIVATE' | 'ADMIN_LOOKUP' | 'REACTIVATE',
  email: string,
): Promise<string> {
  return (await verifyEmailFully(purpose, email)).token;
}

/** Like verifyEmail, with the whole confirmation answer ({ token, expiresAt, account? }). */
export async function verifyEmailFully(
  purpose: 'APPLY' | 'AMEND' | 'STATUS' | 'ACTIVATE' | 'ADMIN_LOOKUP' | 'REACTIVATE',
  email: string,
) {
  const s = apiSession();
  const seen = new Set((await mailbox(email)).map((m) => m.id));
  const captcha = (await s.post('/api/captcha')).body as { id: string };
  const answer = ((await s.get(`/dev/captcha/${captcha.id}`)).body as { answer: string }).answer;
  const started = await s.post('/api/verifications/email', { purpose, email, captchaId: captcha.id, captchaAnswer: answer });
  if (started.status !== 201) throw new Error(`verification start failed: ${JSON.stringify(started.body)}`);
  const mail = await latestMail(email, '驗證碼', seen);
  const code = /\b(\d{6})\b/.exec(mail.body)?.[1];
  if (!code) throw new Error('no code in the mail');
  const confirmed = await s.post(`/api/verifications/email/${started.body.verificationId}/confirm`, { code });
  if (confirmed.status !== 200) throw new Error(`confirm failed: ${JSON.stringify(confirmed.body)}`);
  secretsUsed.push(code, confirmed.body.token);
  return confirmed.body as { token: string; expiresAt: string; account?: string };
}

/** X-Verification-Token as the browser that verified the address sends it (with its binding cookie). */
export const verifiedHeaders = (token: string) => ({ 'x-verification-token': token, ...issuingClient(token) });

/** X-Identity-Proof likewise. */
export const proofHeaders = (proof: string) => ({ 'x-identity-proof': proof, ...issuingClient(proof) });

export async function apply(token: string, form: Record<string, unknown>) {
  const response = await fetch(`${e2e.baseUrl()}/api/account-applications`, {
    method: 'POST',
    // From the browser that verified the address: the token is bound to it.
    headers: { 'content-type': 'application/json', ...verifiedHeaders(token) },
    body: JSON.stringify(form),
  });
  return { status: response.status, body: await response.json() };
}
