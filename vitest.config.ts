import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs library and importer tests in milliseconds; `site` builds the real
// archive once (tests/site/global-setup.ts), serves it, and tests pages and search in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/import/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          environment: 'node',
          // Timeouts catch hangs, not slowness (speed is the benchmark's job): a busy two-core
          // machine runs some property and CLI tests past vitest's 5 s default.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/site/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // One Chromium per file is plenty on two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
