// For API tests that change accounts: the clients, the data keys, and an AD OU of the file's own in
// which fresh 民政局 (G01, agency admin cabadmin) users are made (removed with it afterwards). Call at
// the top of a test file; it registers the hooks.
import { afterAll, beforeAll } from 'vitest';
import { createClients } from '../../../infra/clients';
import { testEnv } from '../../support/env';
import { createResettableUser } from '../../support/reset-users';
import { fileSandbox } from '../ad/helpers';

export function useAccountSandbox(label: string) {
  const env = testEnv();
  const clients = createClients(env);
  const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
  const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
  let sandbox: Awaited<ReturnType<typeof fileSandbox>> | undefined;

  beforeAll(async () => {
    sandbox = await fileSandbox(label);
  });
  afterAll(async () => {
    await sandbox?.cleanup();
    await clients.prisma.$disconnect();
  });

  const ouDn = () => {
    if (!sandbox) throw new Error('the AD sandbox is made in beforeAll');
    return sandbox.ouDn;
  };
  return {
    env,
    clients,
    prisma: clients.prisma,
    ad: clients.ad,
    dataKey,
    /** The sandbox OU's DN, where new users are made. */
    ouDn,
    /** An active G01 user, in the database and enabled in AD with FIRST_PASSWORD. */
    newUser: (options: Parameters<typeof createResettableUser>[1]) =>
      createResettableUser({ prisma: clients.prisma, ad: clients.ad, dataKey, hashKey, ouDn: ouDn() }, options),
  };
}
