/** The real entry point in a child process: configuration from the environment, JSON logs, signals. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './config';
import {
  openTestDatabase,
  seedPGliteDataDir,
  SETUP_TIMEOUT_MS,
  type TestDatabase,
} from './test-support/test-databases';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

interface RunningMain {
  child: ChildProcess;
  lines: () => Record<string, unknown>[];
  exit: Promise<number | null>;
  url: Promise<string>;
}

function runMain(env: Record<string, string>): RunningMain {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = () =>
    stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = lines().find((line) => line.event === 'server.listening');
      if (listening) resolve(String(listening.url));
    });
    void exit.then((code) => reject(new Error(`main.ts exited with ${code} before listening: ${stdout}${stderr}`)));
  });
  // Tests that expect an early exit never await the URL; its rejection is not an error for them.
  url.catch(() => undefined);
  return { child, lines, exit, url };
}

describe('main.ts', () => {
  let dataDir: string | undefined;
  let test: TestDatabase | undefined;
  let running: RunningMain | undefined;
  afterEach(async () => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    running = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
    await test?.dispose();
    test = undefined;
  });

  it(
    'reopens a PGlite DATA_DIR without re-migrating, serves, and stops on SIGTERM',
    { timeout: SETUP_TIMEOUT_MS },
    async () => {
      // The state a previous run leaves behind, built in-process: a fresh initdb would add 8 s to 40 s.
      dataDir = mkdtempSync(path.join(tmpdir(), 'closer-main-'));
      await seedPGliteDataDir(dataDir, { migrated: true });
      running = runMain({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' });

      const url = await running.url;
      const health = (await (await fetch(`${url}/readyz`)).json()) as { db: Record<string, unknown> };
      expect(health.db).toMatchObject({ ok: true, kind: 'pglite' });
      running.child.kill('SIGTERM');

      expect(await running.exit).toBe(0);
      const lines = running.lines();
      const events = lines.map((line) => line.event);
      expect(events).toEqual([
        'db.opened',
        'db.ready',
        'server.listening',
        'http.request',
        'server.shutdown',
        'server.stopped',
      ]);
      expect(lines[0]).toMatchObject({ kind: 'pglite', target: dataDir, created: false });
      expect(lines[1]).toMatchObject({ applied: [] });
      expect(lines[4]).toMatchObject({ signal: 'SIGTERM' });
    },
  );

  it('serves on PostgreSQL and shuts down cleanly on SIGINT', { timeout: SETUP_TIMEOUT_MS }, async () => {
    test = await openTestDatabase('postgres');
    running = runMain({ PORT: '0', DATABASE_URL: test.url ?? '' });

    const url = await running.url;
    const health = (await (await fetch(`${url}/readyz`)).json()) as { db: { kind: string } };
    expect(health.db.kind).toBe('postgres');
    running.child.kill('SIGINT');

    expect(await running.exit).toBe(0);
    expect(running.lines().at(-1)).toMatchObject({ event: 'server.stopped' });
  });

  it('exits with code 2 and a JSON error on invalid configuration, without echoing values', async () => {
    running = runMain({ PORT: 'not-a-port', DATABASE_URL: 'mysql://root:hunter2@db/x' });

    expect(await running.exit).toBe(2);
    const [line] = running.lines();
    expect(line).toMatchObject({ level: 'error', event: 'config.invalid' });
    expect(String(line?.message)).toMatch(/PORT.*DATABASE_URL/);
    expect(JSON.stringify(running.lines())).not.toContain('hunter2');
  });

  it('refuses to start in production on development secrets, naming each variable and no value', async () => {
    running = runMain({
      NODE_ENV: 'production',
      PORT: '0',
      DATA_DIR: 'memory://',
      PUBLIC_URL: 'https://closer.example.com',
      HUBSPOT_CLIENT_SECRET: 'closer-dev-secret',
    });

    expect(await running.exit).toBe(2);
    const message = String(running.lines()[0]?.message);
    expect(message).toContain('HUBSPOT_CLIENT_ID is not set');
    expect(message).toContain('HUBSPOT_CLIENT_SECRET is a development default');
    expect(message).toContain('CLOSER_TOKEN_KEY is not set');
    expect(message).not.toContain('closer-dev-secret');
  });
});
