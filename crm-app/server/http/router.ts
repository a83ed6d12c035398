import type { IncomingHttpHeaders } from 'node:http';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { methodNotAllowed, notFound } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestContext {
  method: string;
  url: URL;
  /**
   * The request target exactly as it arrived (path and query, escapes untouched): what HubSpot's signatures hash.
   * `url` is re-serialised and may differ from it.
   */
  rawTarget?: string;
  /** Path parameters (`:name` segments), URL-decoded, not yet validated. */
  params: Record<string, string>;
  requestId: string;
  log: Logger;
  db: Database;
  headers: IncomingHttpHeaders;
  /** The peer's address (per-IP limits); proxies' X-Forwarded-For is not trusted. */
  remoteAddress?: string;
  /** The raw request body (signatures are computed over it); empty for bodiless requests. */
  body: Buffer;
}

export interface JsonResponse {
  status: number;
  /** Sent as JSON, or as is when it is a string and `headers` give a text content type (HTML pages). */
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: HttpMethod;
  /** Literal segments and `:name` parameters, e.g. `/v1/contacts/:contactId/persona`. */
  path: string;
  handler: (context: RequestContext) => Promise<JsonResponse>;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

/** Route table lookup. Throws 404 for an unknown path and 405 (with `Allow`) for a known path and wrong method. */
export function createRouter(routes: Route[]): (method: string, pathname: string) => Match {
  const compiled: CompiledRoute[] = routes.map((route) => ({ ...route, pattern: compile(route.path) }));

  return (method, pathname) => {
    const allowed: string[] = [];
    for (const route of compiled) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [name, raw] of Object.entries(match.groups ?? {})) params[name] = safeDecode(raw);
      return { route, params };
    }
    if (allowed.length > 0) throw methodNotAllowed(method, pathname, allowed);
    throw notFound(method, pathname);
  };
}

function compile(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

// A malformed escape (`%zz`) is passed through as is; the route's own validation then rejects it with a 400.
function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
