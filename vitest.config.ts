import { defineConfig } from 'vitest/config';

// Two projects: fast unit/property tests in Node, and end-to-end tests that drive the built
// app in Debian's Chromium through playwright-core. `npm test` (scripts/test.mjs) runs both at
// once, in two vitest processes: one `vitest run` would run them one after the other.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
