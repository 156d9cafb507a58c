// Vite configuration for the portal SPA (web/).
// Development: `npx vite --config web/vite.config.ts` serves on WEB_PORT (default 5173) at 127.0.0.1 and
// proxies the API paths to API_URL (default http://127.0.0.1:3000).
// Build: `npx vite build --config web/vite.config.ts` writes web/dist, which the API serves in tests and production.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';
const webPort = Number(process.env.WEB_PORT ?? 5173);

if (!Number.isInteger(webPort) || webPort <= 0) {
  throw new Error(`WEB_PORT 必須是正整數（目前為「${process.env.WEB_PORT}」）/ WEB_PORT must be a positive integer.`);
}

const proxiedPaths = ['/api', '/dev', '/healthz', '/oidc'];

export default defineConfig({
  root,
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: webPort,
    strictPort: true,
    proxy: Object.fromEntries(proxiedPaths.map((path) => [path, { target: apiUrl, changeOrigin: false }])),
  },
  preview: {
    host: '127.0.0.1',
    port: webPort,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // .vite/manifest.json: which chunks each page loads, read by the JavaScript budget (scripts/lib/bundle-budget.mjs).
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
});
