import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildUploadProject, parsePublicOrigin } from './upload-build';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), 'closer-upload-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('build:hubspot-project', () => {
  it('puts the one public origin everywhere the project names the backend, and no placeholder is left', async () => {
    const outDir = path.join(work, 'ok');
    const result = await buildUploadProject({ projectDir: PROJECT_DIR, outDir, publicOrigin: 'https://api.acme.io' });
    expect(result.problems).toEqual([]);
    const app = JSON.parse(readFileSync(path.join(outDir, 'src/app/app-hsmeta.json'), 'utf8')) as {
      config: { auth: { redirectUrls: string[] }; permittedUrls: { fetch: string[] }; support: Record<string, string> };
    };
    expect(app.config.permittedUrls.fetch).toEqual(['https://api.acme.io']);
    expect(app.config.auth.redirectUrls).toEqual(['https://api.acme.io/oauth/callback']);
    expect(app.config.support.supportEmail).toBe('support@acme.io');
    for (const file of ['src/app/cards/config/backend.ts', 'src/app/settings/utils/loadSettings.ts'])
      expect(readFileSync(path.join(outDir, file), 'utf8')).toContain("BACKEND_ORIGIN = 'https://api.acme.io'");
    expect(existsSync(path.join(outDir, 'src/app/local.json'))).toBe(false);
    expect(existsSync(path.join(outDir, 'src/app/cards/node_modules'))).toBe(false);
  });

  it('fails the build when a placeholder domain is left in what ships', async () => {
    const src = path.join(work, 'planted');
    await buildUploadProject({ projectDir: PROJECT_DIR, outDir: src, publicOrigin: 'https://api.acme.io' });
    writeFileSync(
      path.join(src, 'src/app/cards/config/extra.ts'),
      "export const HELP = 'https://help.closer.example';\n",
    );
    const result = await buildUploadProject({
      projectDir: src,
      outDir: path.join(work, 'planted-out'),
      publicOrigin: 'https://api.acme.io',
    });
    expect(result.problems).toEqual([
      'src/app/cards/config/extra.ts: placeholder domain help.closer.example is still there',
    ]);
  });

  it.each([
    [undefined, /not set/],
    ['http://api.acme.io', /https/],
    ['https://api.acme.io/v1', /origin/],
    ['https://api.closer.example', /placeholder/],
    ['https://localhost:8787', /placeholder or local/],
  ])('refuses the setting %s', (value, error) => {
    expect(() => parsePublicOrigin(value)).toThrow(error);
  });
});
