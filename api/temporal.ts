import {
  Client,
  Connection,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
  type ClientInterceptors,
} from '@temporalio/client';

export interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  uiUrl: string;
}

/**
 * Retries of a call Temporal did not answer: a person is waiting for the page, so give up after about
 * a second (the SDK's default, 10 attempts, kept them waiting ~19 s before 「暫時無法送出」).
 */
const API_CALL_ATTEMPTS = 4;

/** A lazy connection: the API starts (and answers /healthz) even while Temporal is down. */
export function createTemporal(settings: TemporalSettings, interceptors?: ClientInterceptors) {
  const connection = Connection.lazy({
    address: settings.address,
    connectTimeout: '3 seconds',
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: API_CALL_ATTEMPTS }))],
  });
  const client = new Client({ connection, namespace: settings.namespace, interceptors });
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
