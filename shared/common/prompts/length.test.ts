import { describe, expect, it } from 'vitest';
import { ZH_CHARS_PER_WORD } from './constraints';
import { countChars, countWords, enforceLength } from './length';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['Hello there, Anna!', 3],
    ["don't re-send it", 3],
    ['价格', 2 / ZH_CHARS_PER_WORD],
    ['SSO 支持', 1 + 2 / ZH_CHARS_PER_WORD],
  ])('%j → %d', (text, words) => {
    expect(countWords(text)).toBeCloseTo(words, 5);
  });
});

describe('countChars', () => {
  it('counts CJK and full-width characters twice, emoji once', () => {
    expect(countChars('abc')).toBe(3);
    expect(countChars('你好。')).toBe(6);
    expect(countChars('Hi 👋')).toBe(4);
  });
});

describe('enforceLength', () => {
  const en = 'First sentence is here. Second one follows! Third asks a question? Fourth ends it.';

  it('returns text within the limit unchanged', () => {
    expect(enforceLength(en, { maxWords: 100, maxChars: 1_000 })).toBe(en);
  });

  it('cuts at the last sentence boundary under a word limit', () => {
    expect(enforceLength(en, { maxWords: 8 })).toBe('First sentence is here. Second one follows!');
    expect(enforceLength(en, { maxWords: 11 })).toBe(
      'First sentence is here. Second one follows! Third asks a question?',
    );
  });

  it('cuts at the last sentence boundary under a character limit', () => {
    const result = enforceLength(en, { maxChars: 50 });
    expect(result).toBe('First sentence is here. Second one follows!');
    expect(countChars(result)).toBeLessThanOrEqual(50);
  });

  it('does not treat abbreviations or decimals as sentence ends', () => {
    const text = 'We use e.g. SAML and cut costs by 3.5 percent today. Then more words follow here.';
    expect(enforceLength(text, { maxWords: 14 })).toBe('We use e.g. SAML and cut costs by 3.5 percent today.');
  });

  it('cuts Chinese at 。！？ under a character limit', () => {
    const zh = '感谢您的来信。我们支持单点登录！请问您的团队有多少人？期待您的回复。';
    const result = enforceLength(zh, { maxChars: 40 });
    expect(result).toBe('感谢您的来信。我们支持单点登录！');
    expect(countChars(result)).toBeLessThanOrEqual(40);
  });

  it('cuts Chinese under a word-equivalent limit', () => {
    const zh = '感谢您的来信。我们支持单点登录！请问您的团队有多少人？';
    expect(enforceLength(zh, { maxWords: 9 })).toBe('感谢您的来信。我们支持单点登录！');
  });

  it('keeps whole paragraphs when a line break is the last boundary that fits', () => {
    expect(enforceLength('Hi Anna,\nThanks for the long note about everything', { maxWords: 4 })).toBe('Hi Anna,');
  });

  it('falls back to whole words and an ellipsis when one sentence is too long', () => {
    const result = enforceLength('one two three four five six seven eight', { maxWords: 4 });
    expect(result).toBe('one two three four…');
    const zh = enforceLength('我们的产品支持多种语言和单点登录功能', { maxChars: 11 });
    expect(zh).toBe('我们的产品…');
    expect(countChars(zh)).toBeLessThanOrEqual(11);
  });
});
