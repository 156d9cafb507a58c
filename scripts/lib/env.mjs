// The one place that decides every service address for a mode. See docs/dev-contract.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MODES = {
  development: {
    apiPort: 3000,
    webPort: 5173,
    database: 'portal',
    namespace: 'portal',
    adRootOu: 'OU=TainanCity',
    smtpPort: 1025,
    mailboxPort: 1080,
    smsPort: 8900,
    moiPort: 8910,
    cardSignerPort: 61160,
    demoRpPort: 3003,
    stateDir: '.data',
  },
  test: {
    apiPort: 3100,
    webPort: null,
    database: 'portal_test',
    namespace: 'portal-test',
    adRootOu: 'OU=TainanCityTest',
    smtpPort: 1026,
    mailboxPort: 1081,
    smsPort: 8901,
    // 8912 + 10·slot: clear of the SMS simulator's 8901 + 10·slot.
    moiPort: 8912,
    cardSignerPort: 61170,
    demoRpPort: 3103,
    stateDir: '.data/test',
  },
};

/**
 * A mode's settings. TEST_SLOT=<1-9> gives a test run its own ports, database, namespace, AD subtree
 * and state directory, so several test runs can share one machine's PostgreSQL, Temporal and Samba
 * (started once, reused) without touching each other's data.
 */
export function modeConfig(mode, slot = process.env.TEST_SLOT) {
  const m = MODES[mode];
  if (mode !== 'test' || !slot) return m;
  const k = Number(slot);
  if (!Number.isInteger(k) || k < 1 || k > 9) throw new Error(`TEST_SLOT 必須是 1 到 9 的整數（目前為「${slot}」）`);
  return {
    ...m,
    apiPort: m.apiPort + 10 * k,
    database: `${m.database}_${k}`,
    namespace: `${m.namespace}-${k}`,
    adRootOu: `${m.adRootOu}${k}`,
    smtpPort: m.smtpPort + 10 * k,
    mailboxPort: m.mailboxPort + 10 * k,
    smsPort: m.smsPort + 10 * k,
    demoRpPort: m.demoRpPort + 10 * k,
    moiPort: m.moiPort + 10 * k,
    cardSignerPort: m.cardSignerPort + 10 * k,
    stateDir: `${m.stateDir}-${k}`,
  };
}

export const TEMPORAL_PORT = 7233;
export const TEMPORAL_UI_PORT = 8233;
export const EMBEDDED_PG_PORT = 5433;

