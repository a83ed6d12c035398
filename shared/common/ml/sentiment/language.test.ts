import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('picks Chinese when Han characters outweigh Latin words', () => {
    expect(detectLanguage('送餐很快，味道不错').language).toBe('zh');
    expect(detectLanguage('这个 demo 很好，价格也合适').language).toBe('zh');
  });

  it('picks English for English text, even with a Chinese sign-off', () => {
    expect(detectLanguage('Thanks for the demo, the team loved it. 谢谢').language).toBe('en');
    expect(detectLanguage('Great call today!').language).toBe('en');
  });

  it('defaults to English with no evidence', () => {
    expect(detectLanguage('')).toEqual({ language: 'en', hanShare: 0, evidence: 0 });
    expect(detectLanguage('👍👍 123 !!!')).toMatchObject({ language: 'en', evidence: 0 });
  });

  it('looks at a bounded prefix of long text', () => {
    const started = performance.now();
    expect(detectLanguage('好'.repeat(1_000_000)).language).toBe('zh');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
