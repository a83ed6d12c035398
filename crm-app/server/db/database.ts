/**
 * The one database interface of the server. Two implementations: PGlite (embedded, the default) and PostgreSQL via
 * `pg` (when DATABASE_URL is set). Both speak the same SQL and return rows parsed the same way: int8 as string (ids
 * can exceed 2^53), jsonb as objects, timestamptz as Date. Callers validate rows with zod.
 */
export type DatabaseKind = 'pglite' | 'postgres';

export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface Queryable {
  /** One statement, with `$1`-style parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  /** Several statements separated by `;`, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws (the error is rethrown). */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Releases the database; further calls fail. Safe to call twice. */
  close(): Promise<void>;
  /**
   * The same database for background work (the sync worker) that must not delay requests: on PGlite a lower-priority
   * lane of its one connection, on PostgreSQL a pool of its own. Closing the database closes it too.
   */
  background?(): Database;
  /**
   * Runs a registered procedure (see sync/procedures.ts) next to the database, in one round trip, on this database's
   * lane. Only a database in another thread offers it; elsewhere procedures run in the caller's thread.
   */
  procedure?(name: string, args: readonly unknown[]): Promise<unknown>;
}

/** A schema name we are willing to splice into SQL (tests isolate themselves in one schema each). */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": expected ${SCHEMA_NAME}`);
  }
}
