import { describe, expect, it } from 'vitest';
import { tokenizeChinese, tokenizeEnglish } from './tokenize';
import { FIRST_TOKEN_ID, MAX_TOKENS, padBatch, paddedLength, PAD_ID, UNK_ID, Vocabulary } from './vocab';
import { fallbackForms } from './word-fallback';

describe('tokenizeEnglish', () => {
  it('maps raw text onto SST-2 conventions', () => {
    expect(tokenizeEnglish("It's GREAT, isn't it? I can't wait!")).toEqual([
      'it',
      "'s",
      'great',
      ',',
      'is',
      "n't",
      'it',
      '?',
      'i',
      'ca',
      "n't",
      'wait',
      '!',
    ]);
  });

  it('is idempotent on already tokenised SST-2 lines', () => {
    const sst = "it 's a charming and often affecting journey . does n't `` work '' -- really ...";
    expect(tokenizeEnglish(sst)).toEqual(tokenizeEnglish(tokenizeEnglish(sst).join(' ')));
    expect(tokenizeEnglish(sst)).toContain("n't");
    expect(tokenizeEnglish(sst)).toContain('"');
  });

  it('normalises curly quotes, dashes, ellipses and full-width forms', () => {
    expect(tokenizeEnglish('Don’t — wait…')).toEqual(['do', "n't", '--', 'wait', '...']);
    expect(tokenizeEnglish('ＧＯＯＤ')).toEqual(['good']);
  });

  it('keeps hyphenated words and replaces URLs, emails and very long tokens', () => {
    expect(tokenizeEnglish('well-made film')).toEqual(['well-made', 'film']);
    expect(tokenizeEnglish('see https://x.io/a?b=1 or mail sam@acme.com')).toEqual([
      'see',
      '<url>',
      'or',
      'mail',
      '<email>',
    ]);
    expect(tokenizeEnglish('a'.repeat(100))).toEqual(['<long>']);
  });

  it('stops at maxTokens', () => {
    expect(tokenizeEnglish('a b c d e', 3)).toEqual(['a', 'b', 'c']);
    expect(tokenizeEnglish("don't don't", 3)).toEqual(['do', "n't", 'do']);
  });
});

describe('tokenizeChinese', () => {
  it('splits Han characters, keeps Latin words and digit runs', () => {
    expect(tokenizeChinese('送餐很快，Demo 不错 30分钟')).toEqual([
      '送',
      '餐',
      '很',
      '快',
      ',',
      'demo',
      '不',
      '错',
      '30',
      '分',
      '钟',
    ]);
  });
});

describe('Vocabulary', () => {
  const vocab = new Vocabulary({ language: 'en', tokenizerVersion: 1, tokens: ['good', 'bad', "n't"] });

  it('encodes known tokens from FIRST_TOKEN_ID and unknown ones as UNK', () => {
    expect(vocab.encode("Good, not bad. Isn't")).toEqual([
      FIRST_TOKEN_ID,
      UNK_ID,
      UNK_ID,
      FIRST_TOKEN_ID + 1,
      UNK_ID,
      UNK_ID,
      FIRST_TOKEN_ID + 2,
    ]);
    expect(vocab.size).toBe(5);
  });

  it('caps a sentence at MAX_TOKENS', () => {
    expect(vocab.encode('good '.repeat(500))).toHaveLength(MAX_TOKENS);
  });

  it('pads to a length that depends only on the sentence itself', () => {
    expect([0, 1, 7, 8, 9, 12, 13, 64, 500].map(paddedLength)).toEqual([8, 8, 8, 8, 12, 12, 16, 64, 64]);
    expect(Array.from(padBatch([[5, 6], [7]], 3))).toEqual([5, 6, PAD_ID, 7, PAD_ID, PAD_ID]);
    expect(Array.from(padBatch([[1, 2, 3, 4]], 2))).toEqual([1, 2]);
  });
});

describe('unknown English words', () => {
  const vocab = new Vocabulary({ language: 'en', tokenizerVersion: 1, tokens: ['warm', 'playful', 'happy', 'wife'] });
  const zh = new Vocabulary({ language: 'zh', tokenizerVersion: 1, tokens: ['好'] });

  it('fall back to their stem or compound head, never by stripping a prefix', () => {
    expect(fallbackForms('warmly')).toContain('warm');
    expect(vocab.encode('warmly playfulness happily ex-wife')).toEqual([2, 3, 4, 5]);
    expect(vocab.encode('unwarm')).toEqual([UNK_ID]);
    expect(fallbackForms('abc')).toEqual([]);
  });

  it('apply to English only', () => {
    expect(zh.encode('好好')).toEqual([2, 2]);
    expect(zh.encode('goodly')).toEqual([UNK_ID]);
  });
});
