/** Procedures for the PGlite thread's tests (pglite-thread-database.test.ts); the server's own are in sync/. */
import type { Database } from '../db/database';

export const PROCEDURES = {
  /** Inserts `values` in one transaction and returns how many rows the table then has. */
  insertAll: async (db: Database, values: number[]) =>
    db.transaction(async (tx) => {
      for (const value of values) await tx.query('INSERT INTO proc_rows VALUES ($1)', [value]);
      return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM proc_rows')).rows[0]?.n;
    }),
  /** Inserts a row, then fails: nothing of it may remain. */
  insertThenFail: async (db: Database, value: number) =>
    db.transaction(async (tx) => {
      await tx.query('INSERT INTO proc_rows VALUES ($1)', [value]);
      await tx.query('INSERT INTO proc_rows VALUES ($1)', [value]);
    }),
  /** Ends the database thread the way a crash would: the caller must get an error, not a hang. */
  exitThread: async () => {
    process.exit(3);
  },
};
