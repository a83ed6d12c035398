/**
 * A local stand-in for the part of HubSpot's API Closer uses, with HubSpot's request and error shapes, its
 * per-portal TEN_SECONDLY_ROLLING limit (headers on every limited answer) and injectable faults. State lives in
 * memory; tests inspect it through `state` or the `/__sandbox/*` endpoints.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRng } from '../../shared/common/random';
import { DEV_HUBSPOT_CLIENT } from '../server/hubspot/dev-client';
import * as crm from './crm-handlers';
import * as properties from './properties';
import * as search from './search';
import { SandboxError, validation } from './errors';
import { availableScopes, grantScopes, requireScope } from './scopes';
import { countDuplicates, createPortal, type PortalState, type PropertyObjectType, type Tier } from './state';

const PROPERTIES_PATH = /^\/crm\/v3\/properties\/(?<type>contacts|notes|emails)$/;
const GROUPS_PATH = /^\/crm\/v3\/properties\/(?<type>contacts|notes|emails)\/groups$/;

/**
 * HubSpot's date-versioned paths (`/crm/objects/2026-03/contacts/…`, `/crm/properties/2026-03/…`; developers.hubspot.com
 * "API versioning", the 2026-03 reference) answer as their v3 equivalents do.
 */
export function undated(path: string): string {
  return path.replace(/^\/crm\/(objects|properties)\/\d{4}-\d{2}\//, '/crm/v3/$1/');
}

export interface Faults {
  /** Share of limited requests answered with a 5xx (after being counted against the limit). */
  errorRate: number;
  /** Added before every answer. */
  latencyMs: number;
  /** Share of requests whose connection is cut; half before and half after the change is applied. */
  dropRate: number;
  /** Faults hit only paths this matches (all limited paths when absent), to aim them at one step of a flow. */
  paths?: RegExp;
  /** Share of records in a batch write that fail alone (transient), answered in a 207 with the others written. */
  partialRate: number;
  /** Record keys (email, closer_event_id, record id) every batch write refuses for good, in a 207. */
  refuseRecords: string[];
  /** How long a written record stays invisible to search (HubSpot indexes asynchronously). */
  searchLagMs: number;
}

export interface SandboxOptions {
  port?: number;
  portals?: { id: number; tier?: Tier; withheldScopes?: string[] }[];
  rateLimit?: { max: number; windowMs: number };
  clientId?: string;
  clientSecret?: string;
  accessTokenTtlS?: number;
  faults?: Partial<Faults>;
  /** Leave `hub_id` out of token answers (HubSpot's spec marks it optional there; the token info has it). */
  tokenResponseWithoutHubId?: boolean;
  /** CRM search's per-second limit per portal (default 4). */
  searchPerSecond?: number;
  /**
   * Seeds the rolls that decide which requests fail, so a test that must see a fault sees the same ones on every
   * run (unseeded, 30% faults over 15 requests still miss all of them once in 200 runs).
   */
  faultSeed?: number;
}

export interface SandboxState {
  portals: Map<number, PortalState>;
  faults: Faults;
  clientId: string;
  clientSecret: string;
  /**
   * A ready access token for a portal, as if the app had been installed (benchmarks use it); by default with every
   * scope the portal can grant.
   */
  issueAccessToken(portalId: number, user?: SandboxUser, scopes?: string[]): string;
  duplicates(portalId: number): { contacts: number; engagements: number };
  /** 429 answers sent per portal (ten-second window and search alike). */
  rateLimited(portalId: number): number;
  /** Of those, the search 429s. */
  searchThrottled(portalId: number): number;
  /** Search requests received (answered or throttled). */
  searches(portalId: number): number;
}

export interface RunningSandbox {
  url: string;
  state: SandboxState;
  close(): Promise<void>;
}

type Body = Record<string, unknown>;
/** The HubSpot user who approves installs unless `/oauth/authorize` is given a `user_id`. */
export interface SandboxUser {
  id: number;
  email: string;
}
export const DEFAULT_USER: SandboxUser = { id: 7001, email: 'rep@sandbox.invalid' };
const MAX_BODY = 5 * 1024 * 1024;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const rate = options.rateLimit ?? { max: 110, windowMs: 10_000 };
  const roll = options.faultSeed === undefined ? Math.random : createRng(options.faultSeed, 'mulberry32');
  const ttl = options.accessTokenTtlS ?? 1800;
  const portals = new Map<number, PortalState>();
  for (const p of options.portals ?? [{ id: 101, tier: 'free' as const }])
    portals.set(p.id, createPortal(p.id, p.tier ?? 'free', rate, p.withheldScopes, options.searchPerSecond));
  interface Grant {
    portalId: number;
    user: SandboxUser;
    scopes: string[];
  }
  const accessTokens = new Map<string, Grant & { expiresAt: number }>();
  const refreshTokens = new Map<string, Grant>();
  const codes = new Map<string, Grant & { redirectUri: string }>();

  const issueAccessToken = (portalId: number, user: SandboxUser = DEFAULT_USER, scopes?: string[]) => {
    const token = `sbx-at-${randomBytes(24).toString('hex')}`;
    const granted = scopes ?? availableScopes(portalOf(portalId));
    accessTokens.set(token, { portalId, expiresAt: Date.now() + ttl * 1000, user, scopes: granted });
    return token;
  };
  const state: SandboxState = {
    portals,
    faults: {
      errorRate: 0,
      latencyMs: 0,
      dropRate: 0,
      partialRate: 0,
      refuseRecords: [],
      searchLagMs: 0,
      ...options.faults,
    },
    clientId: options.clientId ?? DEV_HUBSPOT_CLIENT.id,
    clientSecret: options.clientSecret ?? DEV_HUBSPOT_CLIENT.secret,
    issueAccessToken,
    duplicates: (id) => countDuplicates(portalOf(id)),
    rateLimited: (id) => portalOf(id).statusCounts.get(429) ?? 0,
    searchThrottled: (id) => searchThrottledCounts.get(id) ?? 0,
    searches: (id) => searchCounts.get(id) ?? 0,
  };
  const searchThrottledCounts = new Map<number, number>();
  const searchCounts = new Map<number, number>();
  const recordFaults: crm.RecordFaults = {
    refuse: (key) => state.faults.refuseRecords.includes(key.toLowerCase()) || state.faults.refuseRecords.includes(key),
    transient: () => state.faults.partialRate > 0 && roll() < state.faults.partialRate,
  };
  function portalOf(id: number): PortalState {
    const portal = portals.get(id);
    if (!portal) throw new Error(`unknown sandbox portal ${id}`);
    return portal;
  }

  function authenticate(req: http.IncomingMessage): { portal: PortalState; scopes: string[] } {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const grant = match ? accessTokens.get(match[1] ?? '') : undefined;
    if (!grant) {
      throw new SandboxError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    }
    if (grant.expiresAt <= Date.now()) {
      throw new SandboxError(401, 'EXPIRED_AUTHENTICATION', 'The OAuth token used to make this call expired.');
    }
    return { portal: portalOf(grant.portalId), scopes: grant.scopes };
  }

  function oauthToken(form: URLSearchParams): crm.Answer {
    if (form.get('client_id') !== state.clientId || form.get('client_secret') !== state.clientSecret) {
      throw new SandboxError(400, 'BAD_CLIENT_ID', 'missing or unknown client id', { error: 'BAD_CLIENT_ID' });
    }
    let grant: Grant | undefined;
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      if (!code || code.redirectUri !== form.get('redirect_uri')) {
        throw new SandboxError(400, 'BAD_AUTH_CODE', 'missing or unknown auth code', { error: 'BAD_AUTH_CODE' });
      }
      codes.delete(form.get('code') ?? '');
      grant = { portalId: code.portalId, user: code.user, scopes: code.scopes };
    } else if (grantType === 'refresh_token') {
      grant = refreshTokens.get(form.get('refresh_token') ?? '');
      if (grant === undefined) {
        throw new SandboxError(400, 'BAD_REFRESH_TOKEN', 'missing or unknown refresh token', {
          error: 'BAD_REFRESH_TOKEN',
        });
      }
    } else {
      throw new SandboxError(400, 'BAD_GRANT_TYPE', 'unsupported grant_type', { error: 'BAD_GRANT_TYPE' });
    }
    const refresh =
      grantType === 'refresh_token' ? (form.get('refresh_token') ?? '') : `sbx-rt-${randomBytes(24).toString('hex')}`;
    refreshTokens.set(refresh, grant);
    return {
      status: 200,
      body: {
        token_type: 'bearer',
        access_token: issueAccessToken(grant.portalId, grant.user, grant.scopes),
        refresh_token: refresh,
        expires_in: ttl,
        ...(options.tokenResponseWithoutHubId ? {} : { hub_id: grant.portalId }),
      },
    };
  }

  /** `GET /oauth/v1/access-tokens/{token}`: who the token belongs to (HubSpot's token metadata shape). */
  function accessTokenInfo(token: string): crm.Answer {
    const grant = accessTokens.get(token);
    if (!grant || grant.expiresAt <= Date.now()) {
      throw new SandboxError(404, 'NOT_FOUND', 'Token not found or expired', { error: 'NOT_FOUND' });
    }
    return {
      status: 200,
      body: {
        token,
        user: grant.user.email,
        hub_domain: `portal-${grant.portalId}.sandbox.invalid`,
        scopes: grant.scopes,
        signed_access_token: {},
        hub_id: grant.portalId,
        app_id: 1,
        expires_in: Math.max(0, Math.round((grant.expiresAt - Date.now()) / 1000)),
        user_id: grant.user.id,
        token_type: 'access',
      },
    };
  }

  /**
   * Simulates the user approving the install on the portal given by `portal_id` (default: the first), as the user
   * `user_id` (default: the sandbox's one user): redirects straight back with a code, so it works in a browser tab.
   */
  function authorize(url: URL): { location: string } {
    if (url.searchParams.get('client_id') !== state.clientId) throw validation('unknown client_id');
    const redirectUri = url.searchParams.get('redirect_uri') ?? '';
    if (!URL.canParse(redirectUri)) throw validation('redirect_uri must be an absolute URL');
    const portalId = Number(url.searchParams.get('portal_id') ?? [...portals.keys()][0]);
    const words = (name: string) => url.searchParams.get(name)?.split(/\s+/).filter(Boolean);
    const scopes = grantScopes(portalOf(portalId), words('scope'), words('optional_scope') ?? []);
    const userId = Number(url.searchParams.get('user_id') ?? DEFAULT_USER.id);
    if (!Number.isSafeInteger(userId) || userId <= 0) throw validation('user_id must be a positive integer');
    const user = userId === DEFAULT_USER.id ? DEFAULT_USER : { id: userId, email: `user-${userId}@sandbox.invalid` };
    const code = randomBytes(16).toString('hex');
    codes.set(code, { portalId, redirectUri, user, scopes });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const stateParam = url.searchParams.get('state');
    if (stateParam !== null) target.searchParams.set('state', stateParam);
    return { location: target.toString() };
  }

  /** Routes that count against the rate limit; search is exempt (and carries no rate-limit headers), as on HubSpot. */
  const limitedRoutes: {
    method: string;
    pattern: RegExp;
    handle: (p: PortalState, body: Body, params: Record<string, string>, method: string, url: URL) => crm.Answer;
  }[] = [
    {
      method: 'GET',
      pattern: /^\/crm\/v3\/objects\/contacts\/(?<id>\d+)$/,
      handle: (p, _b, params, _m, url) => crm.contactGetById(p, params.id ?? '', url),
    },
    {
      method: 'POST',
      pattern: /^\/crm\/v3\/objects\/(?<type>notes|emails)\/batch\/read$/,
      handle: (p, b, params) => crm.engagementsBatchRead(p, params.type as 'notes' | 'emails', b),
    },
    {
      method: 'POST',
      pattern: /^\/crm\/v3\/objects\/contacts\/batch\/upsert$/,
      handle: (p, b) => crm.contactsBatchUpsert(p, b, recordFaults),
    },
    {
      method: 'POST',
      pattern: /^\/crm\/v3\/objects\/contacts\/batch\/update$/,
      handle: (p, b) => crm.contactsBatchUpdate(p, b, recordFaults),
    },
    {
      method: 'POST',
      pattern: /^\/crm\/v3\/objects\/contacts\/batch\/read$/,
      handle: (p, b) => crm.contactsBatchRead(p, b),
    },
    {
      method: 'POST',
      pattern: /^\/crm\/v3\/objects\/(?<type>notes|emails)\/batch\/create$/,
      handle: (p, b, params) => crm.engagementsBatchCreate(p, params.type as 'notes' | 'emails', b, recordFaults),
    },
    {
      method: 'PUT',
      pattern:
        /^\/crm\/v4\/objects\/(?<fromType>\w+)\/(?<fromId>\d+)\/associations\/default\/(?<toType>\w+)\/(?<toId>\d+)$/,
      handle: (p, _b, params) => crm.associateDefault(p, params),
    },
    {
      method: 'GET',
      pattern: /^\/crm\/v4\/objects\/(?<fromType>\w+)\/(?<fromId>\d+)\/associations\/(?<toType>\w+)$/,
      handle: (p, _b, params) => crm.listAssociations(p, params),
    },
    {
      method: 'GET',
      pattern: PROPERTIES_PATH,
      handle: (p, _b, params) => properties.listProperties(p, params.type as PropertyObjectType),
    },
    {
      method: 'POST',
      pattern: PROPERTIES_PATH,
      handle: (p, b, params) => properties.createProperty(p, params.type as PropertyObjectType, b),
    },
    {
      method: 'GET',
      pattern: GROUPS_PATH,
      handle: (p, _b, params) => properties.listGroups(p, params.type as PropertyObjectType),
    },
    {
      method: 'POST',
      pattern: GROUPS_PATH,
      handle: (p, b, params) => properties.createGroup(p, params.type as PropertyObjectType, b),
    },
    {
      method: 'POST',
      pattern: crm.CUSTOM_UPSERT_PATH,
      handle: (p, b, params) => crm.customBatchUpsert(p, params.type ?? '', b, recordFaults),
    },
    {
      method: 'POST',
      pattern: crm.ASSOCIATE_DEFAULT_PATH,
      handle: (p, b, params) => crm.batchAssociateDefault(p, params, b),
    },
    { method: 'GET', pattern: /^\/crm(-object-schemas)?\/v3\/schemas$/, handle: (p, b, _x, m) => crm.schemas(p, m, b) },
    {
      method: 'POST',
      pattern: /^\/crm(-object-schemas)?\/v3\/schemas$/,
      handle: (p, b, _x, m) => crm.schemas(p, m, b),
    },
  ];

  /**
   * Rate limiting happens when the request arrives (headers read), as HubSpot counts it, not after its body has been
   * read and parsed: a busy sandbox must not count requests later than they were sent.
   */
  interface Admission {
    portal?: PortalState;
    scopes: string[];
    headers: Record<string, string>;
    limited: boolean;
    /** A search request that fit the search limit (taken at arrival too). */
    searchAdmitted?: boolean;
    error?: unknown;
  }
  function admit(req: http.IncomingMessage, url: URL): Admission {
    const method = req.method ?? 'GET';
    const admission: Admission = { headers: {}, limited: false, scopes: [] };
    if (url.pathname.startsWith('/__sandbox/') || url.pathname.startsWith('/oauth/')) return admission;
    try {
      const who = authenticate(req);
      admission.portal = who.portal;
      admission.scopes = who.scopes;
    } catch (error) {
      admission.error = error;
      return admission;
    }
    // Search has a limit of its own, without headers; v4 default associations are exempt from the ten-second limit.
    if (/\/search$/.test(url.pathname)) {
      admission.searchAdmitted = search.admitSearch(admission.portal, Date.now());
      return admission;
    }
    if (crm.ASSOCIATE_DEFAULT_PATH.test(url.pathname)) return admission;
    if (!limitedRoutes.some((r) => r.method === method && r.pattern.test(url.pathname))) return admission;
    const limiter = admission.portal.limiter;
    const remaining = limiter.take(Date.now());
    admission.headers = {
      'x-hubspot-ratelimit-max': String(limiter.max),
      'x-hubspot-ratelimit-interval-milliseconds': String(limiter.windowMs),
      'x-hubspot-ratelimit-remaining': String(Math.max(0, remaining)),
    };
    admission.limited = remaining < 0;
    return admission;
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    url.pathname = undated(url.pathname);
    const admission = admit(req, url);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      void handle(req, res, url, admission, Buffer.concat(chunks).toString('utf8'), size).catch(() => res.destroy());
    });
  });

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    admission: Admission,
    raw: string,
    size: number,
  ) {
    const method = req.method ?? 'GET';
    const headers = admission.headers;
    const portal = admission.portal;
    const send = async (status: number, body: unknown, extra: Record<string, string> = {}) => {
      if (state.faults.latencyMs > 0) await new Promise((r) => setTimeout(r, state.faults.latencyMs));
      if (portal) portal.statusCounts.set(status, (portal.statusCounts.get(status) ?? 0) + 1);
      const payload = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers, ...extra });
      res.end(payload);
    };
    try {
      if (size > MAX_BODY) throw new SandboxError(413, 'VALIDATION_ERROR', 'Request body too large');
      if (url.pathname.startsWith('/__sandbox/')) return await send(...inspect(method, url, raw));
      if (method === 'GET' && url.pathname === '/oauth/authorize') {
        const { location } = authorize(url);
        res.writeHead(302, { location });
        return void res.end();
      }
      const tokenInfo = /^\/oauth\/v1\/access-tokens\/([^/]+)$/.exec(url.pathname);
      if (method === 'GET' && tokenInfo) {
        const answer = accessTokenInfo(decodeURIComponent(tokenInfo[1] ?? ''));
        return await send(answer.status, answer.body);
      }
      if (method === 'POST' && url.pathname === '/oauth/v1/token') {
        const answer = oauthToken(new URLSearchParams(raw));
        return await send(answer.status, answer.body);
      }
      if (admission.error !== undefined) throw admission.error;
      const body = parseJson(raw);
      if (!portal) throw new SandboxError(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
      requireScope(admission.scopes, method, url.pathname);
      if (method === 'POST' && /^\/crm\/v3\/objects\/(contacts|notes|emails)\/search$/.test(url.pathname)) {
        searchCounts.set(portal.id, (searchCounts.get(portal.id) ?? 0) + 1);
        if (!admission.searchAdmitted) {
          searchThrottledCounts.set(portal.id, (searchThrottledCounts.get(portal.id) ?? 0) + 1);
          const throttled = search.searchThrottled();
          return await send(throttled.status, throttled.body);
        }
        const type = url.pathname.split('/')[4] as 'contacts' | 'notes' | 'emails';
        const objects = type === 'contacts' ? portal.contacts.values() : portal.engagements[type].values();
        const answer = search.search(portal, objects, body, state.faults.searchLagMs);
        return await send(answer.status, answer.body);
      }
      const match = limitedRoutes
        .map((r) => ({ r, m: r.pattern.exec(url.pathname) }))
        .find((x) => x.m && x.r.method === method);
      if (!match?.m) throw new SandboxError(404, 'OBJECT_NOT_FOUND', `No such endpoint: ${method} ${url.pathname}`);
      if (admission.limited) {
        return await send(429, {
          status: 'error',
          message: 'You have reached your ten_secondly_rolling limit.',
          errorType: 'RATE_LIMIT',
          correlationId: randomBytes(8).toString('hex'),
          policyName: 'TEN_SECONDLY_ROLLING',
        });
      }
      const dice = state.faults.paths && !state.faults.paths.test(url.pathname) ? 1 : roll();
      if (dice < state.faults.dropRate / 2) return void res.socket?.destroy();
      if (dice < state.faults.dropRate / 2 + state.faults.errorRate) {
        return await send(502, { status: 'error', message: 'Bad gateway (injected)', category: 'INTERNAL_ERROR' });
      }
      const answer = match.r.handle(portal, body, (match.m.groups ?? {}) as Record<string, string>, method, url);
      if (dice < state.faults.dropRate + state.faults.errorRate) return void res.socket?.destroy();
      return await send(answer.status, answer.body);
    } catch (error) {
      if (error instanceof SandboxError) return await send(error.status, error.body());
      return await send(500, { status: 'error', message: String(error), category: 'INTERNAL_ERROR' });
    }
  }

  /** Test-only inspection and control; no auth, loopback only. */
  function inspect(method: string, url: URL, raw: string): [number, unknown] {
    const portalId = Number(url.searchParams.get('portalId') ?? [...portals.keys()][0]);
    const portal = portalOf(portalId);
    if (method === 'GET' && url.pathname === '/__sandbox/contacts')
      return [200, { results: [...portal.contacts.values()] }];
    if (method === 'GET' && url.pathname === '/__sandbox/engagements') {
      return [200, { notes: [...portal.engagements.notes.values()], emails: [...portal.engagements.emails.values()] }];
    }
    if (method === 'GET' && url.pathname === '/__sandbox/stats') {
      return [
        200,
        {
          contacts: portal.contacts.size,
          notes: portal.engagements.notes.size,
          emails: portal.engagements.emails.size,
          statusCounts: Object.fromEntries(portal.statusCounts),
          duplicates: countDuplicates(portal),
          properties: [...portal.properties.keys()],
          groups: [...portal.groups.keys()],
        },
      ];
    }
    if (method === 'GET' && url.pathname === '/__sandbox/property') {
      // One property of every contact, by email: how a benchmark in another process checks what arrived.
      const name = url.searchParams.get('name') ?? '';
      const values: Record<string, string | null> = {};
      for (const [email, id] of portal.contactByEmail)
        values[email] = portal.contacts.get(id)?.properties[name] ?? null;
      return [200, { values }];
    }
    if (method === 'POST' && url.pathname === '/__sandbox/faults') {
      Object.assign(state.faults, parseJson(raw));
      return [200, state.faults];
    }
    if (method === 'POST' && url.pathname === '/__sandbox/tokens')
      return [200, { access_token: issueAccessToken(portalId) }];
    return [404, { status: 'error', message: 'unknown sandbox endpoint', category: 'OBJECT_NOT_FOUND' }];
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parseJson(raw: string): Body {
  if (raw.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Body;
  } catch {
    throw validation('Invalid input JSON on line 1: the body is not a JSON object');
  }
}