/** Secrets generated once per state directory; never committed, never in a workflow history. */
export function loadSecrets(rootDir, mode) {
  const file = path.join(rootDir, modeConfig(mode).stateDir, 'secrets.json');
  const generators = {
    DATA_KEY: () => crypto.randomBytes(32).toString('base64'),
    HASH_KEY: () => crypto.randomBytes(32).toString('base64'),
    SESSION_SECRET: () => crypto.randomBytes(32).toString('base64'),
    MITAKE_PASSWORD: () => crypto.randomBytes(12).toString('hex'),
    // 行動自然人憑證 SP credentials (MOI issues both to a registered SP; the simulator takes these).
    MOI_FIDO_SP_SERVICE_ID: () => `SP-TAINAN-${crypto.randomBytes(4).toString('hex').toUpperCase()}`,
    MOI_FIDO_SP_KEY: () => crypto.randomBytes(32).toString('base64'),
  };
  const existing = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const missing = Object.keys(generators).filter((key) => !existing[key]);
  if (missing.length === 0) return existing;
  // Secrets added later are generated into an existing file; the ones already there never change.
  const secrets = { ...existing, ...Object.fromEntries(missing.map((key) => [key, generators[key]()])) };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabase(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The environment every process of a mode gets. `services` carries what setup learned
 * (the PostgreSQL server URL, AD credentials, Temporal address).
 */
export function buildEnv(rootDir, mode, services) {
  const m = modeConfig(mode);
  const secrets = loadSecrets(rootDir, mode);
  const publicUrl = `http://127.0.0.1:${m.apiPort}`;
  return {
    NODE_ENV: mode,
    PORT: String(m.apiPort),
    PUBLIC_URL: publicUrl,
    WEB_URL: m.webPort ? `http://127.0.0.1:${m.webPort}` : publicUrl,
    ...(m.webPort ? { WEB_PORT: String(m.webPort) } : {}),
    API_URL: publicUrl,
    DATABASE_URL: withDatabase(services.postgresUrl, m.database),
    TEMPORAL_ADDRESS: services.temporalAddress,
    TEMPORAL_NAMESPACE: m.namespace,
    TEMPORAL_TASK_QUEUE: 'portal',
    TEMPORAL_UI_URL: services.temporalUiUrl,
    AD_URL: services.ad.url,
    AD_BIND_DN: services.ad.bindDN,
    AD_BIND_PASSWORD: services.ad.bindPassword,
    AD_BASE_DN: services.ad.baseDN,
    AD_ROOT_OU: m.adRootOu,
    AD_CA_FILE: services.ad.caFile,
    AD_UPN_SUFFIX: services.ad.upnSuffix,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(m.smtpPort),
    SMTP_FROM: '臺南市政府公務入口網 <no-reply@mail.tainan.gov.tw>',
    MAILBOX_URL: `http://127.0.0.1:${m.mailboxPort}`,
    MITAKE_URL: `http://127.0.0.1:${m.smsPort}`,
    MITAKE_USERNAME: 'tainan-portal',
    MITAKE_PASSWORD: secrets.MITAKE_PASSWORD,
    SMS_SIMULATOR_URL: `http://127.0.0.1:${m.smsPort}`,
    MOI_FIDO_URL: `http://127.0.0.1:${m.moiPort}`,
    MOI_FIDO_SP_SERVICE_ID: secrets.MOI_FIDO_SP_SERVICE_ID,
    MOI_FIDO_SP_KEY: secrets.MOI_FIDO_SP_KEY,
    MOI_SIMULATOR_URL: `http://127.0.0.1:${m.moiPort}`,
    // 自然人憑證: the test CA and CRL of scripts/services/card-pki.mjs, served by card-signer-sim.mjs, which
    // also plays the signing component (HiPKI, http://localhost:61161 on a real PC) the browser calls.
    CITIZEN_CERT_ROOT_CA_FILE: path.join(rootDir, m.stateDir, 'pki', 'root-ca.pem'),
    CITIZEN_CERT_CRL_URL: `http://127.0.0.1:${m.cardSignerPort}/crl/moica-test.crl`,
    CITIZEN_CERT_SIGNER_URL: `http://127.0.0.1:${m.cardSignerPort}`,
    CARD_SIGNER_SIM_URL: `http://127.0.0.1:${m.cardSignerPort}`,
    // examples/demo-rp: a third system signing in through the SSO (tests start it; `npm start` too).
    DEMO_RP_URL: `http://127.0.0.1:${m.demoRpPort}`,
    // A test slot builds and serves its own copy of the web app (others may rebuild web/dist meanwhile).
    ...(mode === 'test' && process.env.TEST_SLOT ? { WEB_DIST: path.join(rootDir, m.stateDir, 'web-dist') } : {}),
    // The whole suite logs in from 127.0.0.1 hundreds of times a minute; the per-address limit itself
    // is tested with its own small limit (tests/integration/api/sso-rate-limit.test.ts).
    ...(mode === 'test'
      ? {
          LOGIN_RATE_LIMIT_PER_MINUTE: process.env.LOGIN_RATE_LIMIT_PER_MINUTE ?? '1000000',
          CAPTCHA_RATE_LIMIT_PER_MINUTE: process.env.CAPTCHA_RATE_LIMIT_PER_MINUTE ?? '1000000',
          ACCOUNT_AVAILABILITY_RATE_LIMIT_PER_MINUTE: process.env.ACCOUNT_AVAILABILITY_RATE_LIMIT_PER_MINUTE ?? '1000000',
          CALENDAR_FEED_RATE_LIMIT_PER_MINUTE: process.env.CALENDAR_FEED_RATE_LIMIT_PER_MINUTE ?? '1000000',
        }
      : {}),
    DATA_KEY: secrets.DATA_KEY,
    HASH_KEY: secrets.HASH_KEY,
    SESSION_SECRET: secrets.SESSION_SECRET,
    // Tests log every request too: the run ends by searching the logs for every secret it was issued.
    LOG_LEVEL: 'info',
  };
}
