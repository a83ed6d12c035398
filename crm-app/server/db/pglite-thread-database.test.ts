/**
 * PGlite in its own thread (what the server runs): the same answers as in-process PGlite, errors that keep their
 * database fields but not the statement's parameters, transactions that stay whole while other callers wait, and a
 * clear failure instead of a hang when the thread cannot open.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { openPGliteThreadDatabase } from './pglite-thread-database';
import { pgliteTemplate, SETUP_TIMEOUT_MS } from '../test-support/test-databases';

describe('PGlite in a worker thread', () => {
  let db: Database;

  beforeAll(async () => {
    const template = new Uint8Array(await (await pgliteTemplate()).arrayBuffer());
    db = await openPGliteThreadDatabase({
      dataDir: 'memory://',
      loadDataDir: template,
      schema: 'threaded',
      procedures: new URL('../test-support/thread-procedures.ts', import.meta.url).href,
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await db.close();
  });

  it('parses rows as in-process PGlite does: int8 as string, jsonb as object, timestamptz as Date', async () => {
    const { rows } = await db.query(
      `SELECT 9007199254740993::int8 AS big, $1::jsonb AS doc, '2026-01-02T03:04:05Z'::timestamptz AS at,
              current_schema() AS schema`,
      [JSON.stringify({ a: [1, 'x'] })],
    );
    expect(rows).toEqual([
      { big: '9007199254740993', doc: { a: [1, 'x'] }, at: new Date('2026-01-02T03:04:05Z'), schema: 'threaded' },
    ]);
  });

  it('keeps the database error fields (code, constraint) but not the statement and its parameters', async () => {
    await db.exec('CREATE TABLE people (email text PRIMARY KEY)');
    await db.query('INSERT INTO people VALUES ($1)', ['ada@example.com']);
    const error: unknown = await db.query('INSERT INTO people VALUES ($1)', ['ada@example.com']).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 'people_pkey' });
    // PGlite attaches the statement and its parameters to its errors; they stay in the database thread.
    expect(error).not.toHaveProperty('params');
    expect(error).not.toHaveProperty('query');
    expect((error as Error).message).toMatch(/duplicate key/);
  });

  it('commits and rolls back transactions, and no other statement lands inside one', async () => {
    await db.exec('CREATE TABLE counter (n int)');
    const background = db.background?.();
    if (!background) throw new Error('no background database');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = background.transaction(async (tx) => {
      await tx.query('INSERT INTO counter VALUES (1)');
      await gate;
      await tx.query('INSERT INTO counter VALUES (2)');
    });
    // Queued behind the open transaction; it must see both rows or neither, never one.
    const seen = db.query<{ n: number }>('SELECT count(*)::int AS n FROM counter');
    release();
    await held;
    expect((await seen).rows[0]?.n).toBe(2);

    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO counter VALUES (3)');
        await tx.query('INSERT INTO no_such_table VALUES (1)');
      }),
    ).rejects.toMatchObject({ code: '42P01' });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM counter')).rows[0]?.n).toBe(2);
  });

  it('runs a registered procedure whole in the database thread, and rolls it back when it fails', async () => {
    await db.exec('CREATE TABLE proc_rows (n int PRIMARY KEY)');
    expect(await db.procedure?.('insertAll', [[1, 2, 3]])).toBe(3);
    await expect(db.procedure?.('insertThenFail', [9])).rejects.toMatchObject({ code: '23505' });
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM proc_rows')).rows[0]?.n).toBe(3);
    await expect(db.procedure?.('noSuchProcedure', [])).rejects.toThrow('Unknown database procedure "noSuchProcedure"');
    // The background lane has them too (the sync worker runs its claims there).
    expect(await db.background?.().procedure?.('insertAll', [[4]])).toBe(4);
  });

  it('answers many callers at once in order', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => db.query<{ i: number }>('SELECT $1::int AS i', [i])),
    );
    expect(answers.map((a) => a.rows[0]?.i)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });
});

describe('PGlite thread lifecycle', () => {
  it(
    'fails to open, with the reason, when the data directory is unusable',
    async () => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'closer-thread-')), 'not-a-directory');
      writeFileSync(file, 'plain file');
      await expect(openPGliteThreadDatabase({ dataDir: file })).rejects.toThrow();
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'refuses work after close, and closing twice is harmless',
    async () => {
      const template = new Uint8Array(await (await pgliteTemplate()).arrayBuffer());
      const db = await openPGliteThreadDatabase({ dataDir: 'memory://', loadDataDir: template });
      expect(db.kind).toBe('pglite');
      // Without a procedures module there is no procedure method: callers run their procedures in their own thread.
      expect(db.procedure).toBeUndefined();
      await db.close();
      await db.close();
      await expect(db.query('SELECT 1')).rejects.toThrow('Database is closed');
    },
    SETUP_TIMEOUT_MS,
  );

  it(
    'fails the waiting call and every later one with the reason when the thread dies',
    async () => {
      const template = new Uint8Array(await (await pgliteTemplate()).arrayBuffer());
      const dying = await openPGliteThreadDatabase({
        dataDir: 'memory://',
        loadDataDir: template,
        procedures: new URL('../test-support/thread-procedures.ts', import.meta.url).href,
      });
      await expect(dying.procedure?.('exitThread', [])).rejects.toThrow('PGlite thread exited (code 3)');
      await expect(dying.query('SELECT 1')).rejects.toThrow('PGlite thread exited (code 3)');
      await dying.close();
    },
    SETUP_TIMEOUT_MS,
  );
});
