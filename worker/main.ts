import '../domain/zod-zh-tw';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { parseEnv } from '../domain/env-schema';
import { CLIENT_ENV_KEYS, createClients } from '../infra/clients';
import { createLogger } from '../infra/logger';
import { createActivities } from './activities';
import { ensureOrganizationResumeSchedule, ensureSchedules } from './schedules';

const env = parseEnv(process.env, [
  ...CLIENT_ENV_KEYS,
  'LOG_LEVEL',
  'WEB_URL',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'DATA_KEY',
] as const);
const log = createLogger(env.LOG_LEVEL, 'worker');

const clients = createClients(env);
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const worker = await Worker.create({
  connection,
  namespace: env.TEMPORAL_NAMESPACE,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
  activities: createActivities(clients, { webUrl: env.WEB_URL, dataKey: Buffer.from(env.DATA_KEY, 'base64') }),
});
log.info({ namespace: env.TEMPORAL_NAMESPACE, taskQueue: env.TEMPORAL_TASK_QUEUE }, 'worker started');

// The schedules (idempotent: an existing one, perhaps paused by an operator, is kept).
const clientConnection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
try {
  const client = new Client({ connection: clientConnection, namespace: env.TEMPORAL_NAMESPACE });
  for (const ensure of [ensureSchedules, ensureOrganizationResumeSchedule]) {
    try {
      const schedule = await ensure(client, { taskQueue: env.TEMPORAL_TASK_QUEUE });
      log.info(schedule, schedule.created ? 'schedule created' : 'schedule already exists');
    } catch (error) {
      log.error({ err: error, schedule: ensure.name }, 'could not create a schedule; it will not run until the worker restarts');
    }
  }
} finally {
  await clientConnection.close();
}

// Worker.run() resolves after shutdown() drains in-flight activities; then close our clients.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
await worker.run();
await clients.prisma.$disconnect();
await connection.close();
log.info('worker stopped');
