import type { Env } from '../domain/env-schema';
import { createAdClient } from './ad/client';
import { createPrisma } from './db/prisma';
import { createMailer } from './mail/mailer';
import { createMitakeClient } from './sms/mitake';

export type ClientEnv = Pick<
  Env,
  | 'DATABASE_URL'
  | 'AD_URL'
  | 'AD_BIND_DN'
  | 'AD_BIND_PASSWORD'
  | 'AD_BASE_DN'
  | 'AD_ROOT_OU'
  | 'AD_CA_FILE'
  | 'AD_UPN_SUFFIX'
  | 'SMTP_HOST'
  | 'SMTP_PORT'
  | 'SMTP_FROM'
  | 'MITAKE_URL'
  | 'MITAKE_USERNAME'
  | 'MITAKE_PASSWORD'
>;

export const CLIENT_ENV_KEYS = [
  'DATABASE_URL',
  'AD_URL',
  'AD_BIND_DN',
  'AD_BIND_PASSWORD',
  'AD_BASE_DN',
  'AD_ROOT_OU',
  'AD_CA_FILE',
  'AD_UPN_SUFFIX',
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_FROM',
  'MITAKE_URL',
  'MITAKE_USERNAME',
  'MITAKE_PASSWORD',
] as const satisfies readonly (keyof ClientEnv)[];

/** The clients of every external system, built from validated configuration. The API and worker share them. */
export function createClients(env: ClientEnv) {
  return {
    prisma: createPrisma(env.DATABASE_URL),
    ad: createAdClient({
      url: env.AD_URL,
      bindDN: env.AD_BIND_DN,
      bindPassword: env.AD_BIND_PASSWORD,
      baseDN: env.AD_BASE_DN,
      rootOu: env.AD_ROOT_OU,
      caFile: env.AD_CA_FILE,
      upnSuffix: env.AD_UPN_SUFFIX,
    }),
    mailer: createMailer({ host: env.SMTP_HOST, port: env.SMTP_PORT, from: env.SMTP_FROM }),
    mitake: createMitakeClient({
      url: env.MITAKE_URL,
      username: env.MITAKE_USERNAME,
      password: env.MITAKE_PASSWORD,
      timeoutMs: 10_000,
    }),
  };
}

export type Clients = ReturnType<typeof createClients>;
