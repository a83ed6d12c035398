import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from '../config';
import type { Database } from '../db/database';
import { loadMigrations, migrate } from '../db/migrations';
import { startEmbeddedAutovacuum } from '../db/embedded-autovacuum';
import { openDatabase } from '../db/open-database';
import { createLogger, errorFields, type Logger } from '../logger';
import { healthzRoute, readyzRoute } from '../routes/healthz';
import { personaRoute } from '../routes/persona';
import type { AppConfig } from '../app-config';
import { appRoutes, createAppServices, type AppServices } from '../routes/app-routes';
import { readBody } from './body';
import { corsHeaders } from './cors';
import { HttpError } from './errors';
import { createRouter, type JsonResponse } from './router';

export interface StartServerOptions {
  logger?: Logger;
  /** Closer's HubSpot integration (extension API, OAuth, sync worker, card, webhooks); without it only the basics. */
  app?: AppConfig;
  /** Use this database instead of opening the configured one; the caller keeps ownership (close() leaves it open). */
  database?: Database;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787`, with the real port when the config asked for port 0. */
  url: string;
  database: Database;
  /** Present when started with `app`. */
  services?: AppServices;
  /** Stops accepting connections, lets in-flight requests finish (up to a grace period), then closes the database. */
  close(): Promise<void>;
}

/** hubspot.fetch gives up after 15 s; nothing we serve should take longer. */
const REQUEST_TIMEOUT_MS = 15_000;
/** After close(), connections still busy this long are cut. */
const SHUTDOWN_GRACE_MS = 5_000;
/** Accept a caller's request id only if it is short and harmless to log. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Opens (or takes) the database, applies pending migrations and starts the HTTP server. */
export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await openDatabase(config, logger));

  const migrations = loadMigrations();
  try {
    const { applied, version } = await migrate(database, { migrations, logger });
    logger.info('db.ready', { kind: database.kind, version, applied });
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }

  const services = options.app ? createAppServices(options.app, database, logger) : undefined;
  // PostgreSQL has autovacuum; the embedded database has nothing of the kind unless we run it (see the module).
  const autovacuum = ownsDatabase && database.kind === 'pglite' ? startEmbeddedAutovacuum(database, logger) : undefined;
  let closing = false;
  const route = createRouter([
    healthzRoute(),
    readyzRoute(migrations.length, () => closing),
    personaRoute(),
    ...(services ? appRoutes(services) : []),
  ]);
  const maxBody = options.app?.maxBodyBytes ?? 1024 * 1024;

  const server = http.createServer((req, res) => {
    const started = performance.now();
    const requestId = pickRequestId(req.headers['x-request-id']);
    const log = logger.child({ requestId });
    const method = req.method ?? 'GET';
    // An unparsable request target (e.g. `http://[`) must become a 400, not an exception that kills the process.
    const url = URL.parse(req.url ?? '/', 'http://server.invalid');
    res.setHeader('x-request-id', requestId);
    // Ask keep-alive clients to go away once we are shutting down.
    if (closing) res.setHeader('connection', 'close');
    // Only the path is logged: hubspot.fetch adds the user's e-mail address to the query string.
    res.on('finish', () =>
      log.info('http.request', {
        method,
        path: url?.pathname ?? '(unparsable)',
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      }),
    );
    const cors = corsHeaders(options.app?.extensionOrigin, req.headers.origin);
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);

    const respond = async (): Promise<JsonResponse> => {
      const body = await readBody(req, maxBody);
      if (!url) throw new HttpError(400, 'invalid_request', 'The request target is not a valid URL path');
      if (method === 'OPTIONS') {
        if (!cors['access-control-allow-origin']) throw new HttpError(403, 'cors_forbidden', 'Origin not allowed');
        return { status: 204, body: undefined };
      }
      const { route: matched, params } = route(method, url.pathname);
      return matched.handler({
        method,
        url,
        params,
        requestId,
        log,
        db: database,
        headers: req.headers,
        body,
        ...(req.socket.remoteAddress ? { remoteAddress: req.socket.remoteAddress } : {}),
      });
    };
    respond().then(
      (response) => {
        for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
        if (typeof response.body === 'string' && /^text\//.test(response.headers?.['content-type'] ?? '')) {
          sendText(res, response.status, response.body);
          return;
        }
        sendJson(res, response.status, response.body);
      },
      (error: unknown) => {
        if (error instanceof HttpError) {
          for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
          // An unread oversized body would otherwise keep streaming into a response already sent.
          if (error.status === 413) res.setHeader('connection', 'close');
          sendJson(res, error.status, { error: { code: error.code, message: error.message, requestId } });
          return;
        }
        log.error('http.unhandled_error', { method, path: url?.pathname, ...errorFields(error) });
        sendJson(res, 500, {
          error: { code: 'internal_error', message: 'Internal server error; quote the request id.', requestId },
        });
      },
    );
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;

  try {
    await listen(server, config.port, config.host);
  } catch (error) {
    await autovacuum?.stop();
    if (ownsDatabase) await database.close();
    throw error;
  }
  const url = formatUrl(server.address() as AddressInfo);
  logger.info('server.listening', { url, db: database.kind });
  services?.start();

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      closing = true;
      // The sync worker stops claiming at once and drains while the last requests are answered.
      const workerStopped = services?.stop();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      cut.unref();
      await stopped;
      clearTimeout(cut);
      await workerStopped;
      await autovacuum?.stop();
      if (ownsDatabase) await database.close();
      logger.info('server.stopped', { url });
    })();
    return closed;
  };

  return { url, database, close, ...(services ? { services } : {}) };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (status === 204 || (status >= 300 && status < 400)) {
    res.writeHead(status, { 'cache-control': 'no-store' });
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
  });
  res.end(payload);
}

/** A text answer (the device sign-in pages); the handler set its content type and security headers. */
function sendText(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

function pickRequestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function formatUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
