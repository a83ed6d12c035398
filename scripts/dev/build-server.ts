/**
 * `npm run build:server`: the companion backend's production form in crm-app/server/dist, runnable with plain
 * `node dist/main.mjs` (no tsx, no TypeScript, no repository around it):
 * - main.mjs: the server, bundled with its dependencies;
 * - pglite-thread.mjs (+ pglite-thread-entry.mjs) and procedures.mjs: the embedded database's thread and the
 *   procedures it loads by URL, as separate files because a worker thread starts from a file;
 * - migrations/: the SQL files the server applies on start;
 * - node_modules/@electric-sql/pglite: PGlite loads its WebAssembly and data files next to its own module, so it is
 *   copied whole instead of bundled.
 * Prints one JSON line with the files and their sizes.
 */
import { build, type Plugin } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER = join(ROOT, 'crm-app/server');
const OUT = join(SERVER, 'dist');

/**
 * Two modules find files relative to themselves; in the bundle `import.meta.url` is the bundle's, so their paths are
 * rewritten to where the build puts those files. A rewrite that no longer matches fails the build instead of shipping
 * a server that cannot find its migrations.
 */
const REWRITES: { file: string; from: string; to: string }[] = [
  {
    file: join(SERVER, 'db/migrations.ts'),
    from: "new URL('../migrations/', import.meta.url)",
    to: "new URL('./migrations/', import.meta.url)",
  },
  {
    file: join(SERVER, 'sync/procedures.ts'),
    from: 'export const PROCEDURES_MODULE = import.meta.url;',
    to: "export const PROCEDURES_MODULE = new URL('./procedures.mjs', import.meta.url).href;",
  },
];

const relocate: Plugin = {
  name: 'relocate-file-urls',
  setup(b) {
    for (const rewrite of REWRITES) {
      const filter = new RegExp(`^${rewrite.file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      b.onLoad({ filter }, () => {
        const source = readFileSync(rewrite.file, 'utf8');
        if (!source.includes(rewrite.from))
          throw new Error(
            `${relative(ROOT, rewrite.file)} no longer contains "${rewrite.from}": update ${relative(ROOT, import.meta.filename)}`,
          );
        return { contents: source.replace(rewrite.from, rewrite.to), loader: 'ts' };
      });
    }
  },
};

async function main() {
  const started = performance.now();
  rmSync(OUT, { recursive: true, force: true });
  const result = await build({
    entryPoints: {
      main: join(SERVER, 'main.ts'),
      'pglite-thread': join(SERVER, 'db/pglite-thread.ts'),
      procedures: join(SERVER, 'sync/procedures.ts'),
    },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    minify: false,
    legalComments: 'linked',
    external: ['@electric-sql/pglite', 'pg-native'],
    // CommonJS dependencies (pg) call require(); an ES module has none unless it makes one.
    banner: {
      js: "import { createRequire as __closerRequire } from 'node:module'; const require = __closerRequire(import.meta.url);",
    },
    define: { 'process.env.NODE_ENV': 'process.env.NODE_ENV' },
    plugins: [relocate],
    metafile: true,
    logLevel: 'warning',
  });
  const bundled = Object.keys(result.metafile.inputs);
  const leaked = bundled.filter((input) => /node_modules\/(tsx|vite|vitest|esbuild)\//.test(input));
  if (leaked.length > 0) throw new Error(`Development tools ended up in the bundle: ${leaked.slice(0, 5).join(', ')}`);

  writeFileSync(
    join(OUT, 'pglite-thread-entry.mjs'),
    "// The embedded database's thread, as the server starts it (db/pglite-thread-database.ts).\nawait import('./pglite-thread.mjs');\n",
  );
  cpSync(join(SERVER, 'migrations'), join(OUT, 'migrations'), { recursive: true });
  cpSync(join(ROOT, 'node_modules/@electric-sql/pglite'), join(OUT, 'node_modules/@electric-sql/pglite'), {
    recursive: true,
  });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(
    join(OUT, 'package.json'),
    `${JSON.stringify({ name: 'closer-server', version: pkg.version, private: true, type: 'module', main: 'main.mjs' }, null, 2)}\n`,
  );
  mkdirSync(OUT, { recursive: true });
  const files = readdirSync(OUT)
    .filter((f) => f.endsWith('.mjs'))
    .map((f) => ({ file: f, kb: Math.round(statSync(join(OUT, f)).size / 1024) }));
  console.log(
    JSON.stringify({
      event: 'build-server.done',
      out: relative(ROOT, OUT),
      files,
      modules: bundled.length,
      ms: Math.round(performance.now() - started),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(
    JSON.stringify({ event: 'build-server.failed', message: error instanceof Error ? error.message : String(error) }),
  );
  process.exit(1);
});
