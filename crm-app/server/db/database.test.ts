import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../test-support/test-databases';

describe.each(DATABASE_KINDS)('Database on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('reports its kind', () => {
    expect(database().db.kind).toBe(kind);
  });

  it('runs parameterised queries and reports affected rows', async () => {
    const { db } = database();
    await db.exec('CREATE TABLE t (id int PRIMARY KEY, name text); CREATE INDEX t_name ON t (name)');

    const inserted = await db.query('INSERT INTO t VALUES ($1, $2), ($3, $4)', [1, 'a', 2, 'b']);
    const selected = await db.query<{ id: number; name: string }>('SELECT id, name FROM t WHERE id = $1', [2]);

    expect(inserted.rowCount).toBe(2);
    expect(selected.rows).toEqual([{ id: 2, name: 'b' }]);
  });

  it('parses types the same way on both databases: int8 as string, jsonb as object, timestamptz as Date', async () => {
    const { db } = database();
    const { rows } = await db.query<{ big: unknown; doc: unknown; at: unknown; n: unknown }>(
      `SELECT 9007199254740993::int8 AS big, $1::jsonb AS doc, '2026-01-02T03:04:05Z'::timestamptz AS at, 7::int4 AS n`,
      [JSON.stringify({ a: [1, 'x'] })],
    );

    expect(rows[0]).toEqual({
      big: '9007199254740993',
      doc: { a: [1, 'x'] },
      at: new Date('2026-01-02T03:04:05Z'),
      n: 7,
    });
  });

  it('commits a transaction that resolves', async () => {
    const { db } = database();
    await db.exec('CREATE TABLE t (id int)');

    const result = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1)');
      await tx.exec('INSERT INTO t VALUES (2); INSERT INTO t VALUES (3)');
      return 'done';
    });

    expect(result).toBe('done');
    expect((await db.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 3 }]);
  });

  it('rolls back a transaction that throws and rethrows its error', async () => {
    const { db } = database();
    await db.exec('CREATE TABLE t (id int)');

    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (1)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');

    expect((await db.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 0 }]);
    // The connection is still usable afterwards.
    await db.transaction((tx) => tx.query('INSERT INTO t VALUES (2)'));
    expect((await db.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 1 }]);
  });

  it('rolls back when a statement inside the transaction fails', async () => {
    const { db } = database();
    await db.exec('CREATE TABLE t (id int PRIMARY KEY)');

    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (1)');
        await tx.query('INSERT INTO t VALUES (1)');
      }),
    ).rejects.toThrow(/duplicate key/);

    expect((await db.query('SELECT count(*)::int AS n FROM t')).rows).toEqual([{ n: 0 }]);
  });

  it('refuses work after close, and closing twice is harmless', async () => {
    const { db } = database();
    await db.close();
    await db.close();

    await expect(db.query('SELECT 1')).rejects.toThrow('Database is closed');
  });
});
