/**
 * Two lanes in front of one database connection: requests (foreground) go first, background work (the sync worker)
 * runs when no request is waiting. PGlite has a single connection (in a thread of its own); with one FIFO queue, a
 * request arriving behind the worker's claims and completions would wait for all of them, and that wait would be the
 * extension API's tail latency. A background caller still gets a turn after `maxStreak` foreground grants in a row, so a busy API
 * slows the sync down but never starves it. Three, measured on 2 cores with the sync engine's transactions run as
 * procedures (and VACUUM then every 10 s): bench:sync 0.914 of HubSpot's ceiling while 100,000 personas were uploaded
 * as fast as the backend took them, bench:api p99 20.5 ms; one (strict turns) kept the sync at 0.899 and cost the API
 * 281 ms.
 */
export type Lane = 'foreground' | 'background';

export class ConnectionLanes {
  private busy = false;
  private streak = 0;
  private readonly waiting: Record<Lane, (() => void)[]> = { foreground: [], background: [] };

  constructor(private readonly maxStreak = 3) {}

  /** Runs `work` with the connection to itself; the next waiter gets it when `work` settles. */
  async run<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting[lane].push(resolve));
    else this.busy = true;
    try {
      return await work();
    } finally {
      this.handOff();
    }
  }

  /** Callers waiting per lane (tests and diagnostics). */
  pending(): Record<Lane, number> {
    return { foreground: this.waiting.foreground.length, background: this.waiting.background.length };
  }

  private handOff(): void {
    const { foreground, background } = this.waiting;
    let next: (() => void) | undefined;
    if (background.length > 0 && (foreground.length === 0 || this.streak >= this.maxStreak)) {
      next = background.shift();
      this.streak = 0;
    } else {
      next = foreground.shift();
      this.streak = background.length > 0 ? this.streak + 1 : 0;
    }
    // The connection passes straight to the next caller (busy stays true), so no newcomer can jump the queue.
    if (next) next();
    else this.busy = false;
  }
}
