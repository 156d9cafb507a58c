import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  deliverOnce,
  deliveryFailure,
  type DeliveryFailure,
  type DeliveryResult,
  type OutboxStore,
} from '../../infra/mail/outbox';
import { MitakeError, type MitakeClient } from '../../infra/sms/mitake';

export { createMitakeClient, MitakeError, type MitakeClient, type MitakeClientOptions } from '../../infra/sms/mitake';

/**
 * One SMS, identified by `key` (unique per intended message). As with mail, activity input is
 * recorded in the workflow history: a body with a one-time code belongs in an API-side call, not
 * in a workflow's activity input.
 */
export interface SendSmsInput {
  key: string;
  /** Taiwan mobile number 09xxxxxxxx (spaces, dashes and +886 are normalised). */
  to: string;
  body: string;
}

export type SendSmsResult = DeliveryResult;

export interface SmsPingResult {
  ok: boolean;
  latencyMs: number;
  accountPoint?: number;
  error?: string;
}

/** 09xxxxxxxx, or null. Accepts `0912-345-678`, `0912 345 678`, `+886912345678`, `886912345678`. */
export function normaliseTaiwanMobile(input: string): string | null {
  const compact = input.replace(/[\s\-()]/g, '');
  if (/^09\d{8}$/.test(compact)) return compact;
  const intl = /^\+?886(9\d{8})$/.exec(compact);
  return intl ? `0${intl[1]}` : null;
}

/**
 * Mitake's clientid (≤ 36 characters) for an outbox row: the row's id, which is 1:1 with the key
 * and, unlike the key, never repeats after a database reset — so Mitake's 12-hour de-duplication
 * never swallows a genuinely new message. Hashed only if a store ever produced a longer id.
 */
export function clientIdFor(outboxId: string): string {
  return /^[\w.-]{1,36}$/.test(outboxId) ? outboxId : createHash('sha256').update(outboxId).digest('hex').slice(0, 32);
}

export function classifyMitakeError(error: unknown): DeliveryFailure {
  if (error instanceof MitakeError) {
    const type = {
      auth: 'SmsAuthFailed',
      account: 'SmsAccountError',
      rejected: 'SmsRejected',
      unavailable: 'SmsProviderUnavailable',
      protocol: 'SmsProtocolError',
    }[error.kind];
    return { retryable: error.retryable, type, message: error.message };
  }
  return { retryable: true, type: 'SmsSendFailed', message: error instanceof Error ? error.message : String(error) };
}

const keySchema = z.string().trim().min(1).max(200);
// Mitake splits long messages itself; the cap only stops a runaway body from costing dozens of points.
const MAX_BODY_CHARS = 670;

export function createSmsActivities({ mitake, outbox }: { mitake: MitakeClient; outbox: OutboxStore }) {
  return {
    /** Sends an SMS once per key. The result holds ids only, never the body. */
    async sendSms(input: SendSmsInput): Promise<SendSmsResult> {
      const key = keySchema.safeParse(input.key);
      if (!key.success) throw deliveryFailure('InvalidSmsRequest', 'Outbox key must be 1–200 characters', false);
      const to = normaliseTaiwanMobile(input.to ?? '');
      if (!to) throw deliveryFailure('InvalidMobileNumber', '手機號碼格式錯誤，須為 09 開頭共 10 碼', false);
      const body = (input.body ?? '').trim();
      if (!body) throw deliveryFailure('InvalidSmsRequest', '簡訊內容不得為空白', false);
      if ([...body].length > MAX_BODY_CHARS)
        throw deliveryFailure('InvalidSmsRequest', `簡訊內容超過 ${MAX_BODY_CHARS} 字`, false);

      return deliverOnce({
        outbox,
        key: key.data,
        channel: 'SMS',
        recipient: to,
        content: { body },
        classify: classifyMitakeError,
        async send(row) {
          const result = await mitake.send({ to: row.recipient, body: row.body, clientId: clientIdFor(row.id) });
          return { providerMessageId: result.msgid };
        },
      });
    },

    /**
     * Sends an SMS the API already wrote into the outbox (e.g. a verification code), by key: the
     * workflow that calls this never sees the body.
     */
    async deliverQueuedSms({ key }: { key: string }): Promise<SendSmsResult> {
      const row = await outbox.findByKey(key);
      if (!row || row.channel !== 'SMS') throw deliveryFailure('OutboxMessageMissing', `No queued SMS with key "${key}"`, false);
      return deliverOnce({
        outbox,
        key,
        channel: 'SMS',
        recipient: row.recipient,
        content: { body: row.body },
        classify: classifyMitakeError,
        async send(queued) {
          const result = await mitake.send({ to: queued.recipient, body: queued.body, clientId: clientIdFor(queued.id) });
          return { providerMessageId: result.msgid };
        },
      });
    },

    /** Mitake reachable and the account accepted (point balance query). Reports failure, never throws. */
    async smsPing(): Promise<SmsPingResult> {
      const started = performance.now();
      try {
        const { accountPoint } = await mitake.ping();
        return { ok: true, latencyMs: Math.round(performance.now() - started), accountPoint };
      } catch (error) {
        return {
          ok: false,
          latencyMs: Math.round(performance.now() - started),
          error: error instanceof Error ? error.message : String(error),
        };
      }
    },
  };
}
