import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { AdConfig } from './client';

// Messages complete the sentence "<VARIABLE> …", the variable name is prefixed when reporting.
const required = z.string({ error: 'is required (not set)' }).trim().min(1, 'is required (empty)');
const dn = required.regex(/^[A-Za-z][\w-]*=.+/, 'must be a distinguished name such as CN=…,DC=…');

const schema = z.object({
  AD_URL: required.regex(/^ldaps?:\/\/[^/\s]+\/?$/i, 'must look like ldaps://host:636'),
  AD_BIND_DN: dn,
  AD_BIND_PASSWORD: z.string({ error: 'is required (not set)' }).min(1, 'is required (empty)'),
  AD_BASE_DN: required.regex(/^DC=[^,=]+(,\s*DC=[^,=]+)*$/i, 'must be the domain DN, e.g. DC=tainan,DC=local'),
  // Relative to AD_BASE_DN, e.g. OU=TainanCity.
  AD_ROOT_OU: required.regex(/^OU=[^,]+(,OU=[^,]+)*$/i, 'must be OU=… relative to AD_BASE_DN (no DC= part)'),
  // Optional: without it Node's system CAs are used (a real AD with a public/enterprise CA).
  AD_CA_FILE: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || existsSync(v), 'points to a file that does not exist'),
  AD_UPN_SUFFIX: required.regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'must be a DNS suffix such as tainan.local'),
  AD_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().positive().optional(),
});

/** Reads the AD_* variables (docs/dev-contract.md); throws one error naming every bad variable. */
export function adConfigFromEnv(env: Record<string, string | undefined> = process.env): AdConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0] ?? 'AD_*')} ${i.message}`);
    throw new Error(`Invalid AD configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    url: e.AD_URL.replace(/\/$/, ''),
    bindDN: e.AD_BIND_DN,
    bindPassword: e.AD_BIND_PASSWORD,
    baseDN: e.AD_BASE_DN,
    rootOu: e.AD_ROOT_OU,
    upnSuffix: e.AD_UPN_SUFFIX,
    ...(e.AD_CA_FILE ? { caFile: e.AD_CA_FILE } : {}),
    ...(e.AD_TIMEOUT_MS ? { timeoutMs: e.AD_TIMEOUT_MS } : {}),
  };
}
