import { Client, Connection } from '@temporalio/client';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  uiUrl: string;
}

/** A lazy connection: the API starts (and answers /healthz) even while Temporal is down. */
export function createTemporal(settings: TemporalSettings) {
  const connection = Connection.lazy({ address: settings.address, connectTimeout: '3 seconds' });
  const client = new Client({ connection, namespace: settings.namespace });
  return {
    client,
    connection,
    settings,
    /** Link to a workflow's history in the Temporal Web UI. */
    workflowUrl: (workflowId: string) =>
      `${settings.uiUrl}/namespaces/${encodeURIComponent(settings.namespace)}/workflows/${encodeURIComponent(workflowId)}`,
    async ping() {
      await connection.ensureConnected();
      await connection.workflowService.getSystemInfo({});
      return { ok: true };
    },
  };
}

export type Temporal = ReturnType<typeof createTemporal>;
