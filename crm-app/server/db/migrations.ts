import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { Database, Queryable } from './database';

/** `crm-app/server/migrations/`: files named `NNNN_name.sql`, applied in order, never edited once shipped. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

const FILE_NAME = /^(\d{4})_([a-z0-9]+(?:_[a-z0-9]+)*)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  /** sha256 of the file: an applied migration whose file changed afterwards is an error, not a silent skip. */
  checksum: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Reads and checks the migration files of `dir`: every `.sql` file must be named `NNNN_name.sql`, and versions must
 * run 1, 2, 3… without gaps or duplicates.
 *
 * @throws MigrationError describing the first bad file.
 */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  const migrations = files.map((file): Migration => {
    const match = FILE_NAME.exec(file);
    if (!match) {
      throw new MigrationError(`Migration file "${file}" must be named NNNN_lower_snake_name.sql`);
    }
    const sql = readFileSync(path.join(dir, file), 'utf8');
    if (sql.trim() === '') throw new MigrationError(`Migration file "${file}" is empty`);
    return defineMigration(Number(match[1]), match[2] ?? '', sql);
  });
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(
        `Migration "${migration.file}" has version ${migration.version}, expected ${index + 1}: versions start at 1 and have no gaps or duplicates`,
      );
    }
  });
  return migrations;
}

/** A migration from its parts, as if read from `NNNN_name.sql` (tests build broken ones this way). */
export function defineMigration(version: number, name: string, sql: string): Migration {
  return {
    version,
    name,
    file: `${String(version).padStart(4, '0')}_${name}.sql`,
    sql,
    checksum: createHash('sha256').update(sql).digest('hex'),
  };
}

const AppliedRow = z.object({
  version: z.coerce.number().int().positive(),
  name: z.string(),
  checksum: z.string(),
});
type AppliedMigration = z.infer<typeof AppliedRow>;

export interface MigrateOptions {
  migrations?: Migration[];
  /** Stop after this version (tests step through migrations one by one). Defaults to the latest. */
  targetVersion?: number;
  logger?: Logger;
}

export interface MigrateResult {
  /** Versions applied by this call, in order; empty when the database was already up to date. */
  applied: number[];
  version: number;
}

// Two server processes starting together must not both apply a migration. The lock is per schema, so tests that
// each use their own schema do not wait for one another.
const LOCK = `SELECT pg_advisory_xact_lock(1668246373, hashtext(current_schema()))`;

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY CHECK (version > 0),
    name       text NOT NULL,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

/**
 * Brings the database up to `targetVersion`. Each migration runs in its own transaction together with its
 * `schema_migrations` row, so a failing migration leaves no trace and the previous ones stay applied. Running it
 * again is a no-op.
 *
 * @throws MigrationError when a migration fails, when an applied migration's file changed, or when the database
 *   has a version this code does not know (it is newer than the code).
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = options.migrations ?? loadMigrations();
  const target = options.targetVersion ?? migrations.length;
  if (!Number.isInteger(target) || target < 0 || target > migrations.length) {
    throw new MigrationError(`Target version ${target} is not between 0 and ${migrations.length}`);
  }

  const alreadyApplied = await db.transaction(async (tx) => {
    await tx.query(LOCK);
    await tx.exec(CREATE_TABLE);
    return readApplied(tx);
  });
  verifyApplied(alreadyApplied, migrations);

  const applied: number[] = [];
  for (const migration of migrations.slice(0, target)) {
    const didApply = await db.transaction(async (tx) => {
      await tx.query(LOCK);
      // Another process may have applied it while we waited for the lock.
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.rows.length > 0) return false;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`Migration ${migration.file} failed and was rolled back: ${reason}`, {
          cause: error,
        });
      }
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (didApply) {
      applied.push(migration.version);
      options.logger?.info('db.migration_applied', { version: migration.version, file: migration.file });
    }
  }
  return { applied, version: await schemaVersion(db) };
}

/** Highest applied migration version; 0 for a database that was never migrated. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const table = await db.query<{ exists: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
  if (!table.rows[0]?.exists) return 0;
  const result = await db.query<{ version: unknown }>(
    'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
  );
  return z.coerce.number().int().nonnegative().parse(result.rows[0]?.version);
}

async function readApplied(tx: Queryable): Promise<AppliedMigration[]> {
  const result = await tx.query('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
  return result.rows.map((row) => AppliedRow.parse(row));
}

function verifyApplied(applied: AppliedMigration[], migrations: Migration[]): void {
  for (const row of applied) {
    const migration = migrations[row.version - 1];
    if (!migration) {
      throw new MigrationError(
        `Database has migration ${row.version} (${row.name}) but this code only knows ${migrations.length}: run a newer server`,
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${migration.file} changed after it was applied: add a new migration instead of editing a shipped one`,
      );
    }
  }
}
