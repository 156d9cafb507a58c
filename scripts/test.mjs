// npm test: the same set-up as npm start on separate test state (database portal_test, namespace
// portal-test, AD subtree OU=TainanCityTest), then every suite. Non-zero exit on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { buildWeb, rootDir, setup, startApp } from './setup.mjs';
import { run } from './lib/proc.mjs';
import { reportStaticChecks, startStaticChecks } from './lib/static-checks.mjs';
import { modeConfig } from './lib/env.mjs';
import { describeScan, logOffsets, recordedSecrets, scanLogs, secretsInMessages } from './lib/secret-scan.mjs';
import { dumpHistories } from './lib/history-dump.mjs';

const log = (line) => console.log(line);
// `node scripts/test.mjs e2e -- tests/e2e/login.test.ts`: projects before `--`, Vitest filters after it.
const argv = process.argv.slice(2);
const dashDash = argv.indexOf('--');
const projects = (dashDash === -1 ? argv : argv.slice(0, dashDash)).filter((a) => !a.startsWith('-'));
const filters = dashDash === -1 ? [] : argv.slice(dashDash + 1);
const started = Date.now();
let session;
let appHandles = [];
let exitCode = 1;
// The log scan (scripts/lib/secret-scan.mjs) reads only what this run adds to the slot's logs.
const stateDir = path.join(rootDir, modeConfig('test').stateDir);
const logsDir = path.join(stateDir, 'logs');
// Every workflow history of this run, written out for the same scan (scripts/lib/history-dump.mjs).
const historiesFile = path.join(logsDir, 'temporal-histories.log');
fs.rmSync(historiesFile, { force: true });
const offsets = logOffsets(logsDir);
const issuedFile = path.join(stateDir, 'issued-secrets.jsonl');
fs.rmSync(issuedFile, { force: true });
let scanEnv;

async function stopEverything() {
  for (const handle of appHandles.reverse()) await handle.stop().catch(() => undefined);
  appHandles = [];
  await session?.stop();
}

// Ctrl-C (or CI cancelling) stops what this run started, as npm start does.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.log('\n正在停止測試環境 …');
    await stopEverything();
    process.exit(130);
  });
}

// The whole suite (no project or file named) starts with typecheck and lint, run while the services start.
const wholeSuite = projects.length === 0 && filters.length === 0;
let staticChecks;
class ChecksFailed extends Error {
  message = '型別檢查或程式碼風格檢查未通過（見上方訊息），未執行測試。';
}

try {
  session = await setup('test', {
    log,
    browser: true,
    onPackages: () => {
      if (wholeSuite) staticChecks = startStaticChecks(rootDir);
    },
  });
  const { env } = session;
  if (staticChecks) {
    log('型別檢查與程式碼風格檢查（typecheck、eslint、prettier）…');
    if (!reportStaticChecks(await staticChecks, log)) throw new ChecksFailed();
  }
  // Only the browser suite needs the built web app.
  if (projects.length === 0 || projects.includes('e2e')) {
    log('建置網頁 (vite build) …');
    await buildWeb(env);
  }
  appHandles = await startApp(env, { mode: 'test', stateDir: session.stateDir, withWeb: false, log });

  const reportFile = path.join(session.stateDir, 'vitest-report.json');
  const testEnv = {
    ...process.env,
    ...env,
    E2E_BASE_URL: env.PUBLIC_URL,
    E2E_SYSADMIN_ACCOUNT: 'sysadmin',
    E2E_USER_ACCOUNT: 'sdcuser1',
    E2E_DEMO_PASSWORD: process.env.SEED_DEMO_PASSWORD || 'Tainan@2026',
    ISSUED_SECRETS_FILE: issuedFile,
    API_LOG_FILE: path.join(logsDir, 'api.log'),
  };
  scanEnv = { ...env, E2E_DEMO_PASSWORD: testEnv.E2E_DEMO_PASSWORD };
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
  for (const project of projects) args.push('--project', project);
  args.push(...filters);
  try {
    await run(path.join(rootDir, 'node_modules/.bin/vitest'), args, { cwd: rootDir, env: testEnv });
    exitCode = 0;
  } catch {
    exitCode = 1;
  }
  // Before the services stop: the histories are read from the Temporal server.
  try {
    fs.mkdirSync(logsDir, { recursive: true });
    const dumped = await dumpHistories({
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      since: started,
      file: historiesFile,
    });
    log(`工作流程歷程匯出：${dumped.workflows} 個工作流程，${dumped.bytes} 位元組（納入機敏值掃描）`);
  } catch (error) {
    console.error(`工作流程歷程匯出失敗：${error.message}`);
    exitCode = 1;
  }
  if (fs.existsSync(reportFile)) {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    console.log(
      `\n${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
    );
  }
} catch (error) {
  console.error(error instanceof ChecksFailed ? `\n${error.message}` : `\n測試環境準備失敗：${error.stack ?? error.message}`);
  exitCode = 1;
} finally {
  await stopEverything();
  if (scanEnv && !scanSecrets(scanEnv)) exitCode = 1;
  console.log(`npm test 總耗時 ${Math.round((Date.now() - started) / 1000)} 秒`);
  process.exit(exitCode);
}

/**
 * Every token, proof, code, temporary password and password this run issued or typed, searched for
 * in every log the run wrote (API, worker, simulators). Prints the figures; false when any was found.
 */
function scanSecrets(env) {
  const secrets = [
    ...recordedSecrets(issuedFile),
    ...secretsInMessages({ mailDir: path.join(stateDir, 'mail'), smsDir: path.join(stateDir, 'sms'), since: started }),
    { kind: 'demo password', value: env.E2E_DEMO_PASSWORD },
    ...Object.entries(env)
      .filter(([name]) => /(PASSWORD|SECRET|_KEY)$/.test(name))
      .map(([name, value]) => ({ kind: name, value })),
  ];
  const result = scanLogs({ logsDir, offsets, secrets });
  const byKind = new Map();
  for (const { kind } of secrets) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  for (const line of describeScan(result, byKind)) console.log(line);
  return result.hits.length === 0;
}
