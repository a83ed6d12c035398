import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { loadMigrations } from './db/migrations';
import { createLogger } from './logger';
import { PersonaResponse } from './routes/persona';
import { DATABASE_KINDS, useTestDatabase } from './test-support/test-databases';
import { startServer, type RunningServer } from './app';

const latest = loadMigrations().length;

describe.each(DATABASE_KINDS)('HTTP server on %s', (kind) => {
  const database = useTestDatabase(kind);

  /** Starts a server on the test's database, on a free port, collecting its log lines. */
  async function start(): Promise<{ server: RunningServer; logs: () => Record<string, unknown>[] }> {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
    const server = await startServer(loadConfig({ PORT: '0' }), { logger, database: database().db });
    return { server, logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
  }

  async function withServer(test: (s: Awaited<ReturnType<typeof start>>) => Promise<void>): Promise<void> {
    const started = await start();
    try {
      await test(started);
    } finally {
      await started.server.close();
    }
  }

  it('migrates the database on start and reports it on /readyz; /healthz is liveness alone', async () => {
    await withServer(async ({ server, logs }) => {
      const response = await fetch(`${server.url}/readyz`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toEqual({
        status: 'ok',
        db: { ok: true, kind, migrationVersion: latest, latestMigration: latest },
      });
      expect(logs().find((l) => l.event === 'db.ready')).toMatchObject({ version: latest });
      const live = await fetch(`${server.url}/healthz`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
    });
  });

  it('answers 503 on /readyz when the database fails, while /healthz stays 200', async () => {
    await withServer(async ({ server, logs }) => {
      await database().db.close();

      const response = await fetch(`${server.url}/readyz`);

      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'error', db: { ok: false, kind } });
      expect(logs().some((l) => l.event === 'readyz.db_failed')).toBe(true);
      // Restarting the process would not bring the database back: liveness does not depend on it.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  });

  it('answers 503 on /readyz when the database is behind the code', async () => {
    await withServer(async ({ server }) => {
      await database().db.query('DELETE FROM schema_migrations WHERE version = $1', [latest]);

      const response = await fetch(`${server.url}/readyz`);

      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: 'error',
        db: { ok: false, migrationVersion: latest - 1, latestMigration: latest },
      });
    });
  });

  it('serves the persona placeholder the card expects', async () => {
    await withServer(async ({ server }) => {
      const response = await fetch(`${server.url}/v1/contacts/901/persona`);

      expect(response.status).toBe(200);
      const body = PersonaResponse.parse(await response.json());
      expect(body).toEqual({ contactId: '901', persona: null, campaignEvents: 0 });
    });
  });

  it('rejects a bad path parameter with a 400 that names it', async () => {
    await withServer(async ({ server }) => {
      const response = await fetch(`${server.url}/v1/contacts/12ab/persona`);

      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: Record<string, string> };
      expect(body.error).toMatchObject({ code: 'invalid_request' });
      expect(body.error.message).toBe('Invalid path: contactId: must be a HubSpot record id (digits only)');
      expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
    });
  });

  it('answers 404 and 405 in the same JSON error shape', async () => {
    await withServer(async ({ server }) => {
      const missing = await fetch(`${server.url}/nope`);
      const wrongMethod = await fetch(`${server.url}/healthz`, { method: 'POST', body: 'ignored' });

      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'not_found', message: 'No route for GET /nope' } });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('GET');
      expect(await wrongMethod.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
    });
  });

  it('answers 400 to a request target that is not a URL, and keeps serving', async () => {
    await withServer(async ({ server }) => {
      const { port } = new URL(server.url);
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.write('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        );
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });

      expect(raw).toMatch(/^HTTP\/1\.1 400/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  });

  it('keeps a sane caller request id, replaces a bad one, and logs one line per request', async () => {
    await withServer(async ({ server, logs }) => {
      const kept = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
      const replaced = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'bad id\twith spaces' } });

      expect(kept.headers.get('x-request-id')).toBe('abc-123');
      const generated = replaced.headers.get('x-request-id') ?? '';
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      const requests = logs().filter((l) => l.event === 'http.request');
      expect(requests).toEqual([
        expect.objectContaining({ requestId: 'abc-123', method: 'GET', path: '/healthz', status: 200 }),
        expect.objectContaining({ requestId: generated, path: '/healthz', status: 200 }),
      ]);
      expect(typeof requests[0]?.ms).toBe('number');
    });
  });

  it('never logs credentials, headers or the query string', async () => {
    await withServer(async ({ server, logs }) => {
      await fetch(`${server.url}/v1/contacts/5/persona?userEmail=ann%40example.com&portalId=1`, {
        headers: { authorization: 'Bearer top-secret-token', cookie: 'session=s3cr3t' },
      });

      const text = JSON.stringify(logs());
      for (const secret of ['top-secret-token', 's3cr3t', 'ann', 'userEmail']) expect(text).not.toContain(secret);
      expect(logs().find((l) => l.event === 'http.request')).toMatchObject({ path: '/v1/contacts/5/persona' });
    });
  });

  it('fails to start on a port that is taken', async () => {
    await withServer(async ({ server }) => {
      const port = new URL(server.url).port;
      const logger = createLogger({ level: 'silent' });

      await expect(startServer(loadConfig({ PORT: port }), { logger, database: database().db })).rejects.toThrow(
        /EADDRINUSE/,
      );
    });
  });

  it('stops listening on close, leaves a borrowed database open, and closing twice is harmless', async () => {
    const { server, logs } = await start();

    await Promise.all([server.close(), server.close()]);

    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(await database().db.query('SELECT 1 AS one')).toMatchObject({ rows: [{ one: 1 }] });
    expect(logs().filter((l) => l.event === 'server.stopped')).toHaveLength(1);
  });
});
