import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { readOurSources, readPackage } from './check-store';

const dir = mkdtempSync(join(tmpdir(), 'closer-check-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, body: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), body);
}

describe('check:store inputs', () => {
  it('scans the sources an entrypoint reaches, not helpers only tests import', () => {
    write('extension/entrypoints/panel/main.tsx', "import { a } from '../../panel/app';\nimport('../../panel/lazy');");
    write('extension/panel/app.ts', "export { b } from './b';\nexport const a = 1;");
    write('extension/panel/b.ts', 'export const b = new Function("return 1");');
    write('extension/panel/lazy/index.ts', 'export const c = 3;');
    write('extension/hosts/load-fixture.ts', 'export const run = (s: string) => new Function(s)();');
    write('extension/hosts/x.test.ts', "import { run } from './load-fixture';");
    expect([...readOurSources(dir).keys()].sort()).toEqual([
      'extension/entrypoints/panel/main.tsx',
      'extension/panel/app.ts',
      'extension/panel/b.ts',
      'extension/panel/lazy/index.ts',
    ]);
  });

  it('reads a zip and a folder alike', async () => {
    const zip = new JSZip();
    zip.file('manifest.json', '{"manifest_version":3}');
    zip.file('chunks/a.js', 'x');
    writeFileSync(join(dir, 'p.zip'), await zip.generateAsync({ type: 'uint8array' }));
    write('unpacked/manifest.json', '{"manifest_version":3}');
    write('unpacked/chunks/a.js', 'x');
    const fromZip = await readPackage(join(dir, 'p.zip'));
    const fromDir = await readPackage(join(dir, 'unpacked'));
    expect([...fromZip.keys()].sort()).toEqual(['chunks/a.js', 'manifest.json']);
    expect([...fromDir.keys()].sort()).toEqual([...fromZip.keys()].sort());
  });
});
