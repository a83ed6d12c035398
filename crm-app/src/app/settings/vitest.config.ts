import { defineConfig } from 'vitest/config';

/** Settings page tests: plain Node, `createRenderer('settings')` from `@hubspot/ui-extensions/testing`, no DOM. */
export default defineConfig({
  test: {
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'dist/**'],
    restoreMocks: true,
    mockReset: true,
  },
});
