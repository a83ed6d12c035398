import { PGlite, types, type PGliteOptions } from '@electric-sql/pglite';
import type { Database } from './database';
import { lanedDatabase } from './laned-database';

export interface PGliteOptionsForCloser {
  /** Data directory, or `memory://`. */
  dataDir?: string;
  /** Restore this `dumpDataDir()` tarball instead of running initdb (about 4x faster; tests use it). */
  loadDataDir?: Blob;
}

// pg returns int8 as a string; PGlite would return a lossy number. Keep both the same.
const PARSERS: NonNullable<PGliteOptions['parsers']> = { [types.INT8]: (value: string) => value };

/** A raw PGlite instance with the row parsers every wrapper relies on. */
export function createPGlite(options: PGliteOptionsForCloser = {}): Promise<PGlite> {
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
 * Wraps an existing PGlite instance (created with `createPGlite`) that runs in this thread. With `ownsInstance: false`,
 * `close()` leaves the instance open (tests share one instance between many short-lived databases, one schema each).
 */
export function wrapPGlite(pglite: PGlite, { ownsInstance }: { ownsInstance: boolean }): Database {
  return lanedDatabase(
    {
      query: (sql, params) => pglite.query(sql, params),
      exec: async (sql) => {
        await pglite.exec(sql);
      },
      close: () => pglite.close(),
    },
    { kind: 'pglite', ownsConnection: ownsInstance },
  );
}
