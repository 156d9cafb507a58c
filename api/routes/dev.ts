import { Router } from 'express';
import { z } from 'zod';
import type { Captchas } from '../commands/captcha';
import { fail } from '../errors';

/**
 * Development and test only: what the SMTP sink and the Mitake simulator received, newest first.
 * Mounted only when NODE_ENV is not production (see app.ts).
 */
const query = z.object({ to: z.string().trim().max(254).optional() });

interface SinkMail {
  id: string;
  to: string[];
  subject?: string;
  text?: string;
  html?: string;
  date?: string;
  receivedAt?: string;
}
interface SimSms {
  id: string;
  to: string;
  body: string;
  time?: string;
  receivedAt?: string;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
  if (!response?.ok) throw fail('DEPENDENCY_UNAVAILABLE', '開發用信箱或簡訊模擬器無法連線。');
  return (await response.json()) as T;
}

const listOf = <T>(payload: unknown): T[] =>
  Array.isArray(payload)
    ? (payload as T[])
    : ((payload as { messages?: T[]; items?: T[] }).messages ?? (payload as { items?: T[] }).items ?? []);

export function devRoutes({ mailboxUrl, smsUrl, captchas }: { mailboxUrl?: string; smsUrl?: string; captchas?: Captchas }) {
  const router = Router();

  // Lets automated browser tests read a captcha the way a person reads the image.
  router.get('/captcha/:id', (req, res) => {
    const answer = captchas?.answerFor(req.params.id);
    if (!answer) throw fail('NOT_FOUND');
    res.json({ answer });
  });

  router.get('/mailbox/messages', async (req, res) => {
    if (!mailboxUrl) throw fail('NOT_FOUND');
    const { to } = query.parse(req.query);
    const payload = await fetchJson<unknown>(`${mailboxUrl}/messages${to ? `?to=${encodeURIComponent(to)}` : ''}`);
    res.json({
      messages: listOf<SinkMail>(payload).map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject ?? '',
        body: m.text ?? '',
        html: m.html ?? null,
        time: m.receivedAt ?? m.date ?? null,
      })),
    });
  });

  router.get('/sms/messages', async (req, res) => {
    if (!smsUrl) throw fail('NOT_FOUND');
    const { to } = query.parse(req.query);
    const payload = await fetchJson<unknown>(`${smsUrl}/messages${to ? `?to=${encodeURIComponent(to)}` : ''}`);
    res.json({
      messages: listOf<SimSms>(payload).map((m) => ({ id: m.id, to: m.to, body: m.body, time: m.time ?? m.receivedAt ?? null })),
    });
  });

  return router;
}
