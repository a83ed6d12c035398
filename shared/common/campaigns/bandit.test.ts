import { describe, expect, it } from 'vitest';
import { banditFromJSON, createBandit, detectChange, type Bandit, type BanditPolicy } from './bandit';
import { BanditStateError, migrateBanditState } from './bandit-state';
import { discountPrior, resolvePriors } from './priors';
import { DAY_MS } from './reply-delay';
import { createRng, type Rng } from '../random';

/** Runs `sends` choices against hidden rates; returns how often each arm was chosen in the last `tail` choices. */
function simulate(
  bandit: Bandit,
  rates: Record<string, number>,
  sends: number,
  tail: number,
  rng: Rng,
  segment = 'all',
): Map<string, number> {
  const late = new Map<string, number>();
  for (let t = 0; t < sends; t++) {
    const arm = bandit.choose(segment, rng);
    if (t >= sends - tail) late.set(arm, (late.get(arm) ?? 0) + 1);
    bandit.update(segment, arm, rng() < (rates[arm] ?? 0));
  }
  return late;
}

describe('createBandit', () => {
  const rates = { a: 0.02, b: 0.05, c: 0.12, d: 0.04, e: 0.08 };

  it.each<BanditPolicy>(['thompson', 'thompson-greedy'])('converges to the best arm (%s)', (policy) => {
    const bandit = createBandit({ arms: Object.keys(rates), policy });
    const late = simulate(bandit, rates, 4_000, 1_000, createRng(`converge-${policy}`));
    expect(late.get('c') ?? 0).toBeGreaterThan(700);
    const posterior = bandit.posterior('all');
    const best = posterior.reduce((x, y) => (y.mean > x.mean ? y : x));
    expect(best.arm).toBe('c');
    expect(posterior.reduce((n, p) => n + p.sends, 0)).toBe(4_000);
  });

  it('keeps segments apart: what works for one segment is learned separately', () => {
    const bandit = createBandit({ arms: ['x', 'y'] });
    const rng = createRng('segments');
    simulate(bandit, { x: 0.3, y: 0.01 }, 400, 0, rng, 'technical');
    const late = simulate(bandit, { x: 0.01, y: 0.3 }, 400, 200, rng, 'finance');
    expect(late.get('y') ?? 0).toBeGreaterThan(160);
    expect(bandit.counts('technical').find((c) => c.arm === 'x')!.sends).toBeGreaterThan(300);
    expect(bandit.segments().sort()).toEqual(['finance', 'technical']);
    // Reading a segment does not create it.
    expect(bandit.counts('unseen').every((c) => c.sends === 0)).toBe(true);
    expect(bandit.segments()).not.toContain('unseen');
  });

  it('chooses only among eligible arms', () => {
    const bandit = createBandit({ arms: ['email', 'linkedin', 'phone'] });
    const rng = createRng(5);
    for (let i = 0; i < 50; i++) bandit.update('s', 'phone', true);
    const chosen = new Set(
      Array.from({ length: 100 }, () => bandit.choose('s', rng, { eligible: ['email', 'linkedin'] })),
    );
    expect(chosen.has('phone')).toBe(false);
    expect(() => bandit.choose('s', rng, { eligible: [] })).toThrow(RangeError);
    expect(() => bandit.choose('s', rng, { eligible: ['fax'] })).toThrow(RangeError);
  });

  it('validates its input', () => {
    expect(() => createBandit({ arms: [] })).toThrow(RangeError);
    expect(() => createBandit({ arms: ['a', 'a'] })).toThrow(RangeError);
    expect(() => createBandit({ arms: ['a'], priorDiscount: 2 })).toThrow(RangeError);
    expect(() => createBandit({ arms: ['a'], priors: [{ arm: 'a', sends: 3, positives: 4 }] })).toThrow();
    const bandit = createBandit({ arms: ['a'] });
    expect(() => bandit.update('s', 'b', true)).toThrow(RangeError);
    expect(() => bandit.update('', 'a', true)).toThrow(RangeError);
  });
});

