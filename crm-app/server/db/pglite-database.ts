import { PGlite, types, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { assertSchemaName, type Database, type Queryable, type QueryResult } from './database';

export interface PGliteDatabaseOptions {
  /** Data directory, or `memory://`. */
  dataDir?: string;
  /** Restore this `dumpDataDir()` tarball instead of running initdb (about 4x faster; tests use it). */
  loadDataDir?: Blob;
  /** Work inside this schema (created if missing) instead of `public`. */
  schema?: string;
}

// pg returns int8 as a string; PGlite would return a lossy number. Keep both the same.
const PARSERS: NonNullable<PGliteOptions['parsers']> = { [types.INT8]: (value: string) => value };

/** Opens an embedded PGlite database. */
export async function openPGliteDatabase(options: PGliteDatabaseOptions = {}): Promise<Database> {
  const pglite = await createPGlite(options);
  if (options.schema !== undefined) {
    assertSchemaName(options.schema);
    await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}; SET search_path TO ${options.schema}`);
  }
  return wrapPGlite(pglite, { ownsInstance: true });
}

/** A raw PGlite instance with the row parsers every wrapper relies on. */
export function createPGlite(options: Pick<PGliteDatabaseOptions, 'dataDir' | 'loadDataDir'> = {}): Promise<PGlite> {
  return PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    parsers: PARSERS,
  });
}

/**
 * Wraps an existing PGlite instance (created with `createPGlite`). With `ownsInstance: false`, `close()` leaves the instance open (tests share one
 * instance between many short-lived databases, one schema each).
 */
export function wrapPGlite(pglite: PGlite, { ownsInstance }: { ownsInstance: boolean }): Database {
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('Database is closed');
  };
  return {
    kind: 'pglite',
    query: async (sql, params) => {
      ensureOpen();
      return toResult(await pglite.query(sql, params ? [...params] : undefined));
    },
    exec: async (sql) => {
      ensureOpen();
      await pglite.exec(sql);
    },
    transaction: async (work) => {
      ensureOpen();
      return pglite.transaction((tx) => work(wrapTransaction(tx)));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      if (ownsInstance) await pglite.close();
    },
  };
}

function wrapTransaction(tx: Transaction): Queryable {
  return {
    query: async (sql, params) => toResult(await tx.query(sql, params ? [...params] : undefined)),
    exec: async (sql) => {
      await tx.exec(sql);
    },
  };
}

function toResult<Row>(result: { rows: unknown[]; affectedRows?: number }): QueryResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.affectedRows ?? result.rows.length };
}
