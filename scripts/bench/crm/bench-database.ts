/**
 * The database a backend benchmark runs on: PostgreSQL (BENCH_DATABASE_URL / TEST_DATABASE_URL) in a fresh schema,
 * dropped afterwards, so no earlier run's portals, setup state or jobs change the figures; otherwise an on-disk PGlite
 * in a temporary directory.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function prepareBenchDatabase(
  url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL,
): Promise<BenchDatabase> {
  if (url) {
    const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    return {
      kind: 'postgres',
      env: { DATABASE_URL: withSchema.toString() },
      dispose: async () => {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'closer-bench-'));
  return { kind: 'pglite', env: { DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}
