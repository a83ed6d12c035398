import { describe, expect, it } from 'vitest';
import { classificationReport, spamProbability, stratifiedKFold, stratifiedSplit } from './index';
import { NaiveBayes } from './index';
import { createRng, shuffled } from '../../random';

describe('classificationReport', () => {
  it('computes accuracy, per-label F1, macro-F1 and the confusion matrix', () => {
    const gold = ['a', 'a', 'a', 'b', 'b', 'c'];
    const pred = ['a', 'a', 'b', 'b', 'c', 'c'];
    const r = classificationReport(gold, pred);
    expect(r.accuracy).toBeCloseTo(4 / 6, 14);
    // a: P 1, R 2/3, F1 0.8; b: P 1/2, R 1/2, F1 0.5; c: P 1/2, R 1, F1 2/3
    expect(r.perLabel.a?.f1).toBeCloseTo(0.8, 14);
    expect(r.perLabel.b?.f1).toBeCloseTo(0.5, 14);
    expect(r.perLabel.c?.f1).toBeCloseTo(2 / 3, 14);
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 14);
    expect(r.confusion).toEqual({
      labels: ['a', 'b', 'c'],
      matrix: [
        [2, 1, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
    });
  });

  it('handles empty input and labels never predicted', () => {
    expect(classificationReport([], []).accuracy).toBe(0);
    const r = classificationReport(['a', 'b'], ['a', 'a'], ['a', 'b', 'c']);
    expect(r.perLabel.b?.f1).toBe(0);
    expect(r.perLabel.c?.support).toBe(0);
    expect(() => classificationReport(['a'], [])).toThrow(RangeError);
  });
});

describe('seeded splits', () => {
  const labels = [...Array(50).fill('x'), ...Array(20).fill('y'), ...Array(7).fill('z')] as string[];

  it('is deterministic per seed', () => {
    expect(shuffled([1, 2, 3, 4, 5], createRng(1, 'mulberry32'))).toEqual(
      shuffled([1, 2, 3, 4, 5], createRng(1, 'mulberry32')),
    );
    expect(stratifiedKFold(labels, 5, 7)).toEqual(stratifiedKFold(labels, 5, 7));
    expect(stratifiedKFold(labels, 5, 7)).not.toEqual(stratifiedKFold(labels, 5, 8));
  });

  it('k-fold covers every index once and spreads each label evenly', () => {
    const folds = stratifiedKFold(labels, 5, 42);
    expect(folds.flat().sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
    for (const fold of folds) {
      expect(fold.filter((i) => labels[i] === 'x')).toHaveLength(10);
      expect(fold.filter((i) => labels[i] === 'y')).toHaveLength(4);
    }
    expect(() => stratifiedKFold(labels, 1, 1)).toThrow(RangeError);
  });

  it('train/test split is stratified and disjoint', () => {
    const { train, test } = stratifiedSplit(labels, 0.2, 3);
    expect(test.filter((i) => labels[i] === 'x')).toHaveLength(10);
    expect(test.filter((i) => labels[i] === 'y')).toHaveLength(4);
    expect(new Set([...train, ...test]).size).toBe(labels.length);
  });
});

describe('spamProbability', () => {
  const model = new NaiveBayes({ labels: ['ham', 'spam'] });
  model.learn('win a free prize now', 'spam');
  model.learn('see you at the meeting', 'ham');
  model.learn('lunch at noon?', 'ham');

  it('returns the posterior of the spam label, in 0..1', () => {
    expect(spamProbability(model, 'free prize')).toBeGreaterThan(0.5);
    expect(spamProbability(model, 'the meeting at noon')).toBeLessThan(0.5);
  });

  it('falls back to the prior for empty text and throws without a spam label', () => {
    expect(spamProbability(model, '')).toBeCloseTo(1 / 3, 14);
    expect(() => spamProbability(new NaiveBayes(), 'x')).toThrow(RangeError);
  });
});
