import { defineConfig } from 'vitest/config';

/** Card tests: plain Node, `createRenderer` from `@hubspot/ui-extensions/testing` renders without a DOM. */
export default defineConfig({
  test: {
    include: ['**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'dist/**'],
    restoreMocks: true,
    mockReset: true,
  },
});
