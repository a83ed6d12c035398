import { describe, expect, it } from 'vitest';
import { sampleBeta } from './distributions';
import { betaCredibleInterval, rateInterval, wilsonInterval } from './intervals';
import { createRng } from '../random';
import { betaQuantile, logGamma, normalQuantile, regularizedIncompleteBeta } from './special';

describe('special functions', () => {
  it('logGamma matches factorials and Γ(½) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(6)).toBeCloseTo(Math.log(120), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 8); // ln(100!)
  });

  it('normalQuantile matches reference values', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 7);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 7);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 7);
    expect(() => normalQuantile(0)).toThrow(RangeError);
  });

  it('the incomplete beta function is the Beta CDF', () => {
    // Beta(2, 5) CDF at 0.3, by the closed form 1 − Σ… (reference value from scipy.stats.beta.cdf).
    expect(regularizedIncompleteBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 9);
    // Beta(1, 1) is uniform.
    expect(regularizedIncompleteBeta(0.37, 1, 1)).toBeCloseTo(0.37, 12);
  });

  it('betaQuantile matches closed forms and scipy.stats.beta.ppf', () => {
    expect(betaQuantile(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(betaQuantile(0.3, 4, 1)).toBeCloseTo(0.3 ** (1 / 4), 12); // Beta(a, 1): p^(1/a)
    expect(betaQuantile(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** (1 / 4), 12); // Beta(1, b): 1 − (1 − p)^(1/b)
    expect(betaQuantile(0.05, 2, 5)).toBeCloseTo(0.06284989170835438, 9);
    expect(betaQuantile(0.5, 2, 5)).toBeCloseTo(0.26444998329566005, 9);
    expect(betaQuantile(0.025, 7, 35)).toBeCloseTo(0.0715152881522945, 9);
    expect(betaQuantile(0.975, 0.5, 12.5)).toBeCloseTo(0.18530593831248504, 9);
  });
});

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (95%).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i at 95%% is %s–%s', (x, n, low, high) => {
    const i = wilsonInterval(x, n, 0.95);
    expect(i.low).toBeCloseTo(low, 4);
    expect(i.high).toBeCloseTo(high, 4);
  });

  it('90% for 6/41 is 7.76%–25.89% and is narrower than 95%', () => {
    const i = wilsonInterval(6, 41);
    expect(i).toMatchObject({ level: 0.9, method: 'wilson' });
    expect(i.low).toBeCloseTo(0.07761, 4);
    expect(i.high).toBeCloseTo(0.25886, 4);
    const wide = wilsonInterval(6, 41, 0.95);
    expect(wide.low).toBeLessThan(i.low);
    expect(wide.high).toBeGreaterThan(i.high);
  });

  it('is [0, 1] without trials and ends at exactly 0 or 1 at the extremes', () => {
    expect(wilsonInterval(0, 0)).toMatchObject({ low: 0, high: 1 });
    expect(wilsonInterval(0, 50).low).toBe(0);
    expect(wilsonInterval(50, 50).high).toBe(1);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(5, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 3, 1)).toThrow(RangeError);
  });
});

describe('betaCredibleInterval (Jeffreys)', () => {
  it.each([
    [6, 41, 0.07424369770234074, 0.25410727090817165],
    [3, 200, 0.005437694810954237, 0.03477120159778131],
    [50, 100, 0.4185121511453916, 0.5814878488546085],
  ])('%i/%i at 90%% matches scipy.stats.beta.ppf', (x, n, low, high) => {
    const i = betaCredibleInterval(x, n);
    expect(i.low).toBeCloseTo(low, 8);
    expect(i.high).toBeCloseTo(high, 8);
  });

  it('uses the boundary rule at 0 successes and honours a custom prior', () => {
    const zero = betaCredibleInterval(0, 30);
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(0.06151672455730088, 8);
    // Beta(1, 1) prior, 0/0: the posterior is uniform, so the 90% interval is [0.05, 0.95].
    const flat = betaCredibleInterval(0, 0, { priorAlpha: 1, priorBeta: 1 });
    expect(flat.low).toBeCloseTo(0.05, 10);
    expect(flat.high).toBeCloseTo(0.95, 10);
  });
});

describe('coverage', () => {
  /** Share of simulated experiments whose interval contains the true rate. */
  function coverage(method: 'wilson' | 'beta', p: number, n: number, experiments: number, seed: number): number {
    const rng = createRng(seed);
    let covered = 0;
    for (let e = 0; e < experiments; e++) {
      let x = 0;
      for (let i = 0; i < n; i++) if (rng() < p) x++;
      const i = rateInterval(x, n, method, 0.9);
      if (i.low <= p && p <= i.high) covered++;
    }
    return covered / experiments;
  }

  it.each([
    ['wilson', 0.04, 80],
    ['wilson', 0.12, 150],
    ['wilson', 0.3, 60],
    ['beta', 0.04, 80],
    ['beta', 0.12, 150],
  ] as const)('%s 90%% intervals cover about 90%% at p = %s, n = %s', (method, p, n) => {
    const c = coverage(method, p, n, 2_000, Math.round(p * 1000) + n);
    // Discrete binomial coverage oscillates around the nominal level; 2,000 experiments have SE ≈ 0.7%.
    expect(c).toBeGreaterThan(0.85);
    expect(c).toBeLessThan(0.95);
  });

  it('a 90% Beta credible interval holds 90% of the posterior mass', () => {
    const rng = createRng(11);
    const i = betaCredibleInterval(9, 60, { priorAlpha: 1, priorBeta: 1 });
    let inside = 0;
    const n = 50_000;
    for (let k = 0; k < n; k++) {
      const x = sampleBeta(10, 52, rng);
      if (x >= i.low && x <= i.high) inside++;
    }
    expect(Math.abs(inside / n - 0.9)).toBeLessThan(0.01);
  });
});
