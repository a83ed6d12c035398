/** Exponential backoff with jitter: attempt 1 waits about `baseMs`, doubling up to `capMs`; the jitter (50-100 %) keeps
 * many retrying workers from hammering HubSpot in lockstep. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 60_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
