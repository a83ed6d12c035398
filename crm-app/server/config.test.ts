import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, IN_MEMORY_DATA_DIR, REPO_ROOT, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to 127.0.0.1:8787, PGlite in <repo>/.data/pglite and info logs', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      dataDir: path.join(REPO_ROOT, '.data/pglite'),
      logLevel: 'info',
    });
  });

  it('reads every variable, resolving a relative DATA_DIR against the repository root', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: 'tmp/db',
      DATABASE_URL: 'postgresql://u:p@db.internal:5432/closer',
      LOG_LEVEL: 'debug',
    });
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: path.join(REPO_ROOT, 'tmp/db'),
      databaseUrl: 'postgresql://u:p@db.internal:5432/closer',
      logLevel: 'debug',
    });
  });

  it('keeps an absolute DATA_DIR and the in-memory marker as they are', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/closer' }).dataDir).toBe('/var/lib/closer');
    expect(loadConfig({ DATA_DIR: IN_MEMORY_DATA_DIR }).dataDir).toBe(IN_MEMORY_DATA_DIR);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', LOG_LEVEL: '' })).toEqual(loadConfig({}));
  });

  it('accepts port 0 (any free port, used by tests)', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each([
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL/],
    [{ DATABASE_URL: 'mysql://u:p@h/db' }, /DATABASE_URL: must be a postgres/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('names every bad variable at once and never echoes a value (DATABASE_URL may hold a password)', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '-1', DATABASE_URL: 'mysql://user:hunter2@host/db' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('hunter2');
  });
});
