/**
 * Test databases for the server tests, which run every database test twice: on PGlite and on a real PostgreSQL
 * (TEST_DATABASE_URL). Each test gets a fresh, empty schema on a connection shared by its file, so tests stay
 * isolated without paying for a new database each time (a fresh PGlite costs several seconds of initdb).
 */
import type { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { REPO_ROOT } from '../config';
import type { Database, DatabaseKind } from '../db/database';
import { migrate } from '../db/migrations';
import { createPGlite, wrapPGlite } from '../db/pglite-database';
import { openPostgresDatabase } from '../db/postgres-database';

/** initdb for the PGlite template takes ~6 s on an idle 2-core machine and several times that on a busy one. */
export const SETUP_TIMEOUT_MS = 120_000;

export const DATABASE_KINDS = ['pglite', 'postgres'] as const satisfies readonly DatabaseKind[];

export const MISSING_TEST_DATABASE_URL = [
  'TEST_DATABASE_URL is not set, so the PostgreSQL half of the server tests cannot run (they are never skipped).',
  'Start the throwaway cluster and export its URL:',
  '  export TEST_DATABASE_URL=$(bash scripts/dev/pg-test-cluster.sh start)',
  'or run `npm run test:server`, which does both.',
].join('\n');

/** The PostgreSQL URL for tests, or a clear failure. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error(MISSING_TEST_DATABASE_URL);
  return url;
}

/** A URL that puts every connection in `schema` (pg reads `options` from the connection string). */
export function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

export function newSchemaName(): string {
  return `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

// ==== PGlite: one instance per test file, restored from a data-directory template ====

/**
 * initdb runs once per machine and PGlite version: its result is kept as a tarball in the temp dir and restored with
 * `loadDataDir`, which is several times faster than a fresh initdb.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const version = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const file = path.join(tmpdir(), 'closer-test', `pglite-${version}-template.tar`);
  if (!existsSync(file)) {
    const fresh = await createPGlite({ dataDir: 'memory://' });
    const tarball = await fresh.dumpDataDir('none');
    await fresh.close();
    mkdirSync(path.dirname(file), { recursive: true });
    // Parallel test files may race to write it: write aside, then rename atomically.
    const partial = `${file}.${process.pid}.${randomUUID()}`;
    writeFileSync(partial, new Uint8Array(await tarball.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

/**
 * Fills an on-disk PGlite data directory from the template, as if initdb had just run there; with `migrated`, also
 * applies the shipped migrations, as a previous server run would have.
 */
export async function seedPGliteDataDir(dataDir: string, { migrated = false } = {}): Promise<void> {
  const db = wrapPGlite(await createPGlite({ dataDir, loadDataDir: await pgliteTemplate() }), { ownsInstance: true });
  try {
    if (migrated) await migrate(db);
  } finally {
    await db.close();
  }
}

let sharedPGlite: Promise<PGlite> | undefined;

function pgliteForThisFile(): Promise<PGlite> {
  sharedPGlite ??= pgliteTemplate().then((loadDataDir) => createPGlite({ dataDir: 'memory://', loadDataDir }));
  return sharedPGlite;
}

// ==== PostgreSQL: one admin pool per test file ====

let sharedAdmin: Promise<Database> | undefined;

function postgresAdminForThisFile(): Promise<Database> {
  sharedAdmin ??= openPostgresDatabase({ url: testDatabaseUrl(), maxConnections: 2 });
  return sharedAdmin;
}

// ==== Per-test databases ====

export interface TestDatabase {
  db: Database;
  schema: string;
  /** For code that opens its own connection (startServer with DATABASE_URL); undefined on PGlite. */
  url?: string;
  dispose(): Promise<void>;
}

/** A database with an empty schema of its own. Call `dispose()` when done. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const schema = newSchemaName();
  if (kind === 'pglite') {
    const pglite = await pgliteForThisFile();
    await pglite.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
    const db = wrapPGlite(pglite, { ownsInstance: false });
    return {
      db,
      schema,
      dispose: async () => {
        await db.close();
        await pglite.exec(`SET search_path TO public; DROP SCHEMA ${schema} CASCADE`);
      },
    };
  }
  const admin = await postgresAdminForThisFile();
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const url = urlWithSchema(testDatabaseUrl(), schema);
  const db = await openPostgresDatabase({ url, maxConnections: 4 });
  return {
    db,
    schema,
    url,
    dispose: async () => {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

/**
 * Registers hooks giving each test of the enclosing `describe` a fresh database of `kind`; returns its getter. Without
 * TEST_DATABASE_URL, every PostgreSQL test fails with setup instructions.
 */
export function useTestDatabase(kind: DatabaseKind): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    // Connect (or build the PGlite template, a one-time initdb) here, under a timeout sized for a busy machine. A
    // missing TEST_DATABASE_URL is reported by beforeEach instead: a failing beforeAll would count its tests as
    // skipped, and these tests must fail.
    if (kind === 'pglite') await pgliteForThisFile();
    else if (process.env.TEST_DATABASE_URL) await postgresAdminForThisFile();
  }, SETUP_TIMEOUT_MS);
  beforeEach(async () => {
    current = await openTestDatabase(kind);
  }, SETUP_TIMEOUT_MS);
  afterEach(async () => {
    await current?.dispose();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useTestDatabase: no database outside a test');
    return current;
  };
}

afterAll(async () => {
  await Promise.all([sharedPGlite?.then((pglite) => pglite.close()), sharedAdmin?.then((admin) => admin.close())]);
  sharedPGlite = undefined;
  sharedAdmin = undefined;
});
