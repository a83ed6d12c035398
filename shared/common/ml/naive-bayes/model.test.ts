import { describe, expect, it } from 'vitest';
import { NaiveBayes } from './index';

/**
 * The hand-computed example. Vocabulary {free, money, now, offer, meeting}, |V| = 5, α = 1.
 * spam (2 docs): free 3, money 1, now 1, offer 1 → 6 tokens; ham (1 doc): meeting 1, now 1 → 2 tokens.
 */
function tinyModel(): NaiveBayes {
  const m = new NaiveBayes({ alpha: 1 });
  m.learn('free money now', 'spam');
  m.learn('free free offer', 'spam');
  m.learn('meeting now', 'ham');
  return m;
}

describe('NaiveBayes maths (hand-computed)', () => {
  it('has exact smoothed log-likelihoods and log-priors', () => {
    const m = tinyModel();
    expect(m.vocabularySize).toBe(5);
    expect(m.logPrior('spam')).toBeCloseTo(Math.log(2 / 3), 14);
    expect(m.logPrior('ham')).toBeCloseTo(Math.log(1 / 3), 14);
    expect(m.logLikelihood('free', 'spam')).toBeCloseTo(Math.log(4 / 11), 14);
    expect(m.logLikelihood('free', 'ham')).toBeCloseTo(Math.log(1 / 7), 14);
    expect(m.logLikelihood('now', 'ham')).toBeCloseTo(Math.log(2 / 7), 14);
    expect(m.logLikelihood('unseen', 'spam')).toBeCloseTo(Math.log(1 / 11), 14);
    expect(m.logLikelihood('free', 'nope')).toBeNaN();
    expect(m.logPrior('nope')).toBe(-Infinity);
  });

  it('scores, normalises and explains a prediction exactly', () => {
    const p = tinyModel().predict('Free now!');
    const spamScore = Math.log(2 / 3) + Math.log(4 / 11) + Math.log(2 / 11);
    const hamScore = Math.log(1 / 3) + Math.log(1 / 7) + Math.log(2 / 7);
    expect(p.label).toBe('spam');
    expect(p.ranking.map((r) => r.label)).toEqual(['spam', 'ham']);
    expect(p.ranking[0]?.logScore).toBeCloseTo(spamScore, 12);
    expect(p.ranking[1]?.logScore).toBeCloseTo(hamScore, 12);
    // P(spam | "free now") = (2/3 · 4/11 · 2/11) / (… + 1/3 · 1/7 · 2/7) = 2352 / 3078
    expect(p.ranking[0]?.probability).toBeCloseTo(2352 / 3078, 12);
    expect((p.ranking[0]?.probability ?? 0) + (p.ranking[1]?.probability ?? 0)).toBeCloseTo(1, 14);
    // "free" favours spam by log((4/11)/(1/7)); "now" favours ham, so it is not listed.
    expect(p.features).toEqual([{ token: 'free', count: 1, weight: expect.closeTo(Math.log(28 / 11), 12) }]);
    expect(p.tokenCount).toBe(2);
    expect(p.knownTokenCount).toBe(2);
  });

  it('ignores tokens it never saw', () => {
    const m = tinyModel();
    const a = m.predict('free now');
    const b = m.predict('free now zebra quokka');
    expect(b.ranking).toEqual(a.ranking);
    expect(b.knownTokenCount).toBe(2);
    expect(b.tokenCount).toBe(4);
  });

  it('counts repeated tokens (multinomial)', () => {
    const p = tinyModel().predict('now now');
    const spam = Math.log(2 / 3) + 2 * Math.log(2 / 11);
    expect(p.ranking.find((r) => r.label === 'spam')?.logScore).toBeCloseTo(spam, 12);
  });

  it('stays finite on very long inputs (softmax in log space)', () => {
    const p = tinyModel().predict('free '.repeat(4_000));
    expect(p.ranking[0]?.probability).toBe(1);
    expect(Number.isFinite(p.ranking[1]?.logScore)).toBe(true);
  });
});

