import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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

/**
 * Layers inside `extension/`, lowest first. A folder imports its own files, folders of lower tiers and `shared/`;
 * folders of one tier are independent of each other, and nothing imports upwards.
 *   1. storage (IndexedDB schema, settings), then messaging (the contracts between contexts and their client; a
 *      contract may name a stored record's type, storage never names a contract);
 *   2. hosts (per-site DOM code), companion (the companion backend's client, the outbox);
 *   3. the logic of each context: ai-host (offscreen document), background (service worker), content (content
 *      scripts). `content` is here rather than beside `hosts` because it drives hosts, messaging and storage for
 *      one context, and only entrypoints import it;
 *   4. the UI: ui (components and hooks the pages share), then panel, sidepanel and options;
 *   5. entrypoints, which only wire the layers below into what WXT builds.
 * Tests may also import the other folders of their tier, to wire real neighbours together (a background test
 * running a real AI host). `extension/e2e` is test harness and stands outside the layers.
 */
const extensionTiers = [
  { name: '1 (storage)', folders: ['storage'] },
  { name: '1 (messaging)', folders: ['messaging'] },
  { name: '2', folders: ['hosts', 'companion'] },
  { name: '3', folders: ['ai-host', 'background', 'content'] },
  { name: '4 (shared UI)', folders: ['ui'] },
  { name: '4', folders: ['panel', 'sidepanel', 'options'] },
  { name: '5', folders: ['entrypoints'] },
];

/**
 * One block per folder (and one for its tests) forbidding the folders it may not import: `no-restricted-imports` for
 * import and export-from declarations, `no-restricted-syntax` for what that rule does not see (`import()` loads and
 * `import('x').T` types). Specifiers are relative paths, so a folder is matched as a whole path segment
 * (`sidepanel` is not `panel`).
 */
function extensionLayerRules() {
  const blocks = [];
  extensionTiers.forEach((tier, rank) => {
    for (const folder of tier.folders) {
      const patterns = (includePeers) => [
        ...extensionTiers.flatMap((other, otherRank) =>
          other.folders
            .filter((f) => f !== folder && (otherRank > rank || (otherRank === rank && includePeers)))
            .map((f) => ({
              regex: `(^|/)${f}(/|$)`,
              caseSensitive: true,
              message:
                otherRank === rank
                  ? `extension/${folder} may not import extension/${f}: folders of layer ${tier.name} stay independent.`
                  : `extension/${folder} (layer ${tier.name}) may not import extension/${f} (layer ${other.name}): imports point down.`,
            })),
        ),
        {
          regex: '(^|/)e2e(/|$)',
          caseSensitive: true,
          message: 'extension/e2e is test harness: product code never imports it.',
        },
      ];
      const rules = (includePeers) => {
        const forbidden = patterns(includePeers);
        const any = forbidden.map((p) => p.regex.replaceAll('/', '\\/')).join('|');
        const message = `extension/${folder} may not load a higher layer, a peer folder or e2e lazily either (see eslint.config.js).`;
        return {
          'no-restricted-imports': ['error', { patterns: forbidden }],
          'no-restricted-syntax': [
            'error',
            { selector: `ImportExpression[source.value=/${any}/]`, message },
            { selector: `TSImportType[argument.literal.value=/${any}/]`, message },
          ],
        };
      };
      const tests = [`extension/${folder}/**/*.test.ts`, `extension/${folder}/**/*.test.tsx`];
      blocks.push(
        { files: [`extension/${folder}/**/*.ts`, `extension/${folder}/**/*.tsx`], ignores: tests, rules: rules(true) },
        { files: tests, rules: rules(false) },
      );
    }
  });
  return blocks;
}

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
  ...extensionLayerRules(),
  {
    // The rules of hooks for the extension's React code. A missing dependency is an error, not a warning: `npm run
    // lint` passes with warnings, so a warning would let a stale closure in unnoticed.
    files: ['extension/**/*.ts', 'extension/**/*.tsx'],
    // The E2E harness drives a browser from Node: its `use…` helpers (useEngine) are not React hooks.
    ignores: ['extension/e2e/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs['recommended-latest'].rules, 'react-hooks/exhaustive-deps': 'error' },
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
