import { defineConfig } from 'vitest/config';

// Three suites: unit (pure code), integration (real Temporal, PostgreSQL, Samba AD, SMTP),
// e2e (Chromium against the API serving the built web app). `npm test` sets up the services first.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: [
            'domain/**/*.test.ts',
            'web/src/**/*.test.ts',
            'api/**/*.unit.test.ts',
            'activities/**/*.unit.test.ts',
            'infra/**/*.unit.test.ts',
            'workflows/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts', 'activities/**/*.test.ts', 'infra/**/*.test.ts'],
          exclude: ['**/*.unit.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The services are shared; two files at a time keeps the 2-core machine responsive.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
