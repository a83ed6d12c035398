import { defineConfig } from 'vitest/config';

/**
 * `npm run test:models`: the shipped models measured on the public corpora in ../shared/data beside the repository
 * (or CLOSER_SHARED_DATA). Kept out of `npm test`, which a clone with nothing beside it must pass.
 */
export default defineConfig({
  test: {
    include: ['{extension,shared,crm-app/server,scripts}/**/*.models.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 120_000,
  },
});
