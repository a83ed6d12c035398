import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in Debian's Chromium, driven by playwright-core. Run one file at a time. */
export default defineConfig({
  test: {
    include: ['extension/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