describe('team priors', () => {
  it('are discounted to the pseudo-count cap, keeping the team rate', () => {
    expect(discountPrior({ sends: 5_000, positives: 1_000 }, { cap: 20 })).toEqual({ successes: 4, trials: 20 });
    expect(discountPrior({ sends: 10, positives: 5 }, { cap: 20 })).toEqual({ successes: 5, trials: 10 });
    expect(discountPrior({ sends: 100, positives: 10 }, { cap: 20, discount: 0.1 })).toEqual({
      successes: 1,
      trials: 10,
    });
    expect(discountPrior({ sends: 0, positives: 0 })).toEqual({ successes: 0, trials: 0 });
  });

  it('prefer a segment-specific aggregate and sum split rows before capping', () => {
    const priors = [
      { arm: 'a', sends: 100, positives: 10 },
      { arm: 'a', sends: 100, positives: 40, segment: 'tech' },
      { arm: 'b', sends: 15, positives: 3 },
      { arm: 'b', sends: 15, positives: 3 },
    ];
    const tech = resolvePriors(priors, 'tech', { cap: 20 });
    expect(tech.get('a')).toEqual({ successes: 8, trials: 20 });
    expect(tech.get('b')).toEqual({ successes: 4, trials: 20 });
    expect(resolvePriors(priors, 'finance', { cap: 20 }).get('a')).toEqual({ successes: 2, trials: 20 });
  });

  it('steer the first choices, then are overturned by local evidence', () => {
    // The team saw 'a' at 20% and 'b' at 1%; for this rep 'a' gets 2% and 'b' 12%.
    const priors = [
      { arm: 'a', sends: 5_000, positives: 1_000 },
      { arm: 'b', sends: 5_000, positives: 50 },
    ];
    const local = { a: 0.02, b: 0.12 };
    const bandit = createBandit({ arms: ['a', 'b'], priors });
    const before = bandit.posterior('s');
    expect(before[0]!.mean).toBeGreaterThan(before[1]!.mean);
    expect(before[0]!.priorSends).toBe(20);

    const late = simulate(bandit, local, 600, 200, createRng('overturn'), 's');
    const after = bandit.posterior('s');
    expect(after[1]!.mean).toBeGreaterThan(after[0]!.mean);
    expect(late.get('b') ?? 0).toBeGreaterThan(160);

    // The cap is what makes this possible: the same team data at full weight is not overturned by 600 sends.
    const stubborn = createBandit({ arms: ['a', 'b'], priors, priorCap: 1e9 });
    simulate(stubborn, local, 600, 200, createRng('overturn'), 's');
    const s = stubborn.posterior('s');
    expect(s[0]!.mean).toBeGreaterThan(s[1]!.mean);
  });
});

describe('toJSON / banditFromJSON', () => {
  function trained(): Bandit {
    const bandit = createBandit({
      arms: ['a', 'b', 'c'],
      priors: [{ arm: 'b', sends: 80, positives: 8 }],
      priorCap: 15,
      basePrior: { alpha: 1, beta: 3 },
    });
    simulate(bandit, { a: 0.05, b: 0.1, c: 0.2 }, 300, 0, createRng('train'), 'tech');
    simulate(bandit, { a: 0.2, b: 0.1, c: 0.05 }, 100, 0, createRng('train2'), 'finance');
    return bandit;
  }

  it('round-trips through JSON text and chooses exactly as the original', () => {
    const original = trained();
    const json = JSON.parse(JSON.stringify(original)) as unknown;
    expect(json).toMatchObject({ format: 'closer-bandit', version: 2, policy: 'thompson-greedy' });
    const restored = banditFromJSON(json);
    expect(restored.toJSON()).toEqual(original.toJSON());
    expect(restored.posterior('tech')).toEqual(original.posterior('tech'));
    const r1 = createRng('replay');
    const r2 = createRng('replay');
    const a = Array.from({ length: 50 }, () => original.choose('tech', r1));
    const b = Array.from({ length: 50 }, () => restored.choose('tech', r2));
    expect(b).toEqual(a);
  });

  it('keeps counts of arms that remain when the arms change', () => {
    const original = trained();
    const restored = banditFromJSON(original.toJSON(), { arms: ['c', 'a', 'new'] });
    const byArm = new Map(restored.counts('tech').map((c) => [c.arm, c]));
    const old = new Map(original.counts('tech').map((c) => [c.arm, c]));
    expect(byArm.get('c')).toEqual(old.get('c'));
    expect(byArm.get('a')).toEqual(old.get('a'));
    expect(byArm.get('new')).toEqual({ arm: 'new', sends: 0, positives: 0 });
    expect(byArm.has('b')).toBe(false);
  });

  it('rejects malformed or unknown state instead of silently starting over', () => {
    const state = trained().toJSON();
    expect(() => banditFromJSON({ ...state, version: 3 })).toThrow(BanditStateError);
    expect(() => banditFromJSON(null)).toThrow(BanditStateError);
    const tooMany = structuredClone(state);
    tooMany.segments[0]!.successes[0] = tooMany.segments[0]!.trials[0]! + 1;
    expect(() => banditFromJSON(tooMany)).toThrow(BanditStateError);
    const misaligned = structuredClone(state);
    misaligned.segments[0]!.trials.pop();
    expect(() => banditFromJSON(misaligned)).toThrow(BanditStateError);
  });
});

