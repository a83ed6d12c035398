import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Runtime layers (after VS Code's code-layering rule): `shared/common` runs everywhere — the service worker, the
 * offscreen host, Node and the HubSpot card sandbox — so it may use neither DOM, `chrome.*`/`browser.*` nor Node APIs.
 */
const commonLayerGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'chrome',
  'browser',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
].map((name) => ({ name, message: `shared/common runs everywhere: "${name}" is not available in every runtime.` }));

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'crm-app/src/app/cards/**',
      'crm-app/src/app/settings/**',
      'public/**',
      '**/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/common/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...commonLayerGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'shared/common may not import Node APIs.' },
            {
              group: [
                'fs',
                'path',
                'os',
                'crypto',
                'http',
                'https',
                'child_process',
                'url',
                'stream',
                'worker_threads',
              ],
              message: 'shared/common may not import Node APIs.',
            },
            {
              group: ['wxt', 'wxt/*', '#imports', '#i18n', '@wxt-dev/*'],
              message: 'shared/common may not import extension APIs.',
            },
            {
              group: ['react-dom', 'react-dom/*', 'idb', 'fake-indexeddb'],
              message: 'shared/common may not import DOM or IndexedDB code.',
            },
            {
              group: [
                '**/extension/**',
                '**/crm-app/**',
                '../browser/*',
                '../node/*',
                '../../browser/*',
                '../../node/*',
              ],
              message: 'shared/common may only import shared/common.',
            },
          ],
        },
      ],
    },
  },
);
