/**
 * A `Database` over one single-session connection (PGlite, in this process or in its own thread). Every statement and
 * transaction takes the connection through `ConnectionLanes`, so a transaction's statements never interleave with
 * another caller's, and requests (foreground) go ahead of the sync worker (background).
 */
import { ConnectionLanes, type Lane } from './connection-lanes';
import type { Database, DatabaseKind, Queryable, QueryResult } from './database';

/** What a single-session connection offers: statements, scripts, and shutdown. */
export interface SessionConnection {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Runs a registered procedure on the connection's side, when the connection is in another thread. */
  procedure?(name: string, args: readonly unknown[]): Promise<unknown>;
}

export function lanedDatabase(
  connection: SessionConnection,
  { kind, ownsConnection }: { kind: DatabaseKind; ownsConnection: boolean },
): Database {
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('Database is closed');
  };
  const lanes = new ConnectionLanes();
  const procedure = connection.procedure?.bind(connection);
  const session: Queryable = {
    query: async (sql, params) => toResult(await connection.query(sql, params ? [...params] : undefined)),
    exec: (sql) => connection.exec(sql),
  };
  const onLane = (lane: Lane): Database => ({
    kind,
    query: async (sql, params) => {
      ensureOpen();
      return lanes.run(lane, () => session.query(sql, params));
    },
    exec: async (sql) => {
      ensureOpen();
      await lanes.run(lane, () => session.exec(sql));
    },
    transaction: async (work) => {
      ensureOpen();
      // The lane is held from BEGIN to COMMIT: nobody else's statement can land inside this transaction.
      return lanes.run(lane, async () => {
        await session.exec('BEGIN');
        let result;
        try {
          result = await work(session);
        } catch (error) {
          await session.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
        await session.exec('COMMIT');
        return result;
      });
    },
    close,
    background: () => background,
    ...(procedure
      ? {
          procedure: async (name: string, args: readonly unknown[]) => {
            ensureOpen();
            return lanes.run(lane, () => procedure(name, args));
          },
        }
      : {}),
  });
  const close = async () => {
    if (closed) return;
    closed = true;
    if (ownsConnection) await connection.close();
  };
  const background = onLane('background');
  return onLane('foreground');
}

function toResult<Row>(result: { rows: unknown[]; affectedRows?: number }): QueryResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.affectedRows ?? result.rows.length };
}
