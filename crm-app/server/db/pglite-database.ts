import { PGlite, types, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { ConnectionLanes, type Lane } from './connection-lanes';
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
    startParams: START_PARAMS,
  });
}

/**
 * PGlite's defaults plus `wal_init_zero=off`. PostgreSQL zero-fills every new 16 MB WAL segment; in PGlite that runs
 * on the server's only thread through Emscripten's file system, whose files grow by copying, and it stalled every
 * query for up to 1.5 s whenever a segment filled up under write load (bench:api's p99). Skipping the zero-fill does
 * not weaken durability: PostgreSQL never relies on it, it only pre-allocates space on file systems that need it.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'];

/**
 * Wraps an existing PGlite instance (created with `createPGlite`). With `ownsInstance: false`, `close()` leaves the instance open (tests share one
 * instance between many short-lived databases, one schema each).
 */
export function wrapPGlite(pglite: PGlite, { ownsInstance }: { ownsInstance: boolean }): Database {
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('Database is closed');
  };
  const lanes = new ConnectionLanes();
  const onLane = (lane: Lane): Database => ({
    kind: 'pglite',
    query: async (sql, params) => {
      ensureOpen();
      return toResult(await lanes.run(lane, () => pglite.query(sql, params ? [...params] : undefined)));
    },
    exec: async (sql) => {
      ensureOpen();
      await lanes.run(lane, () => pglite.exec(sql));
    },
    transaction: async (work) => {
      ensureOpen();
      return lanes.run(lane, () => pglite.transaction((tx) => work(wrapTransaction(tx))));
    },
    close,
    background: () => background,
  });
  const close = async () => {
    if (closed) return;
    closed = true;
    if (ownsInstance) await pglite.close();
  };
  const background = onLane('background');
  return onLane('foreground');
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
