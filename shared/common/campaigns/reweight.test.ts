import { describe, expect, it } from 'vitest';
import { logLoss, rocAuc } from './fit-metrics';
import { sigmoid } from './logistic';
import { refitWeights, type WeightSample } from './reweight';
import { createRng } from '../random';

const IDS = ['call_to_action', 'personalisation', 'length', 'spam_words'] as const;

/** Drafts with random criterion scores and outcomes drawn from a planted logistic model. */
function plant(weights: Record<string, number>, intercept: number, n: number, seed: string): WeightSample[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const criteria = Object.fromEntries(IDS.map((id) => [id, rng()]));
    const z = intercept + IDS.reduce((s, id) => s + (weights[id] ?? 0) * (criteria[id] ?? 0), 0);
    return { criteria, positive: rng() < sigmoid(z) };
  });
}

function cosine(a: Record<string, number>, b: Record<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const id of IDS) {
    dot += (a[id] ?? 0) * (b[id] ?? 0);
    na += (a[id] ?? 0) ** 2;
    nb += (b[id] ?? 0) ** 2;
  }
  return dot / Math.sqrt(na * nb);
}

const FLAT = {
  version: 'default-2024.1',
  weights: { call_to_action: 1, personalisation: 1, length: 1, spam_words: 1 },
};

describe('fit metrics', () => {
  it('rocAuc: perfect, reversed, and tied rankings', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    // One positive ranked between two negatives: 1 of 2 pairs correct.
    expect(rocAuc([0.1, 0.5, 0.9], [0, 1, 0])).toBe(0.5);
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNull();
  });

  it('logLoss matches the definition', () => {
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });
});

describe('refitWeights', () => {
  const planted = { call_to_action: 3, personalisation: 1.5, length: 0.5, spam_words: 0 };

  it('recovers the planted weight direction and beats flat weights on the data', () => {
    const samples = plant(planted, -3, 4_000, 'plant');
    const r = refitWeights(samples, { current: FLAT });
    expect(r.status).toBe('refitted');
    expect(cosine(r.weights, planted)).toBeGreaterThan(0.97);
    expect(r.weights.call_to_action!).toBeGreaterThan(r.weights.personalisation!);
    expect(r.weights.personalisation!).toBeGreaterThan(r.weights.length!);
    expect(r.weights.spam_words!).toBeLessThan(0.3);
    // Same total as the old weights, so the score keeps its scale.
    const total = Object.values(r.weights).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(4, 2);
    expect(r.report.fit.after.logLoss).toBeLessThan(r.report.fit.before.logLoss);
    expect(r.report.fit.after.auc!).toBeGreaterThan(r.report.fit.before.auc!);
    expect(r.report.previous).toEqual(FLAT);
    expect(r.report.changes.find((c) => c.id === 'call_to_action')).toMatchObject({ old: 1 });
    expect(r.version).toBe('default-2024.1+refit.4000');
  });

  it('is deterministic', () => {
    const samples = plant(planted, -3, 600, 'det');
    expect(refitWeights(samples, { current: FLAT })).toEqual(refitWeights(samples, { current: FLAT }));
  });

  it('never gives a higher-is-better criterion a negative weight unless told to', () => {
    const harmful = { call_to_action: 2, personalisation: 0, length: 0, spam_words: -3 };
    const samples = plant(harmful, -1, 3_000, 'neg');
    const clamped = refitWeights(samples, { current: FLAT });
    expect(Object.values(clamped.weights).every((w) => w >= 0)).toBe(true);
    expect(clamped.weights.spam_words).toBe(0);
    const free = refitWeights(samples, { current: FLAT, allowNegative: ['spam_words'] });
    expect(free.weights.spam_words!).toBeLessThan(0);
    expect(free.report.coefficients.spam_words!).toBeLessThan(-1.5);
  });

  it('returns the current weights unchanged with too little data', () => {
    const few = plant(planted, -3, 30, 'few');
    const r = refitWeights(few, { current: FLAT });
    expect(r.status).toBe('insufficient_data');
    expect(r.weights).toEqual(FLAT.weights);
    expect(r.version).toBe(FLAT.version);
    const allNegative = plant(planted, -40, 500, 'none');
    expect(refitWeights(allNegative, { current: FLAT }).status).toBe('insufficient_data');
  });

  it('imputes a missing criterion and keeps the old weight of one that never varies', () => {
    const samples = plant(planted, -3, 2_000, 'missing').map((s, i) => {
      const criteria: Record<string, number> = { ...s.criteria, subject_style: 1 };
      if (i % 3 === 0) delete criteria.length;
      return { ...s, criteria };
    });
    const r = refitWeights(samples, { current: { version: 3, weights: { ...FLAT.weights, subject_style: 0.75 } } });
    expect(r.status).toBe('refitted');
    expect(r.report.uninformative).toEqual(['subject_style']);
    expect(r.weights.subject_style).toBe(0.75);
    expect(cosine(r.weights, planted)).toBeGreaterThan(0.95);
    expect(r.version).toBe('3+refit.2000');
  });

  it('rejects criterion values outside [0, 1]', () => {
    expect(() => refitWeights([{ criteria: { length: 1.5 }, positive: true }], { current: FLAT })).toThrow(RangeError);
  });
});
