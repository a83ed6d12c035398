/**
 * The backend's one HubSpot client: every HubSpot call goes through it (the sync worker, portal setup, the settings
 * page's property check, live contact reads, and the OAuth token endpoints).
 *
 * Hand-written on fetch rather than `@hubspot/api-client`, because each call has to take part in the portal's rate
 * limiter, which the generated client knows nothing of: a call takes a slot (or uses one its caller already holds, as
 * the sync worker's paced batches do), stamps it when it leaves and when its answer arrives, and feeds HubSpot's
 * `X-HubSpot-RateLimit-*` headers from every answer, success or failure, back into it. Batch calls answer 207 with a
 * body of partial results and errors that the worker reads whole. Failures are one error type carrying the status,
 * headers and body, which the durable job queue classifies (it owns retries, so the client does not retry), and the
 * contact reads translate for the extension. The access token is refreshed once on 401.
 */
import { PortalRateLimiter } from '../sync/rate-limiter';

export class HubSpotError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
    /** The answer's headers, names in lower case; empty when there was no answer. */
    readonly headers: Record<string, string> = {},
    /** No answer within the call's time limit (status 0). */
    readonly timedOut = false,
  ) {
    super(message);
  }

  /** 429, 5xx and network failures (status 0) are worth retrying; other 4xx are the request's fault. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/** The portal has no access token to call HubSpot with (no active install, or the refresh failed). */
export class NoAccessTokenError extends Error {
  constructor(cause: unknown) {
    // The cause's own message: callers that only log it see what the token store said.
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** Where the client gets a portal's access token (the token store); `force` asks for a refreshed one. */
export interface AccessTokens {
  accessToken(portalId: number, force?: boolean): Promise<string>;
}

export interface HubSpotAnswer<T> {
  status: number;
  body: T;
}

export interface RequestOptions {
  /** The caller already acquired this limiter slot for the request. */
  slotStamp?: number;
  /** Not counted by HubSpot's ten-second limit (v4 default associations): skips the limiter. */
  exempt?: boolean;
  /**
   * A CRM search: HubSpot limits search on its own, per second and per account, outside the ten-second window, and
   * sends no rate-limit headers with it. It goes through the portal's search limiter instead of the main one.
   */
  search?: boolean;
  /** Answer a 404 instead of throwing it. */
  allow404?: boolean;
  /** The sync worker's requests, spread over the window (see the limiter's `paceFactor`). */
  paced?: boolean;
  /** Give up after this long (default 20 s); the error says `timedOut`. */
  timeoutMs?: number;
}

const TIMEOUT_MS = 20_000;

/** A raw answer from HubSpot: the status, the headers, and the body parsed as JSON (or the text when it is not). */
interface RawAnswer {
  status: number;
  ok: boolean;
  headers: Headers;
  body: unknown;
}

/**
 * One HTTP exchange with HubSpot, nothing else: no token, no limiter. Network failures and timeouts become a
 * HubSpotError with status 0.
 */
async function send(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | URLSearchParams; timeoutMs?: number },
): Promise<RawAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(init.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(init.timeoutMs) }),
    });
  } catch (error) {
    throw new HubSpotError(
      0,
      `network error: ${error instanceof Error ? error.message : String(error)}`,
      undefined,
      {},
      isTimeout(error),
    );
  }
  let text = '';
  try {
    text = await response.text();
  } catch (error) {
    // A body that stops arriving counts as no answer; any other read failure as an empty body.
    if (isTimeout(error)) throw new HubSpotError(0, `network error: ${(error as Error).message}`, undefined, {}, true);
  }
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, ok: response.ok, headers: response.headers, body };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/**
 * HubSpot's CRM search limit: 4 requests per second per account in its changelog ("CRM Search API Rate Limit
 * Increase"; later docs say 5). We keep to 4 in any second plus a margin, so a search is never refused for rate.
 */
export const SEARCH_LIMITS = { max: 4, windowMs: 1_000, marginMs: 100 };

