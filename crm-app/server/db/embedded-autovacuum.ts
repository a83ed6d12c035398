/**
 * VACUUM for the embedded database. PGlite runs PostgreSQL without its background processes, so nothing reclaims the
 * dead rows that every update leaves: the outbox (each job is updated when claimed and again when done) grew without
 * bound, and its indexes with it, so claims slowed down as a long-running server aged.
 *
 * This vacuums, from PostgreSQL's own table statistics and with autovacuum's default threshold, in the background
 * lane. It does not ANALYZE: the statistics it would gather misled the planner on the outbox claim (see claimJobs),
 * and each pass would block the connection for longer (a default-size ANALYZE of the outbox took ~370 ms).
 */
import type { Database } from './database';
import type { Logger } from '../logger';

/** PostgreSQL's autovacuum defaults: vacuum after 50 dead rows plus a fifth of the live ones. */
const VACUUM_THRESHOLD = 50;
const VACUUM_SCALE = 0.2;
/** autovacuum_naptime's default. Each pass holds the connection while it vacuums (~40 ms for a 100,000-job outbox). */
const NAPTIME_MS = 60_000;

export interface MaintenanceReport {
  vacuumed: string[];
}

interface TableStats {
  relname: string;
  n_live_tup: string;
  n_dead_tup: string;
}

/** One pass over the tables of the current schema: VACUUM those past autovacuum's threshold. */
export async function maintainEmbeddedDatabase(db: Database): Promise<MaintenanceReport> {
  const lane = db.background?.() ?? db;
  // A single-session PostgreSQL flushes its table counters lazily; without this the numbers read below lag behind.
  await lane.query('SELECT pg_stat_force_next_flush()');
  const { rows } = await lane.query<TableStats>(
    `SELECT relname, n_live_tup, n_dead_tup FROM pg_stat_user_tables
      WHERE schemaname = current_schema() ORDER BY relname`,
  );
  const report: MaintenanceReport = { vacuumed: [] };
  for (const table of rows) {
    if (Number(table.n_dead_tup) <= VACUUM_THRESHOLD + VACUUM_SCALE * Number(table.n_live_tup)) continue;
    // relname comes from the catalogue, but it is still quoted: a table name is not a trusted SQL fragment. VACUUM
    // refuses to run inside a transaction block, so it goes alone.
    await lane.exec(`VACUUM "${table.relname.replaceAll('"', '""')}"`);
    report.vacuumed.push(table.relname);
  }
  return report;
}

export interface EmbeddedAutovacuum {
  stop(): Promise<void>;
}

/** Runs `maintainEmbeddedDatabase` every `intervalMs` until stopped; a failed pass is logged and the next one tries again. */
export function startEmbeddedAutovacuum(db: Database, logger: Logger, intervalMs = NAPTIME_MS): EmbeddedAutovacuum {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      const started = performance.now();
      try {
        const report = await maintainEmbeddedDatabase(db);
        if (report.vacuumed.length > 0) {
          logger.debug('db.vacuumed', { tables: report.vacuumed, ms: Math.round(performance.now() - started) });
        }
      } catch (error) {
        if (!stopped)
          logger.warn('db.vacuum_failed', { message: error instanceof Error ? error.message : String(error) });
      }
    });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
