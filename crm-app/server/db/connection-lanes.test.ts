import { describe, expect, it } from 'vitest';
import { ConnectionLanes, type Lane } from './connection-lanes';

/** Occupies the connection until released, recording the order in which callers got it. */
function harness(maxStreak?: number) {
  const lanes = new ConnectionLanes(maxStreak);
  const order: string[] = [];
  const releases: (() => void)[] = [];
  const take = (lane: Lane, name: string) =>
    lanes.run(lane, () => {
      order.push(name);
      return new Promise<void>((resolve) => releases.push(resolve));
    });
  /** Releases the current holder and lets the next one start. */
  const step = async () => {
    releases.shift()?.();
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { lanes, order, take, step };
}

describe('ConnectionLanes', () => {
  it('gives the connection to waiting requests before waiting background work', async () => {
    const { order, take, step } = harness();
    const all = [
      take('background', 'b1'),
      take('background', 'b2'),
      take('foreground', 'f1'),
      take('foreground', 'f2'),
    ];
    for (let i = 0; i < 4; i += 1) await step();
    await Promise.all(all);
    expect(order).toEqual(['b1', 'f1', 'f2', 'b2']);
  });

  it('lets background work through after maxStreak requests in a row, so it is never starved', async () => {
    const { order, take, step } = harness(2);
    const all = [take('foreground', 'f0'), take('background', 'b1')];
    for (let i = 1; i <= 5; i += 1) all.push(take('foreground', `f${i}`));
    for (let i = 0; i < 7; i += 1) await step();
    await Promise.all(all);
    expect(order).toEqual(['f0', 'f1', 'f2', 'b1', 'f3', 'f4', 'f5']);
  });

  it('passes the connection on when work fails, and runs one caller at a time', async () => {
    const lanes = new ConnectionLanes();
    let active = 0;
    let most = 0;
    const work = (fail: boolean) =>
      lanes.run('foreground', async () => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((r) => setTimeout(r, 1));
        active -= 1;
        if (fail) throw new Error('boom');
        return 'ok';
      });
    const results = await Promise.allSettled([work(true), work(false), work(true), work(false)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(most).toBe(1);
    expect(lanes.pending()).toEqual({ foreground: 0, background: 0 });
  });
});
