import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REPLY_DELAY,
  normalCdf,
  replyArrivedShare,
  replyDelayQuantile,
  sampleReplyDelayDays,
} from './reply-delay';
import { createRng } from '../random';

describe('reply delay model', () => {
  it('has the documented shape: median 1.5 days, 90% within 5.4 days, about 6% after a week', () => {
    expect(replyArrivedShare(1.5)).toBeCloseTo(0.5, 6);
    expect(replyDelayQuantile(0.9)).toBeCloseTo(5.4, 1);
    expect(1 - replyArrivedShare(7)).toBeGreaterThan(0.05);
    expect(1 - replyArrivedShare(7)).toBeLessThan(0.07);
    expect(replyArrivedShare(0)).toBe(0);
    expect(replyArrivedShare(-1)).toBe(0);
  });

  it('normalCdf matches known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });

  it('samples delays whose empirical shares match the CDF', () => {
    const rng = createRng('delays');
    const draws = Array.from({ length: 20_000 }, () => sampleReplyDelayDays(DEFAULT_REPLY_DELAY, rng));
    for (const days of [0.5, 1.5, 7]) {
      const share = draws.filter((d) => d <= days).length / draws.length;
      expect(Math.abs(share - replyArrivedShare(days))).toBeLessThan(0.015);
    }
  });
});
