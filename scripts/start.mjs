// npm start: set up whatever is missing, run the whole system, stop everything we started on Ctrl-C.
import path from 'node:path';
import { rootDir, setup, startApp } from './setup.mjs';

const log = (line) => console.log(line);
let session;
let appHandles = [];
let stopping = false;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log('\n正在停止本次啟動的所有程式 …');
  for (const handle of appHandles.reverse()) await handle.stop().catch(() => undefined);
  await session?.stop();
  console.log('已全部停止。');
  process.exit(code);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  session = await setup('development', { log });
  const { env } = session;
  appHandles = await startApp(env, { mode: 'development', stateDir: session.stateDir, withWeb: true, log, echo: true });
  const rel = (p) => path.relative(rootDir, p) || '.';
  const rows = [
    ['入口網 (web)', env.WEB_URL],
    ['API', `${env.PUBLIC_URL}  (健康檢查 ${env.PUBLIC_URL}/healthz)`],
    ['Temporal Web UI', `${env.TEMPORAL_UI_URL}/namespaces/${env.TEMPORAL_NAMESPACE}/workflows`],
    ['開發用信箱', `${env.MAILBOX_URL}  (API: ${env.PUBLIC_URL}/dev/mailbox/messages?to=…)`],
    ['簡訊模擬器', `${env.SMS_SIMULATOR_URL}  (API: ${env.PUBLIC_URL}/dev/sms/messages?to=…)`],
    ['AD (LDAPS)', `${env.AD_URL}  base ${env.AD_ROOT_OU},${env.AD_BASE_DN}`],
    ['PostgreSQL', env.DATABASE_URL],
    ['示範帳號', 'sysadmin（系統管理者）、sdcadmin（機關管理者）、sdcuser1（一般使用者）'],
    ['示範密碼', process.env.SEED_DEMO_PASSWORD || 'Tainan@2026'],
    ['資料與紀錄', `${rel(session.stateDir)}/ (logs: ${rel(session.stateDir)}/logs)`],
  ];
  // CJK characters take two terminal columns.
  const columns = (text) => [...text].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const width = Math.max(...rows.map(([k]) => columns(k)));
  const table = rows.map(([k, v]) => `  ${k}${' '.repeat(width - columns(k) + 2)}${v}`).join('\n');
  console.log(`\n臺南市政府公務入口網 已啟動（Ctrl-C 停止）\n${table}\n`);
} catch (error) {
  console.error(`\n啟動失敗：${error.message}`);
  await stopAll(1);
}
