import { MAX_ERROR_LENGTH, type OutboxChannel, type OutboxMessage, type OutboxStatus, type OutboxStore } from './types';

/**
 * The slice of the generated Prisma client this store uses, written structurally so it compiles
 * before `prisma generate` has run and accepts the real `PrismaClient` afterwards. Methods (not
 * function properties) on purpose: their parameters are checked bivariantly, which lets Prisma's
 * wider generic argument types fit.
 */
export interface PrismaOutboxClient {
  outboxMessage: {
    findUnique(args: { where: { key: string } }): PromiseLike<OutboxRow | null>;
    create(args: {
      data: { key: string; channel: OutboxChannel; recipient: string; subject: string | null; body: string; html: string | null };
    }): PromiseLike<OutboxRow>;
    updateMany(args: {
      where: { key: string; attempts?: number; status?: { not: OutboxStatus } };
      data:
        | { attempts: { increment: number } }
        | { status: OutboxStatus; providerMessageId?: string | null; sentAt?: Date; lastError?: string };
    }): PromiseLike<{ count: number }>;
  };
}

type OutboxRow = OutboxMessage;

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2002';

/** OutboxStore on the `OutboxMessage` table (unique `key`). */
export function createPrismaOutboxStore(prisma: PrismaOutboxClient): OutboxStore {
  const table = prisma.outboxMessage;
  return {
    async findByKey(key) {
      return table.findUnique({ where: { key } });
    },
    async create(message) {
      try {
        return await table.create({
          data: {
            key: message.key,
            channel: message.channel,
            recipient: message.recipient,
            subject: message.subject ?? null,
            body: message.body,
            html: message.html ?? null,
          },
        });
      } catch (error) {
        // A concurrent attempt inserted the same key first: theirs is the row.
        if (!isUniqueViolation(error)) throw error;
        const existing = await table.findUnique({ where: { key: message.key } });
        if (!existing) throw error;
        return existing;
      }
    },
    async claim(key, seenAttempts) {
      // One UPDATE … WHERE attempts = seen: PostgreSQL row locking lets exactly one caller through.
      const { count } = await table.updateMany({
        where: { key, attempts: seenAttempts, status: { not: 'SENT' } },
        data: { attempts: { increment: 1 } },
      });
      return count === 1;
    },
    async markSent(key, { providerMessageId, sentAt }) {
      await table.updateMany({ where: { key }, data: { status: 'SENT', providerMessageId, sentAt } });
    },
    async markFailed(key, { error, permanent }) {
      await table.updateMany({
        where: { key, status: { not: 'SENT' } },
        data: { status: permanent ? 'FAILED' : 'PENDING', lastError: error.slice(0, MAX_ERROR_LENGTH) },
      });
    },
  };
}
