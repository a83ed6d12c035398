/**
 * `Database.background()`, where the sync worker runs: the same data as the foreground, transactions included, and
 * closed together with it. Runs on both databases.
 */
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../test-support/test-databases';

describe.each(DATABASE_KINDS)('background database on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('reads and writes the same data as the foreground, in transactions too', async () => {
    const { db } = database();
    const background = db.background?.();
    expect(background?.kind).toBe(kind);
    if (!background) throw new Error('no background database');
    expect(background.background?.()).toBe(background);
    await db.exec('CREATE TABLE t (n int)');
    await background.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1), (2)');
    });
    await expect(
      background.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (3)');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await db.query<{ n: number }>('SELECT sum(n)::int AS n FROM t')).rows[0]?.n).toBe(3);
    // Foreground and background may run at once without mixing up their transactions.
    const results = await Promise.all([
      db.transaction(async (tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0]?.n),
      background.query<{ n: number }>('SELECT max(n) AS n FROM t').then((r) => r.rows[0]?.n),
    ]);
    expect(results).toEqual([2, 2]);
  });

  it('is closed with the database', async () => {
    const { db } = database();
    const background = db.background?.();
    await background?.query('SELECT 1');
    await db.close();
    await expect(Promise.resolve().then(() => background?.query('SELECT 1'))).rejects.toThrow(/closed/);
  });
});
