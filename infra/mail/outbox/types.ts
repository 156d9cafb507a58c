/**
 * The outbox: one row per message the system promises to send, keyed by a caller-chosen unique
 * key (e.g. `account-application-42:approved`). Activities consult it before sending so a retried
 * activity, a replayed workflow or a double click delivers the message once.
 *
 * Mirrors `model OutboxMessage` in prisma/schema.prisma (channel EMAIL|SMS, status PENDING|SENT|FAILED).
 * Shared by activities/mail and activities/sms.
 */
export type OutboxChannel = 'EMAIL' | 'SMS';
export type OutboxStatus = 'PENDING' | 'SENT' | 'FAILED';

export interface OutboxMessage {
  id: string;
  key: string;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  body: string;
  html: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface NewOutboxMessage {
  key: string;
  channel: OutboxChannel;
  recipient: string;
  subject?: string | null;
  body: string;
  html?: string | null;
}

export interface OutboxStore {
  findByKey(key: string): Promise<OutboxMessage | null>;
  /** Inserts a PENDING row. If the key already exists (a concurrent attempt won), returns that row unchanged. */
  create(message: NewOutboxMessage): Promise<OutboxMessage>;
  /**
   * Counts a send attempt, as a compare-and-set on `attempts`: succeeds only while the row is not SENT
   * and still has `seenAttempts` attempts. Of two concurrent attempts exactly one wins, so the loser
   * does not send a second copy.
   */
  claim(key: string, seenAttempts: number): Promise<boolean>;
  markSent(key: string, result: { providerMessageId: string | null; sentAt: Date }): Promise<void>;
  /**
   * Records why an attempt failed. `permanent` failures (bad address, rejected credentials) become
   * FAILED; transient ones stay PENDING because Temporal will retry them.
   */
  markFailed(key: string, failure: { error: string; permanent: boolean }): Promise<void>;
}

/** lastError is for operators; keep it bounded whatever a server answered. */
export const MAX_ERROR_LENGTH = 1000;
