/**
 * `npm test` must pass on a clone with nothing beside it: no test in the default Vitest include may read the corpora
 * in ../shared/data. Those tests are `*.models.test.ts` (vitest.models.config.ts, `npm run test:models`). This
 * check reads every default-include test file for the ways the repo reaches that data; the default config also
 * points CLOSER_SHARED_DATA at nothing, so a reader that slips past this check still fails here, not only on a clone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Everything in the repo that opens a file under ../shared/data, and the paths themselves. */
const READS_SHARED_DATA = [
  /shared\/data\b/,
  /SHARED_DATA_DIR/,
  /CLOSER_SHARED_DATA/,
  /\b(loadSmsSpam|loadParakweet|evaluateSpam|evaluateParakweet)\b/,
  /\b(readSst2|readWaimai|readShopping|readAirline|waimaiSplits|airlineSplits|shoppingSplits)\b/,
  /\b(sst2Source|airlineSource|waimaiSource|shoppingSource|HELD_OUT_SPLITS)\b/,
];

function testFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) testFiles(path, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(relative(ROOT, path));
  }
  return out;
}

// The default include of vitest.config.ts, less its excludes.
const all = ['extension', 'shared', 'crm-app/server', 'scripts', 'tools'].flatMap((d) => testFiles(resolve(ROOT, d)));
const models = all.filter((f) => f.endsWith('.models.test.ts'));
const unit = all.filter((f) => !f.endsWith('.models.test.ts') && !f.startsWith('extension/e2e/'));
const readers = (file: string) =>
  READS_SHARED_DATA.filter((pattern) => pattern.test(readFileSync(resolve(ROOT, file), 'utf8'))).map(String);

describe('tests a clone can pass', () => {
  it('no unit test reads ../shared/data', () => {
    expect(unit.length).toBeGreaterThan(50);
    // This file names the patterns it looks for.
    const offenders = unit.filter((f) => f !== 'scripts/dev/test-split.test.ts' && readers(f).length > 0);
    expect(offenders.map((f) => `${f}: ${readers(f).join(', ')}`)).toEqual([]);
  });

  it('the check can fail: every models test matches a pattern', () => {
    expect(models.length).toBeGreaterThanOrEqual(3);
    for (const file of models) expect(readers(file), file).not.toEqual([]);
  });
});
