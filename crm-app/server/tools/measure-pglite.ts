/**
 * Measures what PGlite costs the server at start: creating a data directory (initdb) and reopening it.
 * `npx tsx crm-app/server/tools/measure-pglite.ts [runs]` prints one JSON line per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPGlite } from '../db/pglite-database';

const runs = Number(process.argv[2] ?? 3);

for (let run = 1; run <= runs; run++) {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'closer-measure-')), 'pglite');
  try {
    let started = performance.now();
    const created = await createPGlite({ dataDir });
    await created.query('SELECT 1');
    const createMs = Math.round(performance.now() - started);
    await created.close();

    started = performance.now();
    const reopened = await createPGlite({ dataDir });
    await reopened.query('SELECT 1');
    const reopenMs = Math.round(performance.now() - started);
    await reopened.close();

    started = performance.now();
    const memory = await createPGlite({ dataDir: 'memory://' });
    await memory.query('SELECT 1');
    const memoryMs = Math.round(performance.now() - started);
    await memory.close();

    console.log(JSON.stringify({ run, createMs, reopenMs, memoryMs }));
  } finally {
    rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}
