// Finds or builds the Temporal CLI and runs its dev server (SQLite under .data/temporal).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { assertPortFree, isPortOpen, run, startProcess, tail, waitFor } from '../lib/proc.mjs';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const SEARCH_ATTRIBUTES = ['RequestType', 'AgencyCode', 'ApplicantAccount', 'RequestStatus'];

function onPath(command) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function howToGetIt(rootDir) {
  return [
    '找不到 Temporal CLI（temporal），也無法自動建置。請擇一：',
    `  1. 安裝 Go 1.22+ 後重新執行（設定程式會執行：GOBIN=${path.join(rootDir, '.tools/bin')} go install github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}）`,
    '  2. 將已安裝的 temporal 放在 PATH 上，或複製到 .tools/bin/temporal',
    `  3. 在可連網的機器下載官方發行檔 https://github.com/temporalio/cli/releases/tag/${TEMPORAL_CLI_VERSION} 並解壓到 .tools/bin/`,
  ].join('\n');
}

/** PATH → .tools/bin → go install → official archive (when internet exists). Returns the binary path. */
export async function ensureTemporalCli({ rootDir, log = console.log }) {
  const local = path.join(rootDir, '.tools/bin/temporal');
  if (fs.existsSync(local)) return local;
  const found = onPath('temporal');
  if (found) return found;

  if (onPath('go')) {
    log(`建置 Temporal CLI ${TEMPORAL_CLI_VERSION}（go install，首次約 5-10 分鐘）…`);
    fs.mkdirSync(path.dirname(local), { recursive: true });
    await run('go', ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
      env: { ...process.env, GOBIN: path.dirname(local), CGO_ENABLED: '0' },
    });
    if (fs.existsSync(local)) return local;
  }

  try {
    const version = TEMPORAL_CLI_VERSION.slice(1);
    const url = `https://github.com/temporalio/cli/releases/download/${TEMPORAL_CLI_VERSION}/temporal_cli_${version}_linux_amd64.tar.gz`;
    log(`下載 Temporal CLI：${url}`);
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const archive = path.join(rootDir, '.tools/temporal.tar.gz');
    fs.mkdirSync(path.dirname(local), { recursive: true });
    fs.writeFileSync(archive, Buffer.from(await response.arrayBuffer()));
    await run('tar', ['-xzf', archive, '-C', path.dirname(local), 'temporal']);
    if (fs.existsSync(local)) return local;
  } catch {
    // No internet: the message below names every way to get the CLI.
  }
  throw new Error(howToGetIt(rootDir));
}

async function namespaceExists(cli, address, namespace) {
  try {
    await run(cli, ['operator', 'namespace', 'describe', '--address', address, '--namespace', namespace], { quiet: true });
    return true;
  } catch {
    return false;
  }
}

/** Registers our search attributes in a namespace (idempotent: existing ones are skipped). */
async function ensureNamespace(cli, address, namespace) {
  if (!(await namespaceExists(cli, address, namespace))) {
    await run(cli, ['operator', 'namespace', 'create', '--address', address, '--namespace', namespace, '--retention', '720h'], {
      quiet: true,
    });
  }
  // A namespace created on a running server becomes visible to its other services after a short while.
  let listed;
  for (let attempt = 0; ; attempt++) {
    try {
      listed = await run(cli, ['operator', 'search-attribute', 'list', '--address', address, '--namespace', namespace], {
        quiet: true,
      });
      break;
    } catch (error) {
      if (attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  for (const name of SEARCH_ATTRIBUTES) {
    if (new RegExp(`\\b${name}\\b`).test(listed)) continue;
    await run(
      cli,
      [
        'operator',
        'search-attribute',
        'create',
        '--address',
        address,
        '--namespace',
        namespace,
        '--name',
        name,
        '--type',
        'Keyword',
      ],
      { quiet: true },
    );
  }
}

/**
 * Reuses a dev server already answering on `port`, else starts one. Ensures every namespace with our
 * search attributes. Returns { address, uiUrl, handle|null }.
 */
export async function ensureTemporal({ rootDir, namespaces, port = 7233, uiPort = 8233, log = console.log }) {
  const cli = await ensureTemporalCli({ rootDir, log });
  const address = `127.0.0.1:${port}`;
  let handle = null;
  if (!(await isPortOpen(port))) {
    await assertPortFree(uiPort, 'Temporal Web UI');
    const dir = path.join(rootDir, '.data/temporal');
    fs.mkdirSync(dir, { recursive: true });
    const logFile = path.join(dir, 'server.log');
    handle = startProcess(
      'temporal',
      cli,
      [
        'server',
        'start-dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--ui-port',
        String(uiPort),
        '--db-filename',
        path.join(dir, 'dev.db'),
        '--log-level',
        'warn',
        ...namespaces.flatMap((n) => ['--namespace', n]),
      ],
      { cwd: rootDir, env: process.env, logFile },
    );
    await waitFor(async () => !handle.exited && (await namespaceExists(cli, address, 'default')), {
      timeoutMs: 60_000,
      what: 'Temporal dev server',
    }).catch((error) => {
      throw new Error(`${error.message}\n${tail(logFile)}`);
    });
  }
  for (const namespace of namespaces) await ensureNamespace(cli, address, namespace);
  return { cli, address, uiUrl: `http://127.0.0.1:${uiPort}`, handle };
}
