/**
 * Prints one JSON line with each content script's gzipped size, building the extension first when the build is
 * missing or older than the sources. Exits non-zero when the Gmail content script is over its 60 KB budget.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.output/chrome-mv3');
const BUDGET_GMAIL_GZIP_BYTES = 60 * 1024;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const manifest = join(OUT, 'manifest.json');
const sourcesChanged =
  !existsSync(manifest) ||
  Math.max(
    newestMtime(join(ROOT, 'extension')),
    newestMtime(join(ROOT, 'shared')),
    statSync(join(ROOT, 'wxt.config.ts')).mtimeMs,
  ) > statSync(manifest).mtimeMs;
if (sourcesChanged) execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const figures: Record<string, number> = {};
const dir = join(OUT, 'content-scripts');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const name = file.replace(/\.js$/, '').replace(/[^a-z0-9]+/gi, '_');
  figures[`${name}_content_script_gzip_bytes`] = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
}
const gmail = figures.gmail_content_script_gzip_bytes;
if (gmail === undefined) {
  console.error('No Gmail content script in the build');
  process.exit(2);
}
console.log(JSON.stringify({ ...figures, gmail_budget_gzip_bytes: BUDGET_GMAIL_GZIP_BYTES }));
if (gmail > BUDGET_GMAIL_GZIP_BYTES) {
  console.error(`Gmail content script is ${gmail} bytes gzipped, over the ${BUDGET_GMAIL_GZIP_BYTES} byte budget`);
  process.exit(1);
}
