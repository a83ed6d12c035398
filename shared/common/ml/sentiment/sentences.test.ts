import { describe, expect, it } from 'vitest';
import { maskForScoring, MAX_MESSAGE_CHARS } from './sanitize';
import { MAX_SENTENCE_CHARS, MAX_SENTENCES_PER_MESSAGE, splitSentences } from './sentences';

const split = (text: string) => splitSentences(maskForScoring(text).masked).spans;

describe('splitSentences', () => {
  it('splits English on terminators and line breaks with offsets into the input', () => {
    const text = 'Hi Dana,\n\nThe demo was great! Is Thursday OK? Thanks.\nSam';
    const spans = split(text);
    expect(spans.map((s) => s.text)).toEqual(['Hi Dana,', 'The demo was great!', 'Is Thursday OK?', 'Thanks.', 'Sam']);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('does not split on abbreviations, initials, decimals or URLs', () => {
    const spans = split('Mr. Smith and J. Doe paid 3.5k, e.g. via acme.com/pay. Done.');
    expect(spans.map((s) => s.text)).toEqual(['Mr. Smith and J. Doe paid 3.5k, e.g. via acme.com/pay.', 'Done.']);
  });

  it('splits Chinese on full-width terminators without spaces, keeping closing quotes', () => {
    const text = '菜很好吃！送餐太慢了。他说“不错。”下次再来';
    expect(split(text).map((s) => s.text)).toEqual(['菜很好吃！', '送餐太慢了。', '他说“不错。”', '下次再来']);
  });

  it('keeps offsets on the original text when HTML is blanked', () => {
    const text = '<p>Great <b>product</b>.</p><p>Too expensive.</p>';
    const spans = split(text);
    expect(spans.map((s) => s.text)).toEqual(['Great product .', 'Too expensive.']);
    expect(text.slice(spans[1]!.start, spans[1]!.end)).toBe('Too expensive.');
  });

  it('drops spans without letters, digits or emoji and keeps emoji-only ones', () => {
    expect(split('--- ... !!!')).toEqual([]);
    expect(split('👍🎉').map((s) => s.text)).toEqual(['👍🎉']);
  });

  it('cuts run-on text into bounded pieces without breaking surrogate pairs', () => {
    const text = ('word '.repeat(99) + '😀').repeat(20);
    const spans = split(text);
    expect(spans.length).toBeGreaterThan(1);
    for (const span of spans) {
      expect(span.end - span.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS + 1);
      expect(text.charCodeAt(span.end - 1)).not.toSatisfy((c: number) => c >= 0xd800 && c <= 0xdbff);
    }
  });

  it('caps sentences per message and reports truncation', () => {
    const { spans, truncated } = splitSentences('Ok. '.repeat(MAX_SENTENCES_PER_MESSAGE + 5));
    expect(spans).toHaveLength(MAX_SENTENCES_PER_MESSAGE);
    expect(truncated).toBe(true);
    expect(splitSentences('Ok. '.repeat(3)).truncated).toBe(false);
  });
});

describe('maskForScoring', () => {
  it('blanks tags, entities and control characters at the same length', () => {
    const text = 'a<br/>b&nbsp;c\u0000d\u200be\ud800f';
    const { masked } = maskForScoring(text);
    expect(masked).toHaveLength(text.length);
    expect(masked.replace(/ +/g, ' ')).toBe('a b c d e f');
  });

  it('truncates very long input without splitting a surrogate pair', () => {
    const text = 'x'.repeat(MAX_MESSAGE_CHARS - 1) + '😀' + 'y'.repeat(10);
    const { masked, truncated } = maskForScoring(text);
    expect(truncated).toBe(true);
    expect(masked).toHaveLength(MAX_MESSAGE_CHARS - 1);
  });
});