describe('timed sends: replies that arrive later', () => {
  const T0 = Date.UTC(2026, 0, 5);
  const hours = (h: number) => T0 + h * 3_600_000;

  it('counts an unanswered send as pending, not as a failure, until its reply would have arrived', () => {
    const bandit = createBandit({ arms: ['a'], learnReplyDelay: false });
    for (let i = 0; i < 100; i++) bandit.recordSend('s', 'a', T0);
    const fresh = bandit.evidence('s', hours(1))[0]!;
    expect(fresh).toMatchObject({ sends: 100, positives: 0, awaiting: 100 });
    expect(fresh.settledSends).toBeLessThanOrEqual(1);
    // A hundred sends an hour old are barely evidence: the posterior is still close to the Beta(1, 1) prior.
    expect(bandit.posterior('s', hours(1))[0]!.mean).toBeGreaterThan(0.3);
    // A day and a half later (the median delay) about half of them count as failures; after a month all do.
    const median = bandit.evidence('s', hours(36))[0]!;
    expect(median.settledSends).toBeGreaterThan(40);
    expect(median.settledSends).toBeLessThan(60);
    expect(median.awaiting).toBe(100);
    const late = bandit.evidence('s', T0 + 40 * DAY_MS)[0]!;
    expect(late).toMatchObject({ awaiting: 0, settledSends: 100 });
    expect(bandit.posterior('s', T0 + 40 * DAY_MS)[0]!.beta).toBeCloseTo(101, 6);
  });

  it('a reply settles its send at once and counts as a success', () => {
    const bandit = createBandit({ arms: ['a', 'b'], learnReplyDelay: false });
    for (let i = 0; i < 10; i++) bandit.recordSend('s', 'a', T0);
    bandit.recordReply('s', 'a', T0);
    const e = bandit.evidence('s', hours(2))[0]!;
    expect(e).toMatchObject({ sends: 10, positives: 1, awaiting: 9, settledSends: 1 });
    expect(bandit.posterior('s', hours(2))[0]!.alpha).toBeCloseTo(2, 6);
    expect(() => bandit.recordReply('s', 'b', T0)).toThrow(RangeError);
    expect(() => bandit.recordReply('s', 'a', hours(48))).toThrow(RangeError);
  });

  it('a reply after its send was folded into the settled sums still moves it from failures to successes', () => {
    const bandit = createBandit({ arms: ['a'], learnReplyDelay: false });
    bandit.recordSend('s', 'a', T0);
    bandit.recordSend('s', 'a', T0);
    const before = bandit.posterior('s', T0 + 60 * DAY_MS)[0]!;
    expect(before.beta).toBeCloseTo(3, 6);
    bandit.recordReply('s', 'a', T0);
    const after = bandit.posterior('s', T0 + 60 * DAY_MS)[0]!;
    expect(after.alpha).toBeCloseTo(2, 6);
    expect(after.beta).toBeCloseTo(2, 6);
    expect(bandit.evidence('s', T0 + 60 * DAY_MS)[0]).toMatchObject({ sends: 2, positives: 1, settledSends: 2 });
  });

  it('does not mistake a slow arm for a bad one: pending sends of the arm sent last do not sink it', () => {
    // Both arms reply at 10%; 'b' was sent yesterday, 'a' a month ago. Counting pending as failures would rate 'b'
    // far below 'a'.
    const bandit = createBandit({ arms: ['a', 'b'], learnReplyDelay: false });
    const now = T0 + 31 * DAY_MS;
    for (let i = 0; i < 200; i++) {
      bandit.recordSend('s', 'a', T0);
      if (i % 10 === 0) bandit.recordReply('s', 'a', T0);
      bandit.recordSend('s', 'b', now - DAY_MS);
    }
    // A third of b's replies have arrived by now (P(delay ≤ 1 day) ≈ 0.34).
    for (let i = 0; i < 7; i++) bandit.recordReply('s', 'b', now - DAY_MS);
    const [a, b] = bandit.posterior('s', now);
    expect(Math.abs(a!.mean - b!.mean)).toBeLessThan(0.03);
    const naive = 7 / 200;
    expect(b!.mean).toBeGreaterThan(naive + 0.04);
  });

  it('learns that replies come faster than assumed from the delays it sees', () => {
    const learning = createBandit({ arms: ['a'] });
    const fixed = createBandit({ arms: ['a'], learnReplyDelay: false });
    for (let i = 0; i < 40; i++) {
      const at = T0 + i * 3_600_000;
      for (const b of [learning, fixed]) {
        for (let k = 0; k < 9; k++) b.recordSend('s', 'a', at);
        b.recordSend('s', 'a', at);
        // Every tenth send is answered ten minutes later.
        b.recordReply('s', 'a', at, at + 600_000);
      }
    }
    const now = T0 + 41 * 3_600_000;
    // Fitted to replies within minutes, unanswered sends of a few hours settle as failures: mean near 10%.
    expect(learning.posterior('s', now)[0]!.mean).toBeLessThan(0.13);
    expect(fixed.posterior('s', now)[0]!.mean).toBeGreaterThan(0.2);
  });

  it('with a half-life, forgets old evidence so a variant that changed shows it', () => {
    const forgetting = createBandit({ arms: ['a'], halfLifeDays: 7, learnReplyDelay: false, changeThreshold: null });
    const keeping = createBandit({ arms: ['a'], learnReplyDelay: false, changeThreshold: null });
    for (const b of [forgetting, keeping]) {
      // 2,000 sends at 10% forty days ago, then 300 at 2% over the last fortnight's first week.
      for (let i = 0; i < 2_000; i++) {
        b.recordSend('s', 'a', T0);
        if (i % 10 === 0) b.recordReply('s', 'a', T0);
      }
      for (let i = 0; i < 300; i++) {
        const at = T0 + 26 * DAY_MS + (i % 7) * DAY_MS;
        b.recordSend('s', 'a', at);
        if (i % 50 === 0) b.recordReply('s', 'a', at);
      }
    }
    const now = T0 + 40 * DAY_MS;
    expect(keeping.posterior('s', now)[0]!.mean).toBeGreaterThan(0.085);
    expect(forgetting.posterior('s', now)[0]!.mean).toBeLessThan(0.05);
    // Counts stay raw for explanations: nothing is forgotten there.
    expect(forgetting.counts('s')[0]).toEqual({ arm: 'a', sends: 2_300, positives: 206 });
  });

  it('round-trips timed sends and the fitted delays through JSON', () => {
    const bandit = createBandit({ arms: ['a', 'b'], halfLifeDays: 21 });
    const rng = createRng('timed-json');
    for (let i = 0; i < 500; i++) {
      const at = T0 + i * 2 * 3_600_000;
      const arm = bandit.choose('s', rng, { now: at });
      bandit.recordSend('s', arm, at);
      if (rng() < 0.1) bandit.recordReply('s', arm, at, at + DAY_MS);
    }
    const now = T0 + 45 * DAY_MS;
    const restored = banditFromJSON(JSON.parse(JSON.stringify(bandit.toJSON())) as unknown);
    expect(restored.toJSON()).toEqual(bandit.toJSON());
    expect(restored.posterior('s', now)).toEqual(bandit.posterior('s', now));
    expect(restored.evidence('s', now)).toEqual(bandit.evidence('s', now));
  });

  it('migrates v1 state: its counts stay, untimed and undiscounted', () => {
    const v1 = {
      format: 'closer-bandit',
      version: 1,
      arms: ['a', 'b'],
      basePrior: { alpha: 1, beta: 1 },
      policy: 'thompson-greedy',
      priorCap: 20,
      priorDiscount: 1,
      priors: [],
      segments: [{ segment: 's', successes: [3, 1], trials: [30, 40] }],
    };
    const migrated = migrateBanditState(v1);
    expect(migrated.version).toBe(2);
    expect(migrated.halfLifeDays).toBeNull();
    const bandit = banditFromJSON(v1);
    expect(bandit.counts('s')).toEqual([
      { arm: 'a', sends: 30, positives: 3 },
      { arm: 'b', sends: 40, positives: 1 },
    ]);
    expect(bandit.posterior('s', T0 + 400 * DAY_MS)[0]).toMatchObject({ alpha: 4, beta: 28 });
    expect(bandit.evidence('s', T0)[0]).toMatchObject({ awaiting: 0, settledSends: 30 });
  });
});

