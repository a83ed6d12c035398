import { describe, expect, it } from 'vitest';
import { sampleBeta, sampleGamma, sampleStandardNormal } from './distributions';
import { createRng } from '../random';

/** Sample mean and variance of `n` draws. */
function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

describe('createRng', () => {
  it('replays the same stream for the same seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(createRng('run-1')()).not.toBe(createRng('run-2')());
  });

  it('is uniform on [0, 1)', () => {
    const rng = createRng(7);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng();
      if (!(x >= 0 && x < 1)) outside++;
      else bins[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    // Each bin expects 10,000 ± 95 (1 sd); 5 sd is a generous but still failing bound for a broken generator.
    for (const count of bins) expect(Math.abs(count - n / 10)).toBeLessThan(500);
  });
});

describe('sampleStandardNormal', () => {
  it('has mean 0 and variance 1', () => {
    const rng = createRng(1);
    const m = moments(() => sampleStandardNormal(rng), 100_000);
    expect(Math.abs(m.mean)).toBeLessThan(0.02);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.03);
  });
});

describe('sampleGamma', () => {
  it.each([0.3, 1, 2.5, 40])('Gamma(%s) has mean and variance equal to the shape', (shape) => {
    const rng = createRng(`gamma-${shape}`);
    const m = moments(() => sampleGamma(shape, rng), 100_000);
    // Standard error of the mean is sqrt(shape / n); allow about 5 of them, and 5% on the variance.
    expect(Math.abs(m.mean - shape)).toBeLessThan(5 * Math.sqrt(shape / 100_000) + 1e-3);
    expect(Math.abs(m.variance - shape) / shape).toBeLessThan(0.05);
  });

  it('rejects shapes that are not positive and finite', () => {
    const rng = createRng(1);
    for (const bad of [0, -1, Number.NaN, Infinity]) expect(() => sampleGamma(bad, rng)).toThrow(RangeError);
  });
});

describe('sampleBeta', () => {
  it.each([
    [1, 1],
    [2, 5],
    [7, 35],
    [1, 70],
    [0.5, 0.5],
    [0.2, 3],
  ])('Beta(%s, %s) matches the analytic mean and variance', (a, b) => {
    const rng = createRng(`beta-${a}-${b}`);
    const m = moments(() => sampleBeta(a, b, rng), 100_000);
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(m.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / 100_000));
    expect(Math.abs(m.variance - variance) / variance).toBeLessThan(0.05);
  });

  it('stays in [0, 1] and finite for tiny shapes, where naive X / (X + Y) gives NaN', () => {
    const rng = createRng(3);
    const draws = Array.from({ length: 2_000 }, () => sampleBeta(0.01, 0.01, rng));
    expect(draws.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  it('is reproducible with a seeded rng', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => sampleBeta(3, 40, rng));
    };
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)).not.toEqual(draw(10));
  });
});
