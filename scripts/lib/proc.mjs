// Process and port helpers for the setup scripts. Node built-ins only: these run before `npm ci`.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Describes the process listening on a TCP port ("pid 123 (node …)"), or null when unknown. */
export function whoListens(port) {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const match = out.match(/users:\(\("([^"]+)",pid=(\d+)/);
    if (match) return `pid ${match[2]} (${match[1]})`;
  } catch {
    // `ss` missing or not permitted: fall through to the generic message.
  }
  return null;
}

/** Throws a message naming the port and the process holding it. */
export async function assertPortFree(port, what) {
  if (await isPortOpen(port)) {
    const owner = whoListens(port);
    throw new Error(
      `連接埠 ${port} 已被占用${owner ? `：${owner}` : ''}，無法啟動 ${what}。` +
        `\nPort ${port} is already in use${owner ? ` by ${owner}` : ''}; ${what} cannot start. Stop that process or free the port.`,
    );
  }
}

export async function waitFor(check, { timeoutMs = 60_000, intervalMs = 250, what = 'service' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s${lastError ? `: ${lastError.message}` : ''}`);
}

export function pidAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a long-running child in its own process group with output appended to a log file.
 * Returns { pid, stop } — stop() signals exactly the process group we created.
 */
export function startProcess(name, command, args, { cwd, env, logFile, onExit, echo = false } = {}) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', echo ? 'pipe' : out, echo ? 'pipe' : out], detached: true });
  fs.closeSync(out);
  if (echo) {
    // Keep the log file and also show each line on the console, prefixed with the process name.
    const file = fs.createWriteStream(logFile, { flags: 'a' });
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.on('data', (chunk) => {
        file.write(chunk);
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop();
        for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
      });
    }
  }
  let exited = false;
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      onExit?.(code, signal);
      resolve();
    });
  });
  return {
    name,
    pid: child.pid,
    logFile,
    get exited() {
      return exited;
    },
    async stop(timeoutMs = 10_000) {
      if (exited) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, timeoutMs);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

/** Last lines of a log file, for error messages. */
export function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Runs a command to completion, inheriting stdio; rejects with its exit code. */
export function run(command, args, { cwd, env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output.slice(-4000)}`)),
    );
  });
}
