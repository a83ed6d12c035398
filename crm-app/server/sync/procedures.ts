/**
 * The sync engine's busiest transactions, runnable next to the database in one round trip. The embedded database
 * lives in a thread of its own; a transaction driven from the server thread crosses between the threads at every
 * statement and holds the one connection all the while (22% of its busy time went to those crossings in bench:sync).
 * A procedure runs whole inside the database thread instead. On PostgreSQL, and on an in-process PGlite, it simply
 * runs here.
 *
 * A procedure takes the database and structured-cloneable arguments, and returns a structured-cloneable result.
 * Errors come back as plain `Error`s with the database's fields (code, constraint, …), not their original classes.
 */
import type { Database } from '../db/database';
import { enqueuePersonas } from './enqueue';
import { claimJobs, finishBatch } from './jobs';

export const PROCEDURES = { enqueuePersonas, claimJobs, finishBatch };

/** Where the database thread loads PROCEDURES from. */
export const PROCEDURES_MODULE = import.meta.url;

export type ProcedureName = keyof typeof PROCEDURES;
type Procedure<N extends ProcedureName> = (typeof PROCEDURES)[N];
type ArgsOf<N extends ProcedureName> = Procedure<N> extends (db: Database, ...args: infer A) => unknown ? A : never;
type ResultOf<N extends ProcedureName> = Awaited<ReturnType<Procedure<N>>>;

/** Runs procedure `name` where the database is: in its thread when it has one, here otherwise. */
export async function runProcedure<N extends ProcedureName>(
  db: Database,
  name: N,
  ...args: ArgsOf<N>
): Promise<ResultOf<N>> {
  if (db.procedure) return (await db.procedure(name, args)) as ResultOf<N>;
  const procedure = PROCEDURES[name] as unknown as (db: Database, ...args: ArgsOf<N>) => Promise<ResultOf<N>>;
  return procedure(db, ...args);
}
