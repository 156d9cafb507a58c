// activities/db — PostgreSQL access for workflows (activities) and the rest of the server.
export { createDbActivities } from './activities';
export type { AppendRequestEventInput, DbActivities, DbPingResult, RecordRequestInput } from './activities';
export { createPrisma } from '../../infra/db/prisma';
export type { CreatePrismaOptions } from '../../infra/db/prisma';
export * from '../../infra/db/pii';
