import { describe, expect, it } from 'vitest';
import { createBandit } from './bandit';
import { explainChoice } from './explain';
import { wilsonInterval } from './intervals';
import { createRng } from '../random';
import { declareWinner } from './winner';

/** A bandit with exactly `positives` out of `sends` recorded for each arm in segment 'tech'. */
function withCounts(counts: Record<string, [positives: number, sends: number]>, priors = false) {
  const bandit = createBandit({
    arms: Object.keys(counts),
    priors: priors ? [{ arm: 'b', sends: 400, positives: 40 }] : [],
  });
  for (const [arm, [positives, sends]] of Object.entries(counts))
    for (let i = 0; i < sends; i++) bandit.update('tech', arm, i < positives);
  return bandit;
}

const labels = { en: 'technical buyers', zh: '技术型买家' };

describe('explainChoice', () => {
  it('states the counts and the 90% interval in English and Chinese', () => {
    const bandit = withCounts({ a: [3, 40], b: [6, 41] });
    const e = explainChoice(bandit, {
      segment: 'tech',
      arm: 'b',
      armLabel: { en: 'Variant B', zh: '变体 B' },
      segmentLabel: labels,
    });
    expect(e).toMatchObject({ arm: 'b', sends: 41, positives: 6, enoughData: true, probabilityBest: null });
    expect(e.rate).toBeCloseTo(6 / 41, 12);
    expect(e.interval.low).toBeCloseTo(0.0776, 4);
    expect(e.interval.high).toBeCloseTo(0.2589, 4);
    expect(e.text.en).toBe('Variant B: 6 positive replies in 41 sends to technical buyers; 90% interval 8–26%.');
    expect(e.text.zh).toBe('变体 B：向技术型买家发送 41 次，获得 6 次积极回复；90% 区间 8%–26%。');
  });

  it('says when the data is thin, when nothing was sent, and what the team prior weighed', () => {
    const thin = explainChoice(withCounts({ a: [1, 1], b: [0, 0] }), { segment: 'tech', arm: 'a' });
    expect(thin.enoughData).toBe(false);
    expect(thin.text.en).toContain('1 positive reply in 1 send to');
    expect(thin.text.en).toContain('Too few sends to call it yet.');
    expect(thin.text.zh).toContain('发送量尚少');

    const none = explainChoice(withCounts({ a: [0, 0], b: [0, 0] }, true), {
      segment: 'tech',
      arm: 'b',
      segmentLabel: labels,
    });
    expect(none.rate).toBeNull();
    expect(none.prior).toEqual({ sends: 20, positives: 2 });
    expect(none.text.en).toBe(
      'b: no sends to technical buyers yet; chosen to explore. Team results count as 20 sends (10% positive).',
    );
    expect(none.text.zh).toContain('团队数据折合 20 次发送（积极回复率 10%）');
  });

  it('estimates the probability of being best when given an rng', () => {
    const bandit = withCounts({ a: [2, 100], b: [20, 100] });
    const b = explainChoice(bandit, { segment: 'tech', arm: 'b', rng: createRng(1) });
    const a = explainChoice(bandit, { segment: 'tech', arm: 'a', rng: createRng(1) });
    expect(b.probabilityBest).toBeGreaterThan(0.99);
    expect(a.probabilityBest).toBeLessThan(0.01);
    expect(() => explainChoice(bandit, { segment: 'tech', arm: 'zzz' })).toThrow(RangeError);
  });
});

