import { z } from 'zod';

/**
 * Every environment variable the API and worker read, documented in one place.
 * Each process parses the subset it needs with `parseEnv`, so a bad value stops start-up with the
 * variable's name and what was expected.
 */
const base64Key = z
  .string()
  .refine(
    (v) => Buffer.from(v, 'base64').length === 32,
    '必須是 base64 編碼的 32 位元組金鑰 (expected a base64-encoded 32-byte key)',
  );

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url().default('http://127.0.0.1:3000'),
  WEB_URL: z.url().default('http://127.0.0.1:5173'),
  TRUST_PROXY: z.string().default('loopback'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, '必須是 postgresql:// 連線字串 (expected a postgresql:// URL)'),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[\w.-]+:\d+$/, '必須是 host:port (expected host:port)')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('portal'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('portal'),
  TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
  AD_URL: z.string().regex(/^ldaps?:\/\//, '必須是 ldaps:// 或 ldap:// 網址 (expected an ldaps:// URL)'),
  AD_BIND_DN: z.string().min(1),
  AD_BIND_PASSWORD: z.string().min(1),
  AD_BASE_DN: z.string().regex(/^DC=/i, '必須以 DC= 開頭 (expected e.g. DC=tainan,DC=local)'),
  AD_ROOT_OU: z.string().regex(/^OU=/i, '必須以 OU= 開頭 (expected e.g. OU=TainanCity)'),
  AD_CA_FILE: z.string().optional(),
  AD_UPN_SUFFIX: z.string().min(1),
  SMTP_HOST: z.string().min(1),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535),
  SMTP_FROM: z.string().min(3),
  MAILBOX_URL: z.url().optional(),
  MITAKE_URL: z.url(),
  MITAKE_USERNAME: z.string().min(1),
  MITAKE_PASSWORD: z.string().min(1),
  SMS_SIMULATOR_URL: z.url().optional(),
  /** 內政部行動自然人憑證 SP API (https://fidoapi.moi.gov.tw; UAT https://fidoapi-test.moi.gov.tw). */
  MOI_FIDO_URL: z.url(),
  /** sp_service_id and the AES-256 key (base64) MOI issues to a registered SP. */
  MOI_FIDO_SP_SERVICE_ID: z.string().min(1),
  MOI_FIDO_SP_KEY: base64Key,
  /** The simulator's operator API and "phone" page (development and tests only). */
  MOI_SIMULATOR_URL: z.url().optional(),
  /**
   * 自然人憑證: PEM file of the trusted root(s) of card certificates and any intermediate CAs (production:
   * 內政部憑證管理中心 MOICA and its root; development and tests: the 「MOICA 測試」 CA of
   * scripts/services/card-pki.mjs), and the URL of the issuing CA's CRL (fetched, cached briefly;
   * unreachable = card logins refused).
   */
  CITIZEN_CERT_ROOT_CA_FILE: z.string().min(1),
  CITIZEN_CERT_CRL_URL: z.url(),
  /** Where the browser reaches the signing component on the user's PC (HiPKI LocalSignServer). */
  CITIZEN_CERT_SIGNER_URL: z.url().default('http://localhost:61161'),
  /** The card-reader simulator's operator API (development and tests only). */
  CARD_SIGNER_SIM_URL: z.url().optional(),
  DATA_KEY: base64Key,
  HASH_KEY: base64Key,
  SESSION_SECRET: z.string().min(32, '至少 32 個字元 (at least 32 characters)'),
  /** Where the built web app is (default web/dist); test slots use their own. */
  WEB_DIST: z.string().optional(),
  /** 府內網路: outside these networks only the two certificate login methods are offered and accepted. */
  INTERNAL_CIDRS: z
    .string()
    .default('127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16')
    .refine(
      (v) => v.split(',').every((c) => /^[\d.:a-fA-F]+\/\d{1,3}$/.test(c.trim())),
      '必須是以逗號分隔的 CIDR (e.g. 10.0.0.0/8,192.168.0.0/16)',
    ),
  /** Login and verification requests allowed per source address per minute, shared by all API replicas. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /**
   * 圖形驗證碼 images per source address per minute (each is a database row). A person needs one per
   * form plus a few 重新產生; 30 leaves room for several people behind one address.
   */
  CAPTCHA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /**
   * 檢查帳號 of 個人帳號申請 per source address per minute. The page asks only on 檢查帳號 and on 送出
   * (never per keystroke); 20 is far above a person and slows listing taken account names.
   */
  ACCOUNT_AVAILABILITY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /**
   * 行事曆訂閱 feed fetches per source address per minute. A calendar service polls each feed a few
   * times an hour, but Google's and Microsoft's fetchers reach us from shared addresses for every
   * subscriber of the city at once, so the budget is wide; a token is 256 random bits, so it guards
   * the database against floods rather than against guessing.
   */
  CALENDAR_FEED_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`環境變數設定錯誤 (invalid environment):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv<K extends keyof Env>(source: Record<string, string | undefined>, keys: readonly K[]): Pick<Env, K> {
  // zod's pick() mask cannot be typed from a generic key list; the result is typed by the signature.
  const picked = envSchema.pick(Object.fromEntries(keys.map((k) => [k, true])) as never);
  // Empty strings mean "unset" so defaults apply (shells often export VAR= ).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = picked.safeParse(cleaned);
  if (result.success) return result.data as unknown as Pick<Env, K>;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      return `${name}: ${issue.message}${source[name] === undefined ? '（未設定 / not set）' : ''}`;
    }),
  );
}
