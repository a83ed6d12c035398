import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, run through ESLint's own API on planted files: a rule that never fires would
 * let `npm run lint` pass on any import.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: join(repoRoot, 'eslint.config.js') });
});

/** The layer findings (rule id and message) for `code` linted as if it lived at `file`. */
async function layerFindings(file: string, code: string): Promise<Array<{ rule: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax' || m.fatal)
    .map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('extension layers (eslint.config.js)', () => {
  it('refuses storage importing the service worker', async () => {
    const found = await layerFindings(
      'extension/storage/planted.ts',
      "import { relayStreamPort } from '../background/stream-relay';\nexport const x = relayStreamPort;\n",
    );
    expect(found).toEqual([
      {
        rule: 'no-restricted-imports',
        message: expect.stringContaining('extension/storage (layer 1 (storage)) may not import extension/background'),
      },
    ]);
  });

  it('refuses a panel file importing an entrypoint, even for a type or a re-export', async () => {
    const found = await layerFindings(
      'extension/panel/gmail/planted.ts',
      [
        "import type { X } from '../../entrypoints/panel/main';",
        "export * from '../../entrypoints/background/index';",
        'export type Y = X;',
      ].join('\n'),
    );
    expect(found).toHaveLength(2);
    for (const f of found) {
      expect(f.rule).toBe('no-restricted-imports');
      expect(f.message).toContain('may not import extension/entrypoints (layer 5)');
    }
  });

  it('keeps folders of one layer apart: panel and sidepanel, storage and messaging one way', async () => {
    expect(
      await layerFindings('extension/panel/planted.tsx', "import { SidePanelApp } from '../sidepanel/SidePanelApp';"),
    ).toEqual([{ rule: 'no-restricted-imports', message: expect.stringContaining('stay independent') }]);
    expect(await layerFindings('extension/ui/planted.tsx', "import { App } from '../panel/App';")).toHaveLength(1);
    expect(
      await layerFindings('extension/storage/planted.ts', "import type { Methods } from '../messaging/methods';"),
    ).toHaveLength(1);
    expect(
      await layerFindings('extension/background/planted.ts', "import { HOST_PORT_NAME } from '../ai-host/serve-port';"),
    ).toHaveLength(1);
  });

  it('sees lazy loads and import types too', async () => {
    const found = await layerFindings(
      'extension/messaging/planted.ts',
      "export const load = () => import('../background/main');\nexport type T = import('../companion/client').X;\n",
    );
    expect(found.map((f) => f.rule)).toEqual(['no-restricted-syntax', 'no-restricted-syntax']);
  });

  it('refuses product code importing the e2e harness', async () => {
    expect(await layerFindings('extension/content/planted.ts', "import { launch } from '../e2e/harness';")).toEqual([
      { rule: 'no-restricted-imports', message: expect.stringContaining('extension/e2e is test harness') },
    ]);
  });

  it('lets imports point down, to shared/ and within a folder', async () => {
    const found = await layerFindings(
      'extension/sidepanel/studio/planted.tsx',
      [
        "import { StatusLine } from '../../ui/StatusLine';",
        "import { request } from '../../messaging/client';",
        "import { settingsItem } from '../../storage/settings';",
        "import { PROTOCOL } from '../../../shared/common/protocol/envelopes';",
        "import { pick } from '../../ui/localized';",
        "import { StudioTab } from './StudioTab';",
        "export const lazy = () => import('../outbox/OutboxTab');",
        'export default [StatusLine, request, settingsItem, PROTOCOL, pick, StudioTab];',
      ].join('\n'),
    );
    expect(found).toEqual([]);
    expect(
      await layerFindings('extension/messaging/planted.ts', "export type { PersonaRecord } from '../storage/schema';"),
    ).toEqual([]);
    expect(
      await layerFindings('extension/entrypoints/panel/planted.tsx', "import { App } from '../../panel/App';"),
    ).toEqual([]);
  });

  it('lets a test wire real neighbours of its own layer, but still not a higher one', async () => {
    expect(
      await layerFindings(
        'extension/background/persona/planted.test.ts',
        "import { createHostService } from '../../ai-host/host-service';",
      ),
    ).toEqual([]);
    expect(
      await layerFindings('extension/background/planted.test.ts', "import { App } from '../panel/App';"),
    ).toHaveLength(1);
  });
});
