import { HttpError } from '../http/errors';

/** Fixed one-minute buckets per token: cheap, and enough to stop a runaway extension from flooding the queue. */
export class TokenRateLimit {
  private readonly buckets = new Map<string, { minute: number; count: number }>();

  /** @param what names the key in the 429 message, e.g. "this token" or "this address". */
  constructor(
    private readonly perMinute: number,
    private readonly what = 'this token',
  ) {}

  check(tokenId: string, now = Date.now()): void {
    const minute = Math.floor(now / 60_000);
    const bucket = this.buckets.get(tokenId);
    if (!bucket || bucket.minute !== minute) {
      if (this.buckets.size > 10_000) this.buckets.clear();
      this.buckets.set(tokenId, { minute, count: 1 });
      return;
    }
    bucket.count += 1;
    if (bucket.count > this.perMinute) {
      const retryAfter = String(60 - Math.floor((now % 60_000) / 1000));
      throw new HttpError(429, 'rate_limited', `More than ${this.perMinute} requests per minute for ${this.what}`, {
        'retry-after': retryAfter,
      });
    }
  }
}
