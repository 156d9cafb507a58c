// Environment that lets the Prisma 6.19 CLI run with no Prisma engine download (this machine
// reaches no binaries.prisma.sh). Node built-ins only, so setup scripts can import it early.
//
// Why each variable (measured; see docs in prisma/README.md):
// - Migrate runs on the WASM schema engine through the pg adapter (prisma.config.ts: engine 'js').
// - The CLI still resolves a query engine *library* at start-up and downloads it when missing;
//   PRISMA_CLI_QUERY_ENGINE_TYPE=library + PRISMA_QUERY_ENGINE_LIBRARY=<any existing file> make it
//   skip that. The file is never loaded (the client is generated with engineType "client").
// - PRISMA_SCHEMA_ENGINE_BINARY likewise stops any code path from fetching the Rust schema engine;
//   with engine 'js' it is never executed.
// - CHECKPOINT_DISABLE stops the update/telemetry check (a network call that only times out here).
//
// CLI: `node prisma/offline-env.mjs <prisma args…>` runs the local prisma with this environment,
// e.g. `node prisma/offline-env.mjs migrate dev --name add_x` (DATABASE_URL must be set).

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/**
 * @param {string} rootDir repository root
 * @returns {Record<string, string>} variables to add to the environment of any `prisma` command
 */
export function prismaEnv(rootDir) {
  const placeholder = path.join(rootDir, 'prisma', 'offline', 'engine-placeholder.txt');
  return {
    PRISMA_CLI_QUERY_ENGINE_TYPE: 'library',
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
}

/** Absolute path of the project's prisma CLI entry point (run it with `node`). */
export function prismaCli(rootDir) {
  return path.join(rootDir, 'node_modules', 'prisma', 'build', 'index.js');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const env = { ...process.env, ...prismaEnv(rootDir) };
  const run = (a) => spawnSync(process.execPath, [prismaCli(rootDir), ...a], { cwd: rootDir, env, stdio: 'inherit' });
  // `migrate dev` on a database with pending migrations applies them and then fails at its
  // data-loss check ("PostgreSQL shadow DB must be provided through an external factory", a
  // limitation of the WASM schema engine): apply them with `migrate deploy` first.
  if (args[0] === 'migrate' && args[1] === 'dev') {
    const deployed = run(['migrate', 'deploy']);
    if (deployed.status !== 0) process.exit(deployed.status ?? 1);
  }
  const res = run(args);
  process.exit(res.status ?? 1);
}