describe('declareWinner', () => {
  it('declares no winner below the minimum sample, naming the thin arm', () => {
    const d = declareWinner(
      [
        { arm: 'a', sends: 200, positives: 40 },
        { arm: 'b', sends: 29, positives: 0 },
      ],
      { labels: { b: { en: 'Variant B', zh: '变体 B' } } },
    );
    expect(d.winner).toBeNull();
    expect(d.reason).toBe('insufficient_sample');
    expect(d.text.en).toBe('No winner yet: Variant B has only 29 sends; every arm needs at least 30.');
    expect(d.text.zh).toContain('变体 B 仅发送 29 次');
  });

  it('declares no winner while the 90% intervals overlap', () => {
    const d = declareWinner([
      { arm: 'a', sends: 60, positives: 9 },
      { arm: 'b', sends: 60, positives: 5 },
      { arm: 'c', sends: 60, positives: 2 },
    ]);
    expect(d.winner).toBeNull();
    expect(d.reason).toBe('overlapping_intervals');
    expect(d.arms.map((a) => a.arm)).toEqual(['a', 'b', 'c']);
    expect(d.text.en).toMatch(/^No winner yet: the 90% intervals of a \(\d+–\d+%\) and b \(\d+–\d+%\) overlap\.$/);
  });

  it('declares a winner once its interval clears every other arm', () => {
    const d = declareWinner([
      { arm: 'a', sends: 300, positives: 12 },
      { arm: 'b', sends: 300, positives: 45 },
      { arm: 'c', sends: 300, positives: 15 },
    ]);
    expect(d.winner).toBe('b');
    expect(d.reason).toBe('clear_winner');
    expect(d.arms[0]!.interval.low).toBeGreaterThan(Math.max(d.arms[1]!.interval.high, d.arms[2]!.interval.high));
    expect(d.text.en).toContain('b wins');
  });

  it('needs two arms, and honours minSends', () => {
    expect(declareWinner([{ arm: 'a', sends: 500, positives: 50 }]).reason).toBe('too_few_arms');
    const arms = [
      { arm: 'a', sends: 20, positives: 10 },
      { arm: 'b', sends: 20, positives: 0 },
    ];
    expect(declareWinner(arms).winner).toBeNull();
    expect(declareWinner(arms, { minSends: 20 }).winner).toBe('a');
    expect(() => declareWinner([...arms, arms[0]!])).toThrow(RangeError);
  });

  it('says how many sends still await replies and does not count them as failures', () => {
    const bandit = createBandit({ arms: ['a', 'b'], learnReplyDelay: false });
    const now = Date.UTC(2026, 2, 1, 5);
    // 40 sends a month old with 4 replies, and 12 sent this morning, unanswered.
    for (let i = 0; i < 40; i++) bandit.recordSend('tech', 'a', now - 30 * 86_400_000);
    for (let i = 0; i < 4; i++) bandit.recordReply('tech', 'a', now - 30 * 86_400_000);
    for (let i = 0; i < 12; i++) bandit.recordSend('tech', 'a', now - 3 * 3_600_000);
    const e = explainChoice(bandit, { segment: 'tech', arm: 'a', armLabel: 'Variant A', segmentLabel: 'tech', now });
    expect(e).toMatchObject({ sends: 52, positives: 4, awaiting: 12, settledSends: 40, rate: 0.1 });
    expect(e.text.en).toBe(
      'Variant A: 4 positive replies in 52 sends to tech, 12 still awaiting replies; 90% interval 5–20%.',
    );
    expect(e.text.zh).toContain('其中 12 次仍在等待回复');
    // Counted as failures, the same sends would give 4 in 52 and a lower interval.
    expect(e.interval.low).toBeGreaterThan(wilsonInterval(4, 52).low + 0.01);
  });

  it('says when the arm’s rate changed, so the rate shown is not read as today’s', () => {
    const T0 = Date.UTC(2026, 0, 5);
    const bandit = createBandit({
      arms: ['a', 'b'],
      learnReplyDelay: false,
      replyDelay: { medianDays: 0.05, sigma: 1 },
    });
    const rng = createRng('explain-change');
    // 10% for ten days, then 1% for a day and a half: the bandit detects the fall.
    for (let k = 0; k < 1_150; k++) {
      const at = T0 + (k * 86_400_000) / 100;
      bandit.recordSend('tech', 'a', at);
      if (rng() < (k < 1_000 ? 0.1 : 0.01)) bandit.recordReply('tech', 'a', at, at + 3_600_000);
    }
    const now = T0 + 11.5 * 86_400_000;
    const e = explainChoice(bandit, { segment: 'tech', arm: 'a', now });
    expect(e.changedAt).not.toBeNull();
    expect(e.text.en).toMatch(
      /reply rate seems to have changed: the bandit now learns only from sends since 2026-01-1\d/,
    );
    expect(e.text.zh).toContain('回复率似乎发生了变化');
    // An arm without a change says nothing of the kind.
    const steady = explainChoice(withCounts({ a: [3, 40], b: [6, 41] }), { segment: 'tech', arm: 'b' });
    expect(steady.changedAt).toBeNull();
    expect(steady.text.en).not.toContain('changed');
  });
});
