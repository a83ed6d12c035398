import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from '../config';
import { IN_MEMORY_DATA_DIR } from '../config';
import type { Logger } from '../logger';
import { redactUrl } from '../logger';
import type { Database } from './database';
import { openPGliteThreadDatabase } from './pglite-thread-database';
import { PROCEDURES_MODULE } from '../sync/procedures';
import { openPostgresDatabase } from './postgres-database';

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, PGlite in DATA_DIR otherwise. */
export async function openDatabase(config: ServerConfig, logger: Logger): Promise<Database> {
  const started = performance.now();
  let database: Database;
  if (config.databaseUrl !== undefined) {
    database = await openPostgresDatabase({ url: config.databaseUrl, logger });
    logger.info('db.opened', { kind: 'postgres', target: redactUrl(config.databaseUrl), ms: elapsed(started) });
  } else {
    const inMemory = config.dataDir === IN_MEMORY_DATA_DIR;
    // A fresh data directory costs an initdb (several seconds); reopening one is much cheaper. Log which it was.
    const created = inMemory || !existsSync(path.join(config.dataDir, 'PG_VERSION'));
    if (!inMemory) mkdirSync(config.dataDir, { recursive: true });
    // In a thread of its own: its SQL runs in WebAssembly and would otherwise stop this thread's HTTP work.
    database = await openPGliteThreadDatabase({ dataDir: config.dataDir, procedures: PROCEDURES_MODULE });
    logger.info('db.opened', { kind: 'pglite', target: config.dataDir, created, ms: elapsed(started) });
  }
  return database;
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}
