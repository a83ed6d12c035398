/**
 * `npm run package`: the Chrome Web Store package. Builds with CLOSER_STORE_BUILD=1 (no `key`, version from
 * package.json, packaged model libraries only) into `.output/store/`, zips it, and runs check:store on the zip.
 * Exits non-zero when any store rule fails, so a refused package is never the one uploaded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkStore } from './check-store';
import { readLock } from './model-libs';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const lock = readLock(join(ROOT, 'store/model-libs.lock.json'));

if (lock.libs.length > 0 && !existsSync(join(ROOT, 'public/model-libs/index.json'))) {
  console.error('package: the pinned model libraries are not vendored yet: run `npm run vendor:model-libs` first');
  process.exit(1);
}
execFileSync('npx', ['wxt', 'zip'], {
  cwd: ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, CLOSER_STORE_BUILD: '1' },
});
const zip = join(ROOT, '.output/store', `${pkg.name}-${pkg.version}-chrome.zip`);
const problems = await checkStore(zip, ROOT);
for (const p of problems) console.error(`✗ [${p.rule}] ${p.file ? `${p.file}: ` : ''}${p.message}`);
if (problems.length > 0) {
  console.error(`package: ${zip} breaks ${problems.length} store rule(s); do not upload it`);
  process.exit(1);
}
const bytes = readFileSync(zip).length;
console.log(`package: ${zip} (${(bytes / 1e6).toFixed(2)} MB) passes check:store`);
console.log(`package: ${lock.libs.length} web-llm model librar${lock.libs.length === 1 ? 'y' : 'ies'} packaged`);
if (lock.libs.length === 0)
  console.warn('package: no web-llm model is offered by this package until libraries are pinned (see README)');
