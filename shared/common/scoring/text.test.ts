import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';
import { prepareBody, splitSentences, syllables } from './text';

describe('syllables', () => {
  it.each([
    ['cat', 1],
    ['table', 2],
    ['reading', 2],
    ['beautiful', 3],
    ['communication', 5],
    ['organised', 3],
    ['the', 1],
  ])('%s has %i', (word, n) => {
    expect(syllables(word)).toBe(n);
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends and line breaks, not inside numbers, URLs or after Mr.', () => {
    expect(
      splitSentences('Hi Sarah,\nMr. Lee saw 99.9% uptime at closer.ai. Great! Free Tuesday?\nBest,\nTom'),
    ).toEqual(['Hi Sarah,', 'Mr. Lee saw 99.9% uptime at closer.ai.', 'Great!', 'Free Tuesday?', 'Best,', 'Tom']);
  });

  it('splits Chinese after 。！？ without spaces', () => {
    expect(splitSentences('王总您好：\n感谢沟通。请问周四方便吗？好的！')).toEqual([
      '王总您好：',
      '感谢沟通。',
      '请问周四方便吗？',
      '好的！',
    ]);
    // After width folding the marks are ASCII, and still end sentences next to Han text.
    expect(splitSentences('请问周四方便吗?好的!谢谢')).toEqual(['请问周四方便吗?', '好的!', '谢谢']);
  });
});

describe('prepareBody', () => {
  it('strips HTML, decodes entities, drops control characters and caps the length', () => {
    const p = prepareBody('<p>Hi&nbsp;Sarah</p><p>Price &amp; terms\u0000</p>', 1_000);
    expect(p.hadHtml).toBe(true);
    expect(
      p.text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ).toEqual(['Hi Sarah', 'Price & terms']);
    const long = prepareBody('x'.repeat(50), 10);
    expect([long.text.length, long.truncated, long.analysedChars]).toEqual([10, true, 10]);
  });
});

describe('detectLanguage', () => {
  it('tells Chinese from English, also when mixed, and falls back to English', () => {
    expect(detectLanguage('王总您好，Closer 的 Team 版每用户每月 99 美元。')).toBe('zh');
    expect(detectLanguage('Hi Wei, thanks for the intro to 王总 and the Shenzhen team.')).toBe('en');
    expect(detectLanguage('😀 123')).toBe('en');
  });
});