describe('change detection', () => {
  const T0 = Date.UTC(2026, 0, 5);
  const HOUR = 3_600_000;

  it('finds the split between two rates, and none in a steady stream', () => {
    const steady = Array.from({ length: 40 }, () => ({ replies: 5, exposure: 100 }));
    expect(detectChange(steady, 6)).toBe(-1);
    const fallen = [
      ...Array.from({ length: 20 }, () => ({ replies: 10, exposure: 100 })),
      ...Array.from({ length: 20 }, () => ({ replies: 1, exposure: 100 })),
    ];
    expect(detectChange(fallen, 6)).toBe(20);
    // Too little exposure after the split to tell the rates apart.
    expect(detectChange([...fallen.slice(0, 20), { replies: 0, exposure: 10 }], 6)).toBe(-1);
  });

  /** Sends `perDay` mails a day of arm a for `days` days from `from`, replying within an hour at `rate`. */
  function feed(bandit: Bandit, from: number, days: number, rate: number, rng: Rng): number {
    const perDay = 100;
    for (let k = 0; k < days * perDay; k++) {
      const at = from + (k * DAY_MS) / perDay;
      bandit.recordSend('s', 'a', at);
      if (rng() < rate) bandit.recordReply('s', 'a', at, at + HOUR);
    }
    return from + days * DAY_MS;
  }

  it('forgets an arm’s evidence from before its rate fell, and says when', () => {
    const detecting = createBandit({
      arms: ['a', 'b'],
      learnReplyDelay: false,
      replyDelay: { medianDays: 0.05, sigma: 1 },
    });
    const blind = createBandit({
      arms: ['a', 'b'],
      learnReplyDelay: false,
      replyDelay: { medianDays: 0.05, sigma: 1 },
      changeThreshold: null,
    });
    let end = 0;
    for (const bandit of [detecting, blind]) {
      const r = createRng('change-fall');
      const fallAt = feed(bandit, T0, 20, 0.1, r);
      end = feed(bandit, fallAt, 4, 0.01, r);
    }
    const a = (b: Bandit) => b.posterior('s', end).find((p) => p.arm === 'a')!;
    expect(a(detecting).mean).toBeLessThan(0.03);
    expect(a(blind).mean).toBeGreaterThan(0.06);
    const changedAt = detecting.evidence('s', end).find((e) => e.arm === 'a')?.changedAt;
    expect(changedAt).toBeDefined();
    // Dated at the fall, or later when the fall's sends were already folded (replies here are due within a day).
    expect(changedAt!).toBeGreaterThanOrEqual(T0 + 19 * DAY_MS);
    expect(changedAt!).toBeLessThan(end);
    expect(blind.evidence('s', end).find((e) => e.arm === 'a')?.changedAt).toBeUndefined();
  });

  it('keeps every send of an arm whose rate holds', () => {
    const bandit = createBandit({
      arms: ['a', 'b'],
      learnReplyDelay: false,
      replyDelay: { medianDays: 0.05, sigma: 1 },
    });
    const end = feed(bandit, T0, 24, 0.06, createRng('change-steady'));
    expect(bandit.evidence('s', end).find((e) => e.arm === 'a')?.changedAt).toBeUndefined();
    expect(bandit.posterior('s', end).find((p) => p.arm === 'a')!.alpha).toBeGreaterThan(100);
  });
});
