import { parseEnv } from '../../domain/env-schema';
import { CLIENT_ENV_KEYS } from '../../infra/clients';

/** The test environment `npm test` exports (see scripts/test.mjs); fails loudly when run without it. */
export function testEnv() {
  return parseEnv(process.env, [
    ...CLIENT_ENV_KEYS,
    'TEMPORAL_ADDRESS',
    'TEMPORAL_NAMESPACE',
    'TEMPORAL_UI_URL',
    'PUBLIC_URL',
    'WEB_URL',
    'MAILBOX_URL',
    'SMS_SIMULATOR_URL',
  ] as const);
}

export const e2e = {
  baseUrl: () => process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100',
  sysadmin: () => process.env.E2E_SYSADMIN_ACCOUNT ?? 'sysadmin',
  user: () => process.env.E2E_USER_ACCOUNT ?? 'sdcuser1',
  password: () => process.env.E2E_DEMO_PASSWORD ?? 'Tainan@2026',
};

export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  { timeoutMs = 20_000, intervalMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
