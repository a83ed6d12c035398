/**
 * startServer opening the PostgreSQL database named by DATABASE_URL (the production path), as opposed to the
 * borrowed test databases of app.test.ts. Its PGlite counterpart, DATA_DIR, is covered through main.ts in
 * main.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { openTestDatabase, type TestDatabase } from './test-support/test-databases';
import { startServer } from './app';

function collectingLogger() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', write: (line) => lines.push(line) });
  const events = (name: string) =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.event === name);
  return { logger, events };
}

describe('startServer with DATABASE_URL', () => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.dispose();
    test = undefined;
  });

  it('migrates the PostgreSQL database, never logs its password, and closes its pool', async () => {
    test = await openTestDatabase('postgres');
    const { logger, events } = collectingLogger();

    const server = await startServer(loadConfig({ PORT: '0', DATABASE_URL: test.url }), { logger });
    try {
      const health = (await (await fetch(`${server.url}/readyz`)).json()) as { db: { kind: string } };
      expect(health.db.kind).toBe('postgres');
    } finally {
      await server.close();
    }

    const password = new URL(test.url ?? '').password;
    expect(password).not.toBe('');
    expect(events('db.opened')[0]).toMatchObject({ kind: 'postgres' });
    expect(JSON.stringify(events('db.opened'))).not.toContain(`:${password}@`);
    await expect(server.database.query('SELECT 1')).rejects.toThrow('Database is closed');
    const tables = await test.db.query('SELECT version FROM schema_migrations');
    expect(tables.rows.length).toBeGreaterThan(0);
  });

  it('fails to start, rather than hang, when PostgreSQL is unreachable', async () => {
    const { logger } = collectingLogger();
    const config = loadConfig({ PORT: '0', DATABASE_URL: 'postgresql://nobody:pw@127.0.0.1:1/none' });

    await expect(startServer(config, { logger })).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
