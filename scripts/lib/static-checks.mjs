// `npm test` runs the type checker and the linters first, beside the services' start-up, so a type
// error or an unformatted file fails the run in about two minutes instead of after the suites.
// Node built-ins only, like the rest of scripts/.
import { spawn } from 'node:child_process';
import path from 'node:path';

const CHECKS = [
  { name: 'typecheck', command: 'node_modules/.bin/tsc', args: ['--noEmit', '-p', '.'] },
  { name: 'eslint', command: 'node_modules/.bin/eslint', args: ['.'] },
  { name: 'prettier', command: 'node_modules/.bin/prettier', args: ['--check', '--log-level', 'warn', '.'] },
];

function runOne(rootDir, { name, command, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(path.join(rootDir, command), args, { cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, ok: false, output: error.message, seconds: 0 }));
    child.on('close', (code) => resolve({ name, ok: code === 0, output, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

/** Starts every check at once; the promise says which failed and what they printed. */
export function startStaticChecks(rootDir) {
  return Promise.all(CHECKS.map((check) => runOne(rootDir, check)));
}

/** Prints the outcome; true when all passed. */
export function reportStaticChecks(results, log = console.log) {
  for (const result of results) {
    log(`${result.ok ? '✓' : '✗'} ${result.name}（${result.seconds} 秒）`);
    if (!result.ok) log(result.output.trim());
  }
  return results.every((result) => result.ok);
}
