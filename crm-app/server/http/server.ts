/**
 * The HTTP transport: request ids, one log line per request, CORS, body limits, routing and JSON error answers, and a
 * graceful close. It serves whatever routes it is given; which routes exist is the app's business (app.ts).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../db/database';
import { errorFields, type Logger } from '../logger';
import { readBody } from './body';
import { corsHeaders } from './cors';
import { HttpError } from './errors';
import { createRouter, type JsonResponse, type Route } from './router';

export interface HttpServerOptions {
  port: number;
  host: string;
  routes: Route[];
  /** Handed to every handler as `ctx.db`. */
  database: Database;
  logger: Logger;
  /** The extension's origin, the only one CORS lets in; none when unset. */
  extensionOrigin?: string | undefined;
  maxBodyBytes: number;
}

export interface HttpServer {
  /** e.g. `http://127.0.0.1:8787`, with the real port when asked for port 0. */
  url: string;
  /** Stops accepting connections and lets in-flight requests finish, up to a grace period. */
  close(): Promise<void>;
}

/** hubspot.fetch gives up after 15 s; nothing we serve should take longer. */
const REQUEST_TIMEOUT_MS = 15_000;
/** After close(), connections still busy this long are cut. */
const SHUTDOWN_GRACE_MS = 5_000;
/** Accept a caller's request id only if it is short and harmless to log. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Listens on the given port and host and serves `routes`. */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { logger, database } = options;
  const route = createRouter(options.routes);
  const maxBody = options.maxBodyBytes;
  let closing = false;

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
    const cors = corsHeaders(options.extensionOrigin, req.headers.origin);
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
        rawTarget: req.url ?? '/',
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

  await listen(server, options.port, options.host);
  const url = formatUrl(server.address() as AddressInfo);

  const close = async () => {
    closing = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    cut.unref();
    await stopped;
    clearTimeout(cut);
  };
  return { url, close };
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
