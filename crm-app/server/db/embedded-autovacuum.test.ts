/** The embedded database's VACUUM pass: it acts where autovacuum would, and only there. */
import { describe, expect, it } from 'vitest';
import { maintainEmbeddedDatabase } from './embedded-autovacuum';
import { useTestDatabase } from '../test-support/test-databases';

describe('maintainEmbeddedDatabase on pglite', () => {
  const database = useTestDatabase('pglite');

  it('vacuums a table with many dead rows, leaves quiet tables alone, and has nothing to do right after', async () => {
    const { db } = database();
    await db.exec(`CREATE TABLE churn (id int PRIMARY KEY, v int); CREATE TABLE quiet (id int PRIMARY KEY);
                   INSERT INTO churn SELECT g, 0 FROM generate_series(1, 1000) g; INSERT INTO quiet VALUES (1)`);
    // Every row updated twice: 2,000 dead rows against 1,000 live ones.
    await db.exec('UPDATE churn SET v = 1; UPDATE churn SET v = 2');

    expect(await maintainEmbeddedDatabase(db)).toEqual({ vacuumed: ['churn'] });
    await db.query('SELECT pg_stat_force_next_flush()');
    const { rows } = await db.query<{ n_dead_tup: string; last_vacuum: Date | null }>(
      `SELECT n_dead_tup, last_vacuum FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = 'churn'`,
    );
    expect(rows[0]?.last_vacuum).toBeInstanceOf(Date);
    expect(Number(rows[0]?.n_dead_tup)).toBeLessThan(50);
    expect(await maintainEmbeddedDatabase(db)).toEqual({ vacuumed: [] });
  });
});
