import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Unit tests: Node, WXT's fake browser, fake-indexeddb. They pass on a clone with nothing beside it: tests that
 * read the corpora in ../shared/data are named `*.models.test.ts` and run with `npm run test:models`
 * (vitest.models.config.ts). End-to-end tests have their own config.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'extension/**/*.test.{ts,tsx}',
      'shared/**/*.test.ts',
      'crm-app/server/**/*.test.ts',
      'scripts/**/*.test.ts',
      'tools/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'extension/e2e/**', 'crm-app/src/**', '**/*.models.test.ts'],
    // A machine that has ../shared/data must not hide a unit test that reads it: point the readers at nothing.
    env: { CLOSER_SHARED_DATA: '/nonexistent/closer-shared-data' },
    mockReset: true,
    restoreMocks: true,
    testTimeout: 30_000,
  },
});
