import type { AddressInfo } from 'node:net';
import { createApp } from '../../../api/app';
import { dependencyPings } from '../../../api/dependency-pings';
import { createLogger } from '../../../infra/logger';
import { createTemporal } from '../../../api/temporal';
import type { Clients } from '../../../infra/clients';
import type { testEnv } from '../../support/env';

/** Runs the real app in-process over the given clients and calls /healthz once. */
export default async function request(clients: Clients, env: ReturnType<typeof testEnv>) {
  const temporal = createTemporal({
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: 'unused',
    uiUrl: env.TEMPORAL_UI_URL,
  });
  const app = createApp({
    env: { NODE_ENV: 'test', PUBLIC_URL: 'http://127.0.0.1', TRUST_PROXY: 'loopback' },
    log: createLogger('silent', 'test'),
    prisma: clients.prisma,
    temporal,
    pings: dependencyPings(clients, temporal),
    passwordMaxAgeDays: async () => 90,
    keys: { dataKey: Buffer.alloc(32), hashKey: Buffer.alloc(32), sessionSecret: 'x'.repeat(32) },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: response.status, body: await response.json() };
  } finally {
    server.close();
    await temporal.connection.close();
  }
}
