import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../test-support/test-databases';
import { openPostgresDatabase } from './postgres-database';
import {
  MIGRATIONS_DIR,
  MigrationError,
  defineMigration,
  loadMigrations,
  migrate,
  schemaVersion,
  type Migration,
} from './migrations';

describe('loadMigrations', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function folder(files: Record<string, string>): string {
    dir = mkdtempSync(path.join(tmpdir(), 'closer-migrations-'));
    for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(dir, name), sql);
    return dir;
  }

  it('reads the shipped migrations as versions 1..n with checksums', () => {
    const migrations = loadMigrations(MIGRATIONS_DIR);

    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
    expect(migrations[0]).toMatchObject({ version: 1, name: 'initial_schema', file: '0001_initial_schema.sql' });
    for (const m of migrations) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('orders by file name and ignores files that are not .sql', () => {
    const migrations = loadMigrations(
      folder({ '0002_b.sql': 'SELECT 2', '0001_a.sql': 'SELECT 1', 'README.md': '# notes' }),
    );
    expect(migrations.map((m) => m.file)).toEqual(['0001_a.sql', '0002_b.sql']);
  });

  it.each([
    [{ '0001_Initial.sql': 'SELECT 1' }, /must be named NNNN_lower_snake_name\.sql/],
    [{ '1_initial.sql': 'SELECT 1' }, /must be named/],
    [{ '0001_a.sql': 'SELECT 1', '0003_c.sql': 'SELECT 3' }, /0003_c\.sql" has version 3, expected 2/],
    [{ '0001_a.sql': 'SELECT 1', '0001_b.sql': 'SELECT 1' }, /0001_b\.sql" has version 1, expected 2/],
    [{ '0002_a.sql': 'SELECT 1' }, /has version 2, expected 1/],
    [{ '0001_a.sql': '  \n' }, /is empty/],
  ])('rejects %j', (files, message) => {
    expect(() => loadMigrations(folder(files))).toThrow(MigrationError);
    expect(() => loadMigrations(folder(files))).toThrow(message);
  });
});

describe.each(DATABASE_KINDS)('migrate on %s', (kind) => {
  const database = useTestDatabase(kind);
  const shipped = loadMigrations();
  const latest = shipped.length;

  const table = (name: string) => [defineMigration(1, 'one', `CREATE TABLE ${name} (id int)`)];
  const exists = async (name: string) =>
    (await database().db.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [name])).rows[0]
      ?.found;

  it('starts at version 0 and applies every migration in order', async () => {
    const { db } = database();
    expect(await schemaVersion(db)).toBe(0);

    const result = await migrate(db);

    expect(result).toEqual({ applied: shipped.map((m) => m.version), version: latest });
    const rows = await db.query('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    expect(rows.rows).toEqual(shipped.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })));
  });

  it('is a no-op when run again', async () => {
    const { db } = database();
    await migrate(db);

    expect(await migrate(db)).toEqual({ applied: [], version: latest });
  });

  it('steps through versions with targetVersion', async () => {
    const { db } = database();
    const steps: Migration[] = [
      defineMigration(1, 'a', 'CREATE TABLE a (id int)'),
      defineMigration(2, 'b', 'CREATE TABLE b (id int)'),
    ];

    expect(await migrate(db, { migrations: steps, targetVersion: 1 })).toEqual({ applied: [1], version: 1 });
    expect(await exists('b')).toBe(false);
    expect(await migrate(db, { migrations: steps })).toEqual({ applied: [2], version: 2 });
    await expect(migrate(db, { migrations: steps, targetVersion: 3 })).rejects.toThrow(/not between 0 and 2/);
  });

  it('rolls back a failing migration completely and keeps the earlier ones', async () => {
    const { db } = database();
    const broken = [
      ...table('first'),
      defineMigration(2, 'broken', 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table'),
    ];

    const failure = migrate(db, { migrations: broken });

    await expect(failure).rejects.toThrow(MigrationError);
    await expect(failure).rejects.toThrow(/0002_broken\.sql failed and was rolled back: .*no_such_table/);
    expect(await schemaVersion(db)).toBe(1);
    expect(await exists('first')).toBe(true);
    expect(await exists('half_done')).toBe(false);

    const fixed = [...table('first'), defineMigration(2, 'broken', 'CREATE TABLE half_done (id int)')];
    expect(await migrate(db, { migrations: fixed })).toEqual({ applied: [2], version: 2 });
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const { db } = database();
    await migrate(db, { migrations: table('original') });

    await expect(migrate(db, { migrations: table('edited') })).rejects.toThrow(
      /0001_one\.sql changed after it was applied/,
    );
  });

  it('refuses to run against a database newer than the code', async () => {
    const { db } = database();
    await migrate(db, { migrations: [...table('a'), defineMigration(2, 'two', 'CREATE TABLE b (id int)')] });

    await expect(migrate(db, { migrations: table('a') })).rejects.toThrow(
      /has migration 2 \(two\) but this code only knows 1/,
    );
  });

  it('applies each migration once when two callers migrate at the same time', async () => {
    const { db, url } = database();
    // On PostgreSQL the second caller is a separate pool, as a second server process would be.
    const other = url ? await openPostgresDatabase({ url }) : db;
    try {
      const [a, b] = await Promise.all([migrate(db), migrate(other)]);

      expect([...a.applied, ...b.applied].sort((x, y) => x - y)).toEqual(shipped.map((m) => m.version));
      expect(a.version).toBe(latest);
      expect(b.version).toBe(latest);
    } finally {
      if (other !== db) await other.close();
    }
  });
});
