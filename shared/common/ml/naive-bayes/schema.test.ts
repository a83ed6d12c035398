import { describe, expect, it } from 'vitest';
import { NaiveBayes, NaiveBayesFormatError, migrateNaiveBayesJson } from './index';
import type { NaiveBayesJsonV1 } from './index';
import { V1_TOKENIZER_OPTIONS } from './schema';

function trained(): NaiveBayes {
  const m = new NaiveBayes({ alpha: 0.5, tokenizer: { wordBigrams: true }, meta: { name: 'test' } });
  m.learn('free money now', 'spam');
  m.learn('free free offer 免费', 'spam');
  m.learn('meeting now 会议', 'ham');
  return m;
}

/** The tiny spam/ham example as a first-draft (v1) file would have stored it. */
const V1: NaiveBayesJsonV1 = {
  format: 'closer-naive-bayes',
  version: 1,
  alpha: 1,
  classes: {
    spam: { docs: 2, counts: { free: 3, money: 1, now: 1, offer: 1 } },
    ham: { docs: 1, counts: { meeting: 1, now: 1 } },
  },
};

describe('toJSON / fromJSON', () => {
  it('round-trips to an identical model', () => {
    const m = trained();
    const json = m.toJSON();
    expect(json.version).toBe(2);
    const copy = NaiveBayes.fromJSON(JSON.parse(JSON.stringify(json)));
    expect(copy.toJSON()).toEqual(json);
    expect(copy.tokenizer).toEqual(m.tokenizer);
    expect(copy.predict('free offer now 会议')).toEqual(m.predict('free offer now 会议'));
  });

  it('keeps learning after a round trip, and unlearning still inverts it', () => {
    const copy = NaiveBayes.fromJSON(trained().toJSON());
    const before = JSON.stringify(copy.toJSON());
    copy.learn('new words here', 'ham');
    copy.unlearn('new words here', 'ham');
    expect(JSON.stringify(copy.toJSON())).toBe(before);
  });

  it('stores counts sparsely against one vocabulary', () => {
    const json = trained().toJSON();
    expect(json.labels).toEqual(['spam', 'ham']);
    expect(json.docCounts).toEqual([2, 1]);
    const free = json.vocabulary.indexOf('free');
    const pairs = json.counts[0] ?? [];
    const at = pairs.findIndex((v, i) => i % 2 === 0 && v === free);
    expect(pairs[at + 1]).toBe(3);
  });
});

describe('migration v1 → v2', () => {
  it('keeps the counts and records the tokenizer v1 implied', () => {
    const v2 = migrateNaiveBayesJson(V1);
    expect(v2.version).toBe(2);
    expect(v2.tokenizer).toEqual({ id: 'closer-text-1', options: { ...V1_TOKENIZER_OPTIONS } });
    expect(v2.labels).toEqual(['spam', 'ham']);
    expect(v2.docCounts).toEqual([2, 1]);
    expect(v2.vocabulary).toEqual(['free', 'money', 'now', 'offer', 'meeting']);
    expect(v2.counts).toEqual([
      [0, 3, 1, 1, 2, 1, 3, 1],
      [2, 1, 4, 1],
    ]);
    expect(v2.meta).toEqual({});
  });

  it('gives a model that predicts like one trained from scratch', () => {
    const migrated = NaiveBayes.fromJSON(V1);
    const fresh = new NaiveBayes({ alpha: 1, tokenizer: V1_TOKENIZER_OPTIONS });
    fresh.learn('free money now', 'spam');
    fresh.learn('free free offer', 'spam');
    fresh.learn('meeting now', 'ham');
    expect(migrated.predict('free now').ranking[0]?.probability).toBeCloseTo(2352 / 3078, 12);
    expect(migrated.predict('free now meeting')).toEqual(fresh.predict('free now meeting'));
    expect(migrated.toJSON()).toEqual(fresh.toJSON());
  });

  it('drops zero counts a v1 file may hold', () => {
    const v2 = migrateNaiveBayesJson({ ...V1, classes: { a: { docs: 1, counts: { x: 0, y: 2 } } } });
    expect(v2.vocabulary).toEqual(['y']);
  });

  it('accepts a v2 file written before an option existed (missing options take defaults)', () => {
    const json = trained().toJSON();
    const { punctuation: _dropped, ...olderOptions } = json.tokenizer.options;
    const m = NaiveBayes.fromJSON({ ...json, tokenizer: { ...json.tokenizer, options: olderOptions } });
    expect(m.tokenizer.punctuation).toBe(false);
  });
});

describe('fromJSON rejects bad data', () => {
  const good = () => trained().toJSON();
  it.each<[string, () => unknown]>([
    ['null', () => null],
    ['a string', () => 'model'],
    ['another format', () => ({ ...good(), format: 'other' })],
    ['a future version', () => ({ ...good(), version: 3 })],
    ['an unknown tokenizer', () => ({ ...good(), tokenizer: { id: 'closer-text-0', options: {} } })],
    ['negative counts', () => ({ ...good(), docCounts: [-1, 1] })],
    ['fractional counts', () => ({ ...good(), docCounts: [1.5, 1] })],
    ['zero alpha', () => ({ ...good(), alpha: 0 })],
    ['duplicate labels', () => ({ ...good(), labels: ['spam', 'spam'] })],
    ['missing docCounts', () => ({ ...good(), docCounts: [2] })],
    ['duplicate tokens', () => ({ ...good(), vocabulary: good().vocabulary.map(() => 'same') })],
    ['odd pair list', () => ({ ...good(), counts: [[0], good().counts[1]] })],
    ['index out of range', () => ({ ...good(), counts: [[99_999, 1], good().counts[1]] })],
    ['unsorted indices', () => ({ ...good(), counts: [[...(good().counts[0] ?? [])].reverse(), good().counts[1]] })],
    ['counts without documents', () => ({ ...good(), docCounts: [0, 1] })],
    ['a token with no counts', () => ({ ...good(), vocabulary: [...good().vocabulary, 'orphan'] })],
    ['a bad v1 body', () => ({ ...V1, classes: { spam: { docs: 'two', counts: {} } } })],
  ])('%s', (_name, make) => {
    expect(() => NaiveBayes.fromJSON(make())).toThrow(NaiveBayesFormatError);
  });
});
