/**
 * `npm run check:store [ZIP_OR_DIR]`: applies the store rules (check-rules.ts) to a package, the zip `npm run
 * package` made by default, and exits non-zero with one line per problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import JSZip from 'jszip';
import { checkStorePackage, justificationsSchema, type PackageFiles, type Problem } from './check-rules';
import { readLock } from './model-libs';

const ROOT = resolve(import.meta.dirname, '../..');

function walk(dir: string, keep: (path: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'e2e') walk(p, keep, out);
    } else if (keep(p)) out.push(p);
  }
  return out;
}

export async function readPackage(path: string): Promise<PackageFiles> {
  const files = new Map<string, Uint8Array>();
  if (statSync(path).isDirectory()) {
    for (const file of walk(path, () => true))
      files.set(relative(path, file).split('\\').join('/'), readFileSync(file));
    return files;
  }
  const zip = await JSZip.loadAsync(readFileSync(path));
  for (const entry of Object.values(zip.files))
    if (!entry.dir) files.set(entry.name.replace(/^\/+/, ''), await entry.async('uint8array'));
  return files;
}

/**
 * The extension's own code that ships: every source file reachable by relative imports from an entrypoint. Test
 * helpers (a fixture loader may run a fixture's script) are reached only from tests, so they are not scanned.
 */
export function readOurSources(root = ROOT): Map<string, string> {
  const sources = new Map<string, string>();
  const isSource = (p: string) => /\.(?:ts|tsx)$/.test(p) && !/\.test\.tsx?$/.test(p);
  const pending = walk(join(root, 'extension/entrypoints'), isSource);
  const resolveImport = (from: string, spec: string): string | undefined => {
    const base = resolve(dirname(from), spec);
    return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
      (c) => existsSync(c) && statSync(c).isFile() && isSource(c),
    );
  };
  for (let file = pending.pop(); file; file = pending.pop()) {
    const key = relative(root, file);
    if (sources.has(key)) continue;
    const code = readFileSync(file, 'utf8');
    sources.set(key, code);
    for (const m of code.matchAll(/(?:\bfrom|\bimport\s*\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = m[1] ? resolveImport(file, m[1]) : undefined;
      if (target) pending.push(target);
    }
  }
  return sources;
}

export async function checkStore(packagePath: string, root = ROOT): Promise<Problem[]> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return checkStorePackage(await readPackage(packagePath), {
    version: pkg.version,
    justifications: justificationsSchema.parse(JSON.parse(readFileSync(join(root, 'store/permissions.json'), 'utf8'))),
    lock: readLock(join(root, 'store/model-libs.lock.json')),
    sources: readOurSources(root),
  });
}

export function defaultZip(root = ROOT): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(root, '.output/store', `${pkg.name}-${pkg.version}-chrome.zip`);
}

async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? defaultZip());
  const problems = await checkStore(target);
  for (const p of problems) console.error(`✗ [${p.rule}] ${p.file ? `${p.file}: ` : ''}${p.message}`);
  if (problems.length > 0) {
    console.error(`check:store: ${problems.length} problem(s) in ${target}`);
    process.exit(1);
  }
  console.log(`check:store: ${target} passes every store rule`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
