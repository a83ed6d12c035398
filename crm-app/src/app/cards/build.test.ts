import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const cardDir = fileURLToPath(new URL('.', import.meta.url));
const hsmeta = JSON.parse(readFileSync(path.join(cardDir, 'persona-card-hsmeta.json'), 'utf8')) as {
  config: { entrypoint: string };
};
const entryFile = path.basename(hsmeta.config.entrypoint);

/** Far above today's ~100 KB; a jump past it means a heavy import slipped into the sandbox bundle. */
const BUNDLE_BUDGET_BYTES = 400 * 1024;

describe('card build (HubSpot remoteBuild, offline)', () => {
  const outputDir = mkdtempSync(path.join(tmpdir(), 'closer-card-build-'));
  afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

  it('bundles the hsmeta entrypoint without warnings from HubSpot build plugins', { timeout: 60_000 }, async () => {
    // HubSpot's build plugins report what the upload would flag (e.g. `require`) through console.warn, not by throwing.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    await remoteBuild({ root: cardDir, entryPoint: entryFile, outputDir, logLevel: 'silent' });

    expect(warn).not.toHaveBeenCalled();
    const bundle = path.join(outputDir, entryFile.replace(/\.tsx$/, '.js'));
    expect(statSync(bundle).size).toBeLessThan(BUNDLE_BUDGET_BYTES);
    const manifest = JSON.parse(readFileSync(bundle.replace(/\.js$/, '-manifest.json'), 'utf8')) as { entry: string };
    expect(manifest.entry).toBe(entryFile);
  });
});
