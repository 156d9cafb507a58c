// activities/db — PostgreSQL access for workflows (activities) and the rest of the server.
export { createDbActivities } from './activities';
export type { AppendRequestEventInput, DbActivities, DbPingResult, RecordRequestInput } from './activities';
export { createPrisma } from './prisma';
export type { CreatePrismaOptions } from './prisma';
export * from './pii';
