/**
 * Client side of HubSpot's TEN_SECONDLY_ROLLING limit, per portal. Every request we send is stamped; a new one waits
 * until fewer than `max` stamps lie within the window (plus a safety margin for the trip to HubSpot). The window and
 * max follow the X-HubSpot-RateLimit-* headers; when HubSpot reports fewer remaining calls than we think (another
 * process of ours, or a restart that forgot its stamps), the difference is filled with stamps taken now.
 */
export interface LimiterOptions {
  max: number;
  windowMs: number;
  /** Extra time a stamp counts, covering clock skew and transit. */
  marginMs: number;
  /**
   * When set, paced grants (`acquire({ paced: true })`, the sync worker's batches) are at least
   * `windowMs / max / paceFactor` apart: at most `paceFactor` times the average rate. Reads a person waits for are not
   * paced.
   * Without it, a backlog took the whole window's budget in its first second, and the same burst came back every
   * window as those stamps expired together: eight batches claimed and finished at once, every 10 s, queued the
   * extension's requests behind them on the embedded database (bench:api's slow requests came in 10-second waves).
   * The sync client uses 1.2: a little room to catch up after a late grant, while the window's budget still spreads
   * over most of it (at 2, and with a batch's second request unpaced, it went in the first 4 to 5 s of every 10).
   */
  paceFactor?: number;
  /**
   * Start calibrated: for a limit whose answers never carry rate-limit headers (CRM search), waiting for them to
   * calibrate would hold requests to one at a time for good.
   */
  calibrated?: boolean;
}

export class PortalRateLimiter {
  private stamps: number[] = [];
  private max: number;
  private windowMs: number;
  /** Until the first answer tells us the real state, only one request at a time: we may be a restarted process. */
  private calibrated = false;
  private inFlightUncalibrated = 0;
  private readonly waiters: (() => void)[] = [];
  private lastGrant = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: LimiterOptions,
    private readonly clock: () => number = Date.now,
  ) {
    this.max = options.max;
    this.windowMs = options.windowMs;
    this.calibrated = options.calibrated === true;
  }

  /** Waits for a slot and stamps it; returns the stamp (for `release`). */
  async acquire({ paced = false }: { paced?: boolean } = {}): Promise<number> {
    for (;;) {
      const now = this.clock();
      this.evict(now);
      const open = this.calibrated || this.inFlightUncalibrated === 0;
      const spacing = paced && this.options.paceFactor ? this.windowMs / this.max / this.options.paceFactor : 0;
      const spaced = now - this.lastGrant >= spacing;
      if (open && spaced && this.stamps.length < this.max) {
        if (paced) this.lastGrant = now;
        this.stamps.push(now);
        if (!this.calibrated) this.inFlightUncalibrated += 1;
        return now;
      }
      const oldest = this.stamps[0];
      const full = this.stamps.length >= this.max;
      const wait = !open
        ? 50
        : full && oldest !== undefined
          ? oldest + this.windowMs + this.options.marginMs - now
          : this.lastGrant + spacing - now;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, wait));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Gives back a slot that was acquired but not used (nothing to send after all): exactly that stamp, not a newer one. */
  release(stamp: number): void {
    const index = this.stamps.indexOf(stamp);
    if (index >= 0) this.stamps.splice(index, 1);
    if (!this.calibrated) this.inFlightUncalibrated = Math.max(0, this.inFlightUncalibrated - 1);
    this.wake();
  }

  /**
   * Moves a stamp to now; returns the new stamp. Called right before a request leaves and again when its answer
   * arrives: HubSpot counts a request from its arrival, which lies somewhere between the two, so only the answer's
   * time is a safe upper bound whatever the delays (a busy event loop, connection queueing) in between.
   */
  touch(stamp: number): number {
    const index = this.stamps.indexOf(stamp);
    if (index >= 0) this.stamps.splice(index, 1);
    const now = this.clock();
    this.stamps.push(now);
    return now;
  }

  /** Applies an answer's headers (any may be missing: search answers carry none). */
  observe(headers: { max?: number; remaining?: number; intervalMs?: number }, status: number): void {
    if (headers.max !== undefined && headers.max > 0) this.max = headers.max;
    if (headers.intervalMs !== undefined && headers.intervalMs > 0) this.windowMs = headers.intervalMs;
    const now = this.clock();
    this.evict(now);
    if (status === 429) {
      // HubSpot says the window is full: act as if it were, for a whole window from now.
      while (this.stamps.length < this.max) this.stamps.push(now);
    } else if (headers.remaining !== undefined) {
      const serverUsed = this.max - headers.remaining;
      while (this.stamps.length < serverUsed) this.stamps.push(now);
    }
    if (headers.remaining !== undefined || status === 429) {
      this.calibrated = true;
      this.inFlightUncalibrated = 0;
    } else if (!this.calibrated) {
      this.inFlightUncalibrated = Math.max(0, this.inFlightUncalibrated - 1);
    }
    this.wake();
  }

  /** Requests stamped within the current window (for tests and metrics). */
  inWindow(): number {
    this.evict(this.clock());
    return this.stamps.length;
  }

  private evict(now: number): void {
    const horizon = now - this.windowMs - this.options.marginMs;
    let drop = 0;
    while (drop < this.stamps.length && (this.stamps[drop] ?? 0) <= horizon) drop += 1;
    if (drop > 0) this.stamps = this.stamps.slice(drop);
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
