import { ApplicationFailure } from '@temporalio/common';
import type { OutboxChannel, OutboxMessage, OutboxStore } from './types';

/** How a provider error should be treated: `type` is the ApplicationFailure type workflows can match. */
export interface DeliveryFailure {
  retryable: boolean;
  type: string;
  message: string;
}

/**
 * What a send activity returns. It goes into the workflow history, so it carries identifiers only:
 * never the body, which may hold a one-time code (architecture: no secret enters a history).
 */
export interface DeliveryResult {
  status: 'sent' | 'already-sent';
  outboxId: string;
  messageId: string | null;
}

export function deliveryFailure(type: string, message: string, retryable: boolean): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: !retryable });
}

/**
 * Sends a message at most once per key, through the outbox:
 *   1. a SENT row for the key → nothing is sent, the earlier result is returned;
 *   2. otherwise the row is created (first attempt) and the attempt is claimed with a
 *      compare-and-set, so two concurrent attempts cannot both send;
 *   3. the stored row is what gets sent, so every retry sends the same content;
 *   4. success → SENT with the provider's id; failure → lastError recorded and an ApplicationFailure
 *      thrown, retryable or not as `classify` decides, so Temporal's retry policy takes over.
 * The one unavoidable gap (provider accepted, process died before markSent) is closed by the
 * provider: SMTP carries a Message-ID derived from the row, Mitake de-duplicates by clientid.
 */
export async function deliverOnce(args: {
  outbox: OutboxStore;
  key: string;
  channel: OutboxChannel;
  recipient: string;
  content: { subject?: string | null; body: string; html?: string | null };
  send: (row: OutboxMessage) => Promise<{ providerMessageId: string | null }>;
  classify: (error: unknown) => DeliveryFailure;
}): Promise<DeliveryResult> {
  const { outbox, key, channel, recipient } = args;

  let row = await outbox.findByKey(key);
  if (!row) row = await outbox.create({ key, channel, recipient, ...args.content });
  if (row.channel !== channel || row.recipient.toLowerCase() !== recipient.toLowerCase()) {
    // The same key for a different recipient is a caller bug: sending would be wrong, and so would
    // answering "already sent" for a message this recipient never got.
    throw deliveryFailure('OutboxKeyConflict', `Outbox key "${key}" already belongs to another ${row.channel} message`, false);
  }
  if (row.status === 'SENT') return { status: 'already-sent', outboxId: row.id, messageId: row.providerMessageId };

  if (!(await outbox.claim(key, row.attempts))) {
    // Another attempt is sending right now (or just finished). Retrying later sees its outcome.
    throw deliveryFailure('OutboxAttemptInProgress', `Another attempt for outbox key "${key}" is in progress`, true);
  }

  let providerMessageId: string | null;
  try {
    ({ providerMessageId } = await args.send(row));
  } catch (error) {
    const failure = args.classify(error);
    await outbox.markFailed(key, { error: `[${failure.type}] ${failure.message}`, permanent: !failure.retryable }).catch(() => {
      // The send failure is what matters to the caller; a database hiccup here only loses the note.
    });
    throw deliveryFailure(failure.type, failure.message, failure.retryable);
  }
  await outbox.markSent(key, { providerMessageId, sentAt: new Date() });
  return { status: 'sent', outboxId: row.id, messageId: providerMessageId };
}
