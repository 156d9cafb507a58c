import { z } from 'zod';
import { classifySmtpError } from '../../infra/mail/errors';
import type { Mailer } from '../../infra/mail/mailer';
import { deliverOnce, deliveryFailure, type DeliveryResult, type OutboxMessage, type OutboxStore } from '../../infra/mail/outbox';
import {
  isMailTemplateName,
  MailTemplateError,
  renderMail,
  type MailTemplateData,
  type MailTemplateName,
  type RenderedMail,
} from '../../infra/mail/templates';

export { createMailer, type Mailer, type MailerOptions } from '../../infra/mail/mailer';
export {
  renderMail,
  MAIL_TEMPLATE_NAMES,
  type MailTemplateData,
  type MailTemplateName,
  type RenderedMail,
} from '../../infra/mail/templates';

/**
 * One e-mail, identified by `key` (unique per intended message, e.g. `account-application-42:approved`).
 * A discriminated union rather than a generic, so it survives proxyActivities' type mapping in workflows.
 *
 * Note: activity input is recorded in the workflow history. Templates whose data is secret
 * (verificationCode) must therefore be sent from the API, not from a workflow, or with a reference
 * that an activity resolves — never with the code in a workflow's activity input.
 */
export type SendMailInput = {
  [N in MailTemplateName]: { key: string; to: string; template: N; data: MailTemplateData[N] };
}[MailTemplateName];

export type SendMailResult = DeliveryResult;

export interface MailPingResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

const keySchema = z.string().trim().min(1).max(200);
const emailSchema = z.email();

/** `webUrl`: WEB_URL, where the links in the mails point (the web app, not the API). */
export function createMailActivities({ mailer, outbox, webUrl }: { mailer: Mailer; outbox: OutboxStore; webUrl: string }) {
  async function send(row: OutboxMessage) {
    const sent = await mailer.send({
      to: row.recipient,
      subject: row.subject ?? '',
      text: row.body,
      html: row.html,
      // Derived from the outbox row: every attempt of this message carries the same Message-ID.
      messageId: `outbox.${row.id}@${mailer.domain}`,
    });
    return { providerMessageId: sent.messageId };
  }

  return {
    /** Sends a templated e-mail once per key. The result holds ids only, never the content. */
    async sendMail(input: SendMailInput): Promise<SendMailResult> {
      const key = keySchema.safeParse(input.key);
      if (!key.success) throw deliveryFailure('InvalidMailRequest', 'Outbox key must be 1–200 characters', false);
      const to = input.to?.trim() ?? '';
      if (!emailSchema.safeParse(to).success)
        throw deliveryFailure('InvalidEmailAddress', `無效的電子郵件地址：${to.slice(0, 254)}`, false);
      if (!isMailTemplateName(input.template))
        throw deliveryFailure('InvalidMailRequest', `Unknown mail template "${String(input.template)}"`, false);

      let content: RenderedMail;
      try {
        content = renderMail(input.template, input.data, { webUrl });
      } catch (error) {
        if (error instanceof MailTemplateError) throw deliveryFailure('InvalidMailTemplateData', error.message, false);
        throw error;
      }

      return deliverOnce({
        outbox,
        key: key.data,
        channel: 'EMAIL',
        recipient: to,
        content: { subject: content.subject, body: content.text, html: content.html },
        classify: classifySmtpError,
        send,
      });
    },

    /**
     * Sends a message the API already rendered into the outbox (e.g. a verification code), by key:
     * the workflow that calls this never sees the content.
     */
    async deliverQueuedMail({ key }: { key: string }): Promise<SendMailResult> {
      const row = await outbox.findByKey(key);
      if (!row || row.channel !== 'EMAIL')
        throw deliveryFailure('OutboxMessageMissing', `No queued e-mail with key "${key}"`, false);
      return deliverOnce({
        outbox,
        key,
        channel: 'EMAIL',
        recipient: row.recipient,
        content: { subject: row.subject, body: row.body, html: row.html },
        classify: classifySmtpError,
        send,
      });
    },

    /** SMTP connect + EHLO (+ AUTH), for health and connectivity checks. Reports failure, never throws. */
    async mailPing(): Promise<MailPingResult> {
      const started = performance.now();
      try {
        await mailer.verify();
        return { ok: true, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        const e = error as { code?: string; message?: string };
        return {
          ok: false,
          latencyMs: Math.round(performance.now() - started),
          error: `${e.code ? `[${e.code}] ` : ''}${e.message ?? String(error)}`,
        };
      }
    },
  };
}
