/**
 * The SHIPPED models (public/models/sentiment-{en,zh}) loaded through the Node loader: budgets, obvious sentences,
 * and the bad inputs the core must survive. Their accuracy on the corpora is sentiment-loader.models.test.ts.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentimentAnalyzer } from '../common/ml/sentiment/analyzer';
import { MAX_SENTENCES_PER_MESSAGE } from '../common/ml/sentiment/sentences';
import { DEFAULT_SENTIMENT_MODELS_DIR, loadSentimentAnalyzer } from './sentiment-loader';

let analyzer: SentimentAnalyzer;
beforeAll(async () => {
  analyzer = await loadSentimentAnalyzer();
});
afterAll(() => analyzer?.dispose());

describe('shipped sentiment models', () => {
  it('fit the 2 MB budget each', () => {
    for (const language of ['en', 'zh']) {
      const dir = resolve(DEFAULT_SENTIMENT_MODELS_DIR, `sentiment-${language}`);
      const bytes = ['model.json', 'weights.bin', 'vocab.json'].reduce((n, f) => n + statSync(resolve(dir, f)).size, 0);
      expect(bytes, language).toBeLessThanOrEqual(2 * 1024 * 1024);
    }
  });

  it('read a plainly neutral English sentence as neutral with the band fitted on neutral tweets', async () => {
    const result = await analyzer.analyze('What time does the flight to Denver leave tomorrow?');
    expect(result.label).toBe('neutral');
  });

  it('score obvious sentences and report spans, language and labels', async () => {
    const text = 'The demo was fantastic and the team loved it. The price is far too high and support was awful.';
    const result = await analyzer.analyze(text);
    expect(result.language).toBe('en');
    expect(result.sentences).toHaveLength(2);
    expect(result.sentences[0]!.label).toBe('positive');
    expect(result.sentences[1]!.label).toBe('negative');
    for (const s of result.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    const zh = await analyzer.analyze('送餐很快，味道很好！');
    expect(zh).toMatchObject({ language: 'zh', label: 'positive' });
    expect((await analyzer.analyze('太难吃了，再也不点了。')).label).toBe('negative');
  });

  it('give a sentence the same score alone and inside a thread', async () => {
    const alone = await analyzer.analyze('I really enjoyed the call.');
    const [, inThread] = await analyzer.analyzeMany(['Terrible service.', 'I really enjoyed the call.', '很好']);
    expect(inThread!.score).toBeCloseTo(alone.score, 6);
  });
});

describe('bad input', () => {
  const neutral = { label: 'neutral', score: 0.5, sentences: [] };

  it('empty, whitespace and non-string input give a neutral result', async () => {
    expect(await analyzer.analyze('')).toMatchObject({ ...neutral, language: 'en', truncated: false });
    expect(await analyzer.analyze(' \n\t ')).toMatchObject(neutral);
    expect(await analyzer.analyze(undefined as unknown as string)).toMatchObject(neutral);
    expect(await analyzer.analyzeMany([])).toEqual([]);
  });

  it('1 MB of text is capped, flagged and fast', async () => {
    const started = performance.now();
    const result = await analyzer.analyze('This is fine. '.repeat(75_000));
    expect(result.truncated).toBe(true);
    expect(result.sentences).toHaveLength(MAX_SENTENCES_PER_MESSAGE);
    const noBreaks = await analyzer.analyze('a'.repeat(1_000_000));
    expect(noBreaks.truncated).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('emoji-only, punctuation-only and unknown words do not crash', async () => {
    const emoji = await analyzer.analyze('👍🎉😀');
    expect(emoji.sentences).toHaveLength(1);
    expect(Number.isFinite(emoji.score)).toBe(true);
    expect(await analyzer.analyze('?!... ---')).toMatchObject(neutral);
    expect((await analyzer.analyze('Xqzvb blorft.')).score).toBe(0.5);
  });

  it('mixed scripts send each sentence to its own model', async () => {
    const result = await analyzer.analyze('Thanks for the great demo! 价格太贵了，服务也很差。');
    expect(result.sentences.map((s) => s.language)).toEqual(['en', 'zh', 'zh'].slice(0, result.sentences.length));
    expect(result.sentences[0]!.language).toBe('en');
    expect(result.sentences.at(-1)!.language).toBe('zh');
  });

  it('HTML and control characters are ignored, offsets stay on the input', async () => {
    const html = '<div style="x">Great <b>product</b>!</div>\u0000\u0007<script>1</script>';
    const result = await analyzer.analyze(html);
    expect(result.sentences[0]!.text).toBe('Great product !');
    expect(result.label).toBe('positive');
    for (const s of result.sentences) expect(s.end).toBeLessThanOrEqual(html.length);
  });

  it('caps the sentences scored per call', async () => {
    const many = Array.from({ length: 30 }, () => 'Good. '.repeat(MAX_SENTENCES_PER_MESSAGE));
    const results = await analyzer.analyzeMany(many);
    expect(results.reduce((n, r) => n + r.sentences.length, 0)).toBe(1000);
    expect(results.at(-1)).toMatchObject({ truncated: true, score: 0.5 });
  });
});
