/**
 * Minimal HubSpot API client for the sync engine and portal setup: JSON over fetch, the portal's rate limiter
 * around every counted call, token refresh on 401. It does not retry: the job queue owns retries, durably.
 */
import type { TokenStore } from '../oauth/token-store';
import { PortalRateLimiter } from './rate-limiter';

export class HubSpotError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }

  /** 429, 5xx and network failures (status 0) are worth retrying; other 4xx are the request's fault. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface HubSpotAnswer<T> {
  status: number;
  body: T;
}

const TIMEOUT_MS = 20_000;

export class HubSpotClient {
  private readonly limiters = new Map<number, PortalRateLimiter>();

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenStore,
    private readonly limits = { max: 110, windowMs: 10_000, marginMs: 250, paceFactor: 1.2 },
  ) {}

  limiter(portalId: number): PortalRateLimiter {
    let limiter = this.limiters.get(portalId);
    if (!limiter) {
      limiter = new PortalRateLimiter(this.limits);
      this.limiters.set(portalId, limiter);
    }
    return limiter;
  }

  /**
   * Sends one request. `slotStamp`: the caller already acquired this limiter slot for it. Search is not counted by
   * HubSpot's ten-second limit, so `exempt` skips the limiter. `paced`: the sync worker's requests, spread over the
   * window (see the limiter's `paceFactor`).
   */
  async request<T>(
    portalId: number,
    method: string,
    path: string,
    body?: unknown,
    opts: { slotStamp?: number; exempt?: boolean; allow404?: boolean; paced?: boolean } = {},
  ): Promise<HubSpotAnswer<T>> {
    const limiter = this.limiter(portalId);
    for (let authRetry = 0; ; authRetry += 1) {
      const slotTaken = opts.slotStamp !== undefined && authRetry === 0;
      let stamp = opts.exempt
        ? undefined
        : slotTaken
          ? opts.slotStamp
          : await limiter.acquire({ paced: opts.paced === true });
      const token = await this.tokens.accessToken(portalId, authRetry > 0);
      if (stamp !== undefined) stamp = limiter.touch(stamp);
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        if (stamp !== undefined) limiter.touch(stamp);
        if (!opts.exempt) limiter.observe({}, 0);
        throw new HubSpotError(0, `network error: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (stamp !== undefined) limiter.touch(stamp);
      const header = (name: string) => {
        const value = response.headers.get(name);
        return value === null ? undefined : Number(value);
      };
      if (!opts.exempt) {
        limiter.observe(
          {
            max: header('x-hubspot-ratelimit-max'),
            remaining: header('x-hubspot-ratelimit-remaining'),
            intervalMs: header('x-hubspot-ratelimit-interval-milliseconds'),
          },
          response.status,
        );
      }
      const text = await response.text().catch(() => '');
      let parsed: unknown = undefined;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      if (response.status === 401 && authRetry === 0) continue;
      if (response.ok || response.status === 207 || (opts.allow404 && response.status === 404)) {
        return { status: response.status, body: parsed as T };
      }
      const message = (parsed as { message?: unknown } | undefined)?.message;
      throw new HubSpotError(
        response.status,
        `HubSpot ${method} ${path} answered ${response.status}: ${String(message ?? '')}`,
        parsed,
      );
    }
  }
}
