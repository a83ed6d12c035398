import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: Node, WXT's fake browser, fake-indexeddb. End-to-end tests have their own config. */
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
    exclude: ['**/node_modules/**', 'extension/e2e/**', 'crm-app/src/**'],
    mockReset: true,
    restoreMocks: true,
    testTimeout: 30_000,
  },
});
