// The history half of the secret scan `npm test` ends with (issue 15, R6): every workflow this run
// started in its namespace, whatever its type, written out with its payloads decoded — inputs, results,
// signals, updates, queries' answers, memos, search attributes, failures — so scanLogs looks for every
// secret the run used in them as in the logs. Payloads are JSON or text; binary ones stay base64.
import fs from 'node:fs';

const textDecoder = new globalThis.TextDecoder('utf-8', { fatal: false });

/** The history object with every Payload's `data` as its text and every other byte array as base64. */
function decoded(value) {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(decoded);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        key === 'data' && inner instanceof Uint8Array && 'metadata' in value ? textDecoder.decode(inner) : decoded(inner);
    }
    return out;
  }
  return value;
}

/**
 * Writes one line per workflow run started at or after `since` (ms) to `file`.
 * @returns {Promise<{ workflows: number, bytes: number }>}
 */
export async function dumpHistories({ address, namespace, since, file, concurrency = 8 }) {
  // Imported here, not at the top: scripts/test.mjs loads this module before set-up installs the packages.
  const { Client, Connection } = await import('@temporalio/client');
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace });
    const runs = [];
    const query = `StartTime >= "${new Date(since).toISOString()}"`;
    for await (const info of client.workflow.list({ query })) runs.push(info);
    const out = fs.openSync(file, 'w');
    let bytes = 0;
    try {
      let next = 0;
      const worker = async () => {
        while (next < runs.length) {
          const { workflowId, runId, type } = runs[next++];
          const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
          const line = `${JSON.stringify({ workflowId, runId, type, history: decoded(history) })}\n`;
          bytes += Buffer.byteLength(line);
          fs.writeSync(out, line);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    } finally {
      fs.closeSync(out);
    }
    return { workflows: runs.length, bytes };
  } finally {
    await connection.close();
  }
}
