import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff';
import { coalesce } from './batch';
import { PortalRateLimiter } from './rate-limiter';

describe('PortalRateLimiter', () => {
  it('never lets more than max requests into one rolling window', async () => {
    let now = 0;
    const limiter = new PortalRateLimiter({ max: 3, windowMs: 1000, marginMs: 10 }, () => now);
    limiter.observe({ max: 3, remaining: 3, intervalMs: 1000 }, 200);
    for (let i = 0; i < 3; i += 1) await limiter.acquire();
    let fourth = false;
    const pending = limiter.acquire().then(() => (fourth = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(fourth).toBe(false);
    now = 1011;
    await pending;
    expect(fourth).toBe(true);
  });

  it('spreads paced grants over the window instead of spending the whole budget at once, and lets unpaced ones through', async () => {
    let now = 0;
    // 10 per second on average, at most twice that: grants 50 ms apart.
    const limiter = new PortalRateLimiter({ max: 10, windowMs: 1000, marginMs: 0, paceFactor: 2 }, () => now);
    limiter.observe({ max: 10, remaining: 10, intervalMs: 1000 }, 200);
    const granted: number[] = [];
    const all = Array.from({ length: 4 }, () => limiter.acquire({ paced: true }).then((stamp) => granted.push(stamp)));
    for (let step = 0; step < 2000 && granted.length < 4; step += 1) {
      await new Promise((r) => setTimeout(r, 2));
      now += 10;
    }
    await Promise.all(all);
    expect(granted[0]).toBe(0);
    const gaps = granted.slice(1).map((stamp, i) => stamp - (granted[i] ?? 0));
    expect(gaps.every((gap) => gap >= 50)).toBe(true);
    // Unpaced requests (a read someone waits for) go out at once, right after a paced one too.
    const stamps = await Promise.all(Array.from({ length: 4 }, () => limiter.acquire()));
    expect(stamps).toEqual([now, now, now, now]);
  });

  it('counts a request until a window after its answer, however late HubSpot saw it', () => {
    let now = 0;
    const limiter = new PortalRateLimiter({ max: 1, windowMs: 1000, marginMs: 0 }, () => now);
    limiter.observe({ remaining: 1 }, 200);
    return limiter.acquire().then((stamp) => {
      now = 900; // the answer comes late: HubSpot may have counted the request as late as this
      limiter.touch(stamp);
      now = 1500;
      expect(limiter.inWindow()).toBe(1);
      now = 1901;
      expect(limiter.inWindow()).toBe(0);
    });
  });

  it('trusts HubSpot when it reports fewer remaining calls, and fills the window on a 429', () => {
    const limiter = new PortalRateLimiter({ max: 10, windowMs: 1000, marginMs: 0 }, () => 0);
    limiter.observe({ max: 10, remaining: 4, intervalMs: 1000 }, 200);
    expect(limiter.inWindow()).toBe(6);
    limiter.observe({}, 429);
    expect(limiter.inWindow()).toBe(10);
  });
});

describe('coalesce and backoff', () => {
  it('merges several updates of one contact, the later value of a property winning', () => {
    const job = (id: string, email: string, properties: Record<string, string>) => ({
      id,
      kind: 'persona.upsert' as const,
      attempts: 1,
      contactKey: email,
      payload: { properties },
    });
    const records = coalesce([
      job('1', 'a@x.io', { label: 'A', summary: 's1' }),
      job('2', 'b@x.io', { label: 'B' }),
      job('3', 'a@x.io', { label: 'C' }),
    ]);
    expect(records).toEqual([
      { email: 'a@x.io', properties: { label: 'C', summary: 's1' }, jobIds: ['1', '3'] },
      { email: 'b@x.io', properties: { label: 'B' }, jobIds: ['2'] },
    ]);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, 500, 60_000, () => 1)).toBe(500);
    expect(backoffMs(3, 500, 60_000, () => 0)).toBe(1000);
    expect(backoffMs(30, 500, 60_000, () => 1)).toBe(60_000);
  });
});
