// The one way to get a PrismaClient: engineType "client" (query compiler in WASM) over the
// node-postgres driver adapter, so no Prisma engine binary is needed at run time.

import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

export interface CreatePrismaOptions {
  /** Pool size per process (pg default 10). Each api/worker replica holds its own pool. */
  maxConnections?: number;
  /** Log SQL (development debugging). */
  logQueries?: boolean;
}

export function createPrisma(databaseUrl: string, opts: CreatePrismaOptions = {}): PrismaClient {
  if (!databaseUrl) throw new Error('createPrisma: DATABASE_URL is empty');
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    ...(opts.maxConnections ? { max: opts.maxConnections } : {}),
  });
  return new PrismaClient({ adapter, ...(opts.logQueries ? { log: ['query' as const] } : {}) });
}

export type { PrismaClient };