export class HubSpotClient {
  private readonly limiters = new Map<number, PortalRateLimiter>();
  private readonly searchLimiters = new Map<number, PortalRateLimiter>();

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: AccessTokens,
    private readonly limits = { max: 110, windowMs: 10_000, marginMs: 250, paceFactor: 1.2 },
    private readonly searchLimits = SEARCH_LIMITS,
  ) {}

  /** The portal's search limiter; it starts calibrated, since search answers never carry headers to calibrate it. */
  searchLimiter(portalId: number): PortalRateLimiter {
    let limiter = this.searchLimiters.get(portalId);
    if (!limiter) {
      limiter = new PortalRateLimiter({ ...this.searchLimits, calibrated: true });
      this.searchLimiters.set(portalId, limiter);
    }
    return limiter;
  }

  limiter(portalId: number): PortalRateLimiter {
    let limiter = this.limiters.get(portalId);
    if (!limiter) {
      limiter = new PortalRateLimiter(this.limits);
      this.limiters.set(portalId, limiter);
    }
    return limiter;
  }

  /**
   * Sends one request for a portal with its access token, through its rate limiter. Throws a HubSpotError for an
   * answer that is not 2xx or 207 (nor an allowed 404), and a NoAccessTokenError when the portal has no token.
   */
  async request<T>(
    portalId: number,
    method: string,
    path: string,
    body?: unknown,
    opts: RequestOptions = {},
  ): Promise<HubSpotAnswer<T>> {
    const limiter = opts.search ? this.searchLimiter(portalId) : this.limiter(portalId);
    for (let authRetry = 0; ; authRetry += 1) {
      const slotTaken = opts.slotStamp !== undefined && authRetry === 0;
      let stamp = opts.exempt
        ? undefined
        : slotTaken
          ? opts.slotStamp
          : await limiter.acquire({ paced: opts.paced === true });
      let token: string;
      try {
        token = await this.tokens.accessToken(portalId, authRetry > 0);
      } catch (error) {
        // Nothing leaves: a slot taken here goes back (one the caller holds stays the caller's).
        if (stamp !== undefined && !slotTaken) limiter.release(stamp);
        throw new NoAccessTokenError(error);
      }
      if (stamp !== undefined) stamp = limiter.touch(stamp);
      let answer: RawAnswer;
      try {
        answer = await send(`${this.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          timeoutMs: opts.timeoutMs ?? TIMEOUT_MS,
        });
      } catch (error) {
        if (stamp !== undefined) limiter.touch(stamp);
        if (!opts.exempt) limiter.observe({}, 0);
        throw error;
      }
      if (stamp !== undefined) limiter.touch(stamp);
      const header = (name: string) => {
        const value = answer.headers.get(name);
        return value === null ? undefined : Number(value);
      };
      if (!opts.exempt) {
        limiter.observe(
          {
            max: header('x-hubspot-ratelimit-max'),
            remaining: header('x-hubspot-ratelimit-remaining'),
            intervalMs: header('x-hubspot-ratelimit-interval-milliseconds'),
          },
          answer.status,
        );
      }
      if (answer.status === 401 && authRetry === 0) continue;
      if (answer.ok || answer.status === 207 || (opts.allow404 && answer.status === 404)) {
        return { status: answer.status, body: answer.body as T };
      }
      const message = (answer.body as { message?: unknown } | undefined)?.message;
      throw new HubSpotError(
        answer.status,
        `HubSpot ${method} ${path} answered ${answer.status}: ${String(message ?? '')}`,
        answer.body,
        Object.fromEntries(answer.headers),
      );
    }
  }
}

/**
 * A call to HubSpot's OAuth endpoints (`/oauth/v1/...`): app credentials or the token itself instead of a portal's
 * bearer token, and outside the portals' rate limits. Answers whatever HubSpot answered; the caller judges it.
 */
export async function hubspotOAuth(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  opts: { form?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ status: number; ok: boolean; body: unknown }> {
  const answer = await send(`${baseUrl}${path}`, {
    method,
    headers: opts.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    ...(opts.form ? { body: new URLSearchParams(opts.form) } : {}),
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
  });
  return { status: answer.status, ok: answer.ok, body: answer.body };
}
