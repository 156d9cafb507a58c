import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { testEnv } from './env';

/** A history as text with every payload decoded, so a secret inside an argument would show. */
export function readableHistory(history: Parameters<typeof historyToJSON>[0]): string {
  const json = historyToJSON(history);
  const payloads = [...json.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
  return `${json}\n${payloads.join('\n')}`;
}

/**
 * Every workflow history of the test namespace, readable. For the "no secret in any history" checks:
 * whatever a test typed (passwords, codes, temporary passwords, ID numbers) must not be in any of them.
 */
export async function allHistories(): Promise<{ workflowId: string; type: string; text: string }[]> {
  const env = testEnv();
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
    const out: { workflowId: string; type: string; text: string }[] = [];
    for await (const wf of client.workflow.list()) {
      const history = await client.workflow.getHandle(wf.workflowId, wf.runId).fetchHistory();
      out.push({ workflowId: wf.workflowId, type: wf.type, text: readableHistory(history) });
    }
    return out;
  } finally {
    await connection.close();
  }
}

/** The workflow ids whose history contains any of the secrets (empty = clean). */
export async function historiesContaining(secrets: readonly string[]): Promise<string[]> {
  const histories = await allHistories();
  return histories.filter((h) => secrets.some((secret) => secret && h.text.includes(secret))).map((h) => h.workflowId);
}
