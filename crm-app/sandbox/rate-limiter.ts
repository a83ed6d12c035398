/**
 * HubSpot's TEN_SECONDLY_ROLLING policy as the sandbox enforces it: at most `max` requests per portal in any window
 * of `windowMs`, counted at arrival. A rejected request does not count (HubSpot does not charge 429s either).
 */
export class RollingWindow {
  private readonly arrivals: number[] = [];

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Records an arrival at `now` if it fits; returns the remaining allowance, or -1 when the request is refused. */
  take(now: number): number {
    this.evict(now);
    if (this.arrivals.length >= this.max) return -1;
    this.arrivals.push(now);
    return this.max - this.arrivals.length;
  }

  remaining(now: number): number {
    this.evict(now);
    return Math.max(0, this.max - this.arrivals.length);
  }

  private evict(now: number): void {
    while (this.arrivals.length > 0 && (this.arrivals[0] ?? 0) <= now - this.windowMs) this.arrivals.shift();
  }
}
