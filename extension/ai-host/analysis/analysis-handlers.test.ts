import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRouter } from '../../../shared/common/protocol/router';
import { PROTOCOL } from '../../../shared/common/protocol/envelopes';
import { methods } from '../../messaging/methods';
import { createAnalysisHandlers, MAX_ANALYSED_CHARS } from './analysis-handlers';
import { loadSentimentAnalyzer } from '../../../shared/node/sentiment-loader';

const PUBLIC = resolve(import.meta.dirname, '../../../public');
const req = (method: string, params: unknown) => ({ protocol: PROTOCOL, kind: 'request', id: 'r', method, params });

function setup(withSentiment = false) {
  const saved = new Map<string, unknown>();
  const fetched: string[] = [];
  const route = createRouter(
    methods,
    createAnalysisHandlers({
      fetchAsset: async (path) => {
        fetched.push(path);
        return JSON.parse(readFileSync(join(PUBLIC, path), 'utf8'));
      },
      loadSaved: async (id) => saved.get(id),
      save: async (id, json) => void saved.set(id, structuredClone(json)),
      ...(withSentiment ? { loadSentiment: () => loadSentimentAnalyzer() } : {}),
    }),
  );
  return { route, saved, fetched };
}

describe('analysis in the AI host', () => {
  it("keeps a contact's message labels (never the text) when thread and sender are given", async () => {
    const kept: unknown[] = [];
    const route = createRouter(
      methods,
      createAnalysisHandlers({
        fetchAsset: async (path) => JSON.parse(readFileSync(join(PUBLIC, path), 'utf8')),
        loadSaved: async () => undefined,
        save: async () => undefined,
        remember: async (records) => void kept.push(...records),
      }),
    );
    const secret = 'Please remove me from your mailing list. Unsubscribe.';
    const res = await route(
      req('host.analyze', {
        messages: [
          { id: 'm1', text: secret, threadId: 't1', from: 'Ada@Example.com' },
          { id: 'm2', text: 'No sender, not kept', threadId: 't1' },
        ],
      }),
    );
    expect(res).toMatchObject({ kind: 'response', ok: true });
    expect(kept).toEqual([
      { id: 'm1', threadId: 't1', contactId: 'ada@example.com', intent: 'unsubscribe', analysedAt: expect.any(Number) },
    ]);
    expect(JSON.stringify(kept)).not.toContain('mailing list');
  });

  it('classifies reply intents with the shipped model and explains them', async () => {
    const { route } = setup();
    const res = await route(
      req('host.analyze', {
        messages: [
          { id: 'a', text: 'Please remove me from your mailing list. Unsubscribe.' },
          { id: 'b', text: 'I am out of the office until Monday with limited access to email.' },
          { id: 'c', text: '这个价格太贵了，超出了我们的预算。' },
        ],
      }),
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const results = (
      res.result as { results: Array<{ id: string; intent: { label: string; features: unknown[] } | null }> }
    ).results;
    expect(results.map((r) => r.intent?.label)).toEqual(['unsubscribe', 'out_of_office', 'objection_price']);
    expect(results[0]?.intent?.features.length).toBeGreaterThan(0);
  });

  it('gives no intent for text it knows nothing about, and caps huge input', async () => {
    const { route } = setup();
    const res = await route(
      req('host.analyze', {
        messages: [
          { id: 'e', text: '🙂🙂🙂' },
          { id: 'big', text: 'price '.repeat(180_000) },
        ],
      }),
    );
    expect(res).toMatchObject({
      ok: true,
      result: {
        results: [
          { id: 'e', intent: null },
          { id: 'big', truncated: true },
        ],
      },
    });
    expect(MAX_ANALYSED_CHARS).toBeLessThan(1_200_000);
  });

  it('learns from a correction, persists the adapted model, and uses it after a restart', async () => {
    const { route, saved } = setup();
    const text = 'Let us revisit this after the merger closes';
    const before = await route(req('host.analyze', { messages: [{ id: 'x', text }] }));
    const predicted = before.ok
      ? (before.result as { results: Array<{ intent: { label: string } }> }).results[0]?.intent.label
      : null;
    for (let i = 0; i < 5; i++)
      await route(req('host.learnIntent', { text, label: 'objection_timing', previous: predicted ?? undefined }));
    expect(saved.has('intent-nb')).toBe(true);

    // A fresh host (after a browser restart) loads the adapted copy instead of the shipped one.
    const restarted = createRouter(
      methods,
      createAnalysisHandlers({
        fetchAsset: async () => {
          throw new Error('the shipped model must not be needed');
        },
        loadSaved: async (id) => saved.get(id),
        save: async () => undefined,
      }),
    );
    const after = await restarted(req('host.analyze', { messages: [{ id: 'x', text }] }));
    expect(after).toMatchObject({ ok: true, result: { results: [{ intent: { label: 'objection_timing' } }] } });
  });

  it('rejects an unknown intent label', async () => {
    const { route } = setup();
    expect(await route(req('host.learnIntent', { text: 'x', label: 'maybe' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_params' },
    });
  });

  it('scores spam probability from the shipped spam model', async () => {
    const { route } = setup();
    const spam = await route(
      req('host.spamProbability', { text: 'WINNER!! Claim your FREE prize now, call 09061701461 txt STOP' }),
    );
    const ham = await route(req('host.spamProbability', { text: 'Are we still on for lunch tomorrow at noon?' }));
    const p = (r: typeof spam) => (r.ok ? (r.result as { probability: number }).probability : NaN);
    expect(p(spam)).toBeGreaterThan(0.9);
    expect(p(ham)).toBeLessThan(0.2);
  });

  it('falls back to the shipped model when the saved copy is damaged', async () => {
    const { route, saved, fetched } = setup();
    saved.set('intent-nb', { version: 99, garbage: true });
    const res = await route(req('host.analyze', { messages: [{ id: 'u', text: 'unsubscribe me please' }] }));
    expect(res).toMatchObject({ ok: true, result: { results: [{ intent: { label: 'unsubscribe' } }] } });
    expect(fetched).toContain('/models/intent-nb/model.json');
  });

  it('scores a draft and flags a claim nothing supports, with spans into the draft', async () => {
    const { route } = setup();
    const body =
      'Hi Jane, thanks for your note. Our plan costs $49 per seat and we guarantee a 40% lift by Friday. Can we talk Tuesday?';
    const res = await route(
      req('host.scoreDraft', {
        subject: 'Pricing for Example Corp',
        body,
        recipient: { name: 'Jane', company: 'Example Corp' },
        grounding: [
          'Jane Doe',
          'Example Corp',
          'The Pro plan costs $49 per seat per month.',
          'Could we talk on Tuesday?',
        ],
      }),
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const r = res.result as {
      total: number;
      criteria: Array<{ id: string }>;
      unsupported: Array<{ text: string; start: number; end: number }>;
    };
    expect(r.total).toBeGreaterThan(0);
    expect(r.total).toBeLessThanOrEqual(100);
    expect(r.criteria.map((c) => c.id)).toContain('spam_probability');
    const flagged = r.unsupported.map((c) => c.text).join(' | ');
    expect(flagged).toContain('40%');
    expect(flagged).not.toContain('$49');
    for (const c of r.unsupported) expect(body.slice(c.start, c.end)).toBe(c.text);
  });

  it('adds per-message and per-sentence sentiment from the shipped tfjs models, in both languages', async () => {
    const { route } = setup(true);
    const res = await route(
      req('host.analyze', {
        messages: [
          { id: 'pos', text: 'Great work, thank you! I love it, the demo was excellent.' },
          { id: 'neg', text: 'This is the worst experience. The tool is slow and broken and support was useless.' },
          { id: 'zh', text: '太失望了，服务很差，再也不会用了。' },
        ],
      }),
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const r = (
      res.result as {
        results: Array<{ id: string; sentiment: { label: string; language: string; sentences: unknown[] } | null }>;
      }
    ).results;
    expect(r.map((x) => x.sentiment?.label)).toEqual(['positive', 'negative', 'negative']);
    expect(r[2]?.sentiment?.language).toBe('zh');
    expect(r[1]?.sentiment?.sentences.length).toBeGreaterThanOrEqual(2);
  });
});

describe('idle release of the analysis models', () => {
  afterEach(() => void vi.useRealTimers());

  /** A host whose sentiment analyzer is real (Node's loader) but counted: loads and disposals. */
  function counted(clock: { t: number }) {
    const counts = { loads: 0, disposed: 0, fetched: 0 };
    const route = createRouter(
      methods,
      createAnalysisHandlers(
        {
          fetchAsset: async (path) => {
            counts.fetched++;
            return JSON.parse(readFileSync(join(PUBLIC, path), 'utf8'));
          },
          loadSaved: async () => undefined,
          save: async () => undefined,
          loadSentiment: async () => {
            counts.loads++;
            const analyzer = await loadSentimentAnalyzer();
            const dispose = analyzer.dispose.bind(analyzer);
            analyzer.dispose = () => {
              counts.disposed++;
              dispose();
            };
            return analyzer;
          },
        },
        { idleReleaseMs: 10 * 60_000, checkEveryMs: 1_000, now: () => clock.t },
      ),
    );
    const analyze = async () =>
      (await route(
        req('host.analyze', { messages: [{ id: 'm', text: 'Thanks, this looks great. Can we meet?' }] }),
      )) as {
        ok: boolean;
        result: { results: Array<{ sentiment: { label: string } | null; intent: { label: string } | null }> };
      };
    return { counts, analyze };
  }

  it('releases loaded models after the idle period and reloads them on the next request with the same answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clock = { t: 0 };
    const { counts, analyze } = counted(clock);
    const first = await analyze();
    expect(first.ok).toBe(true);
    expect(counts).toEqual({ loads: 1, disposed: 0, fetched: 1 });

    // Nine minutes idle: nothing is released.
    clock.t += 9 * 60_000;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(counts.disposed).toBe(0);
    // Past ten minutes the check releases sentiment and the naive Bayes model.
    clock.t += 2 * 60_000;
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.resolve();
    expect(counts.disposed).toBe(1);

    // The next request reloads what it needs, and answers exactly as before.
    const again = await analyze();
    expect(again).toEqual(first);
    expect(counts).toEqual({ loads: 2, disposed: 1, fetched: 2 });
    // Once released and idle, no timer is left running.
    clock.t += 11 * 60_000;
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.resolve();
    expect(counts.disposed).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps models loaded while requests keep coming', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clock = { t: 0 };
    const { counts, analyze } = counted(clock);
    for (let i = 0; i < 5; i++) {
      await analyze();
      clock.t += 6 * 60_000;
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(counts).toMatchObject({ loads: 1, disposed: 0 });
  });
});
