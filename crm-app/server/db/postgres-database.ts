import pg from 'pg';
import type { Logger } from '../logger';
import { errorFields } from '../logger';
import { assertSchemaName, type Database, type Queryable, type QueryResult } from './database';

export interface PostgresDatabaseOptions {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  /** Work inside this schema (it must exist) instead of `public`. */
  schema?: string;
  /** Where idle-connection errors go; without it they would crash the process. */
  logger?: Logger;
  maxConnections?: number;
}

/** Fails fast when the server is unreachable instead of leaving requests hanging. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Opens a pooled connection to a real PostgreSQL server and checks that it answers. */
export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<Database> {
  if (options.schema !== undefined) assertSchemaName(options.schema);
  const pool = createPool(options, options.maxConnections ?? 10);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  // Background work (the sync worker) gets a small pool of its own, opened on first use: its claims and completions
  // can then never hold every connection while requests wait for one.
  let backgroundPool: pg.Pool | undefined;
  let background: Database | undefined;
  const state = { closed: false };
  const close = async () => {
    if (state.closed) return;
    state.closed = true;
    await Promise.all([pool.end(), backgroundPool?.end()]);
  };
  const database = poolDatabase(pool, state, close, () => {
    backgroundPool ??= createPool(options, BACKGROUND_CONNECTIONS);
    background ??= poolDatabase(backgroundPool, state, close, () => background as Database);
    return background;
  });
  return database;
}

/** Connections of the background pool: the worker's transactions are short, a few connections keep it busy. */
const BACKGROUND_CONNECTIONS = 4;

function createPool(options: PostgresDatabaseOptions, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // search_path as a startup option applies to every pooled connection, including ones opened later.
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  pool.on('error', (error) => options.logger?.error('db.pool_error', errorFields(error)));
  return pool;
}

function poolDatabase(
  pool: pg.Pool,
  state: { closed: boolean },
  close: () => Promise<void>,
  background: () => Database,
): Database {
  const ensureOpen = () => {
    if (state.closed) throw new Error('Database is closed');
  };
  return {
    kind: 'postgres',
    query: async (sql, params) => {
      ensureOpen();
      return toResult(await pool.query(sql, params ? [...params] : undefined));
    },
    exec: async (sql) => {
      ensureOpen();
      // No parameters: pg uses the simple query protocol, which accepts several statements.
      await pool.query(sql);
    },
    transaction: async (work) => {
      ensureOpen();
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(wrapClient(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // A connection that cannot roll back must not go back to the pool.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close,
    background,
  };
}

function wrapClient(client: pg.PoolClient): Queryable {
  return {
    query: async (sql, params) => toResult(await client.query(sql, params ? [...params] : undefined)),
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

function toResult<Row>(result: pg.QueryResult): QueryResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
}
