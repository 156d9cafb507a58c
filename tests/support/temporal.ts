import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { eventually } from './env';
import {
  bundleWorkflowCode,
  NativeConnection,
  Runtime,
  Worker,
  DefaultLogger,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

// Workers in tests log only warnings; the workflow bundle is built once per test file.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  /* already installed in this process */
}

export function workflowBundle() {
  bundle ??= bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)),
    logger: new DefaultLogger('WARN'),
  });
  return bundle;
}

/** A real worker on the dev server with its own task queue, so each test wires its own activities. */
export async function withWorker<T>(
  env: { TEMPORAL_ADDRESS: string; TEMPORAL_NAMESPACE: string },
  activities: object,
  fn: (ctx: { client: Client; taskQueue: string }) => Promise<T>,
  taskQueue = `test-${crypto.randomUUID()}`,
): Promise<T> {
  const nativeConnection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
  try {
    return await worker.runUntil(fn({ client, taskQueue }));
  } finally {
    await connection.close();
    await nativeConnection.close();
  }
}

/**
 * The ids of the workflows a visibility query finds, once it finds any: search attributes reach the
 * visibility store a moment after the workflow sets them.
 */
export function listedWorkflowIds(client: Client, query: string): Promise<string[]> {
  return eventually(async () => {
    const found: string[] = [];
    for await (const wf of client.workflow.list({ query })) found.push(wf.workflowId);
    return found.length ? found : null;
  });
}
