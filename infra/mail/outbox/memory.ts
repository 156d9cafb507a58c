import { randomUUID } from 'node:crypto';
import { MAX_ERROR_LENGTH, type NewOutboxMessage, type OutboxMessage, type OutboxStore } from './types';

/** An OutboxStore in process memory, for unit and integration tests that do not need PostgreSQL. */
export function createMemoryOutboxStore(): OutboxStore & { all(): OutboxMessage[] } {
  const rows = new Map<string, OutboxMessage>();
  // Callers get copies, as they would from a database, so they cannot change the store by accident.
  const copy = (row: OutboxMessage): OutboxMessage => ({ ...row });

  return {
    all: () => [...rows.values()].map(copy),
    async findByKey(key) {
      const row = rows.get(key);
      return row ? copy(row) : null;
    },
    async create(message: NewOutboxMessage) {
      const existing = rows.get(message.key);
      if (existing) return copy(existing);
      const row: OutboxMessage = {
        id: randomUUID(),
        key: message.key,
        channel: message.channel,
        recipient: message.recipient,
        subject: message.subject ?? null,
        body: message.body,
        html: message.html ?? null,
        status: 'PENDING',
        attempts: 0,
        lastError: null,
        providerMessageId: null,
        createdAt: new Date(),
        sentAt: null,
      };
      rows.set(row.key, row);
      return copy(row);
    },
    async claim(key, seenAttempts) {
      const row = rows.get(key);
      if (!row || row.status === 'SENT' || row.attempts !== seenAttempts) return false;
      row.attempts += 1;
      return true;
    },
    async markSent(key, { providerMessageId, sentAt }) {
      const row = rows.get(key);
      if (!row) throw new Error(`outbox row ${key} not found`);
      Object.assign(row, { status: 'SENT', providerMessageId, sentAt });
    },
    async markFailed(key, { error, permanent }) {
      const row = rows.get(key);
      if (!row) throw new Error(`outbox row ${key} not found`);
      if (row.status === 'SENT') return;
      Object.assign(row, { status: permanent ? 'FAILED' : 'PENDING', lastError: error.slice(0, MAX_ERROR_LENGTH) });
    },
  };
}