describe('learn / unlearn', () => {
  it('unlearn is the exact inverse of learn', () => {
    const m = tinyModel();
    m.learn('我们对产品很感兴趣 free', 'ham');
    const before = JSON.stringify(m.toJSON());
    m.learn('brand new words, free offer 你好', 'spam');
    m.learn('another label entirely', 'other');
    m.unlearn('brand new words, free offer 你好', 'spam');
    m.unlearn('another label entirely', 'other');
    expect(JSON.stringify(m.toJSON())).toBe(before);
  });

  it('undoes interleaved corrections in any order', () => {
    const m = tinyModel();
    const before = JSON.stringify(m.toJSON());
    m.learn('alpha beta', 'x');
    m.learn('beta gamma', 'x');
    m.learn('free delta', 'spam');
    m.unlearn('alpha beta', 'x');
    m.unlearn('free delta', 'spam');
    m.unlearn('beta gamma', 'x');
    expect(JSON.stringify(m.toJSON())).toBe(before);
  });

  it('moves a document between labels (a rep correction) and back', () => {
    const m = tinyModel();
    const before = JSON.stringify(m.toJSON());
    m.unlearn('meeting now', 'ham');
    m.learn('meeting now', 'spam');
    m.unlearn('meeting now', 'spam');
    m.learn('meeting now', 'ham');
    expect(m.toJSON().docCounts).toEqual([2, 1]);
    expect(m.toJSON().vocabulary).toHaveLength(5);
    expect(m.predict('meeting').label).toBe('ham');
    // The same counts, possibly in another vocabulary order: compare as a model, not as text.
    expect(NaiveBayes.fromJSON(JSON.parse(before)).predict('meeting now free').ranking).toEqual(
      m.predict('meeting now free').ranking,
    );
  });

  it('refuses to unlearn what was not learned, changing nothing', () => {
    const m = tinyModel();
    const before = JSON.stringify(m.toJSON());
    expect(() => m.unlearn('free money now', 'ham')).toThrow(RangeError);
    expect(() => m.unlearn('free', 'unknown')).toThrow(RangeError);
    expect(() => m.unlearn('free free free free', 'spam')).toThrow(RangeError);
    expect(JSON.stringify(m.toJSON())).toBe(before);
  });

  it('keeps declared labels after their last document is unlearned', () => {
    const m = new NaiveBayes({ labels: ['a', 'b'] });
    m.learn('x', 'a');
    m.unlearn('x', 'a');
    expect(m.labels).toEqual(['a', 'b']);
    expect(m.vocabularySize).toBe(0);
  });

  it('rejects bad labels and smoothing', () => {
    const m = new NaiveBayes();
    expect(() => m.learn('x', '')).toThrow(RangeError);
    expect(() => m.learn('x', 'l'.repeat(101))).toThrow(RangeError);
    expect(() => new NaiveBayes({ alpha: 0 })).toThrow(RangeError);
    expect(() => new NaiveBayes({ alpha: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe('predict on bad input', () => {
  it('returns no label from an empty model', () => {
    const p = new NaiveBayes({ labels: ['a'] }).predict('hello');
    expect(p).toMatchObject({ label: null, ranking: [], features: [] });
  });

  it.each([
    ['empty', ''],
    ['emoji only', '😀😀'],
    ['control characters', '\u0000\u0001\u0002'],
    ['non-string', undefined],
    ['unknown words only', 'zebra quokka'],
  ])('falls back to the prior for %s', (_name, input) => {
    const p = tinyModel().predict(input);
    expect(p.label).toBe('spam');
    expect(p.knownTokenCount).toBe(0);
    expect(p.ranking[0]?.probability).toBeCloseTo(2 / 3, 14);
    expect(p.features).toEqual([]);
  });

  it('reads HTML and mixed scripts', () => {
    const m = tinyModel();
    expect(m.predict('<html><body><p>FREE <b>money</b></p></body></html>').label).toBe('spam');
    expect(m.predict('Meeting 会议 встреча now').label).toBe('ham');
  });

  it('bounds the work on 1 MB of text and says it truncated', () => {
    const started = performance.now();
    const p = tinyModel().predict('free money '.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(500);
    expect(p.truncated).toBe(true);
    expect(p.tokenCount).toBeLessThanOrEqual(5_000);
  });

  it('clamps the number of features', () => {
    const m = tinyModel();
    expect(m.predict('free money offer', { topFeatures: 1 }).features).toHaveLength(1);
    expect(m.predict('free money offer', { topFeatures: -3 }).features).toEqual([]);
  });
});
