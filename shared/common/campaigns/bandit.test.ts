import { describe, expect, it } from 'vitest';
import { banditFromJSON, createBandit, type Bandit, type BanditPolicy } from './bandit';
import { BanditStateError } from './bandit-state';
import { discountPrior, resolvePriors } from './priors';
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
    expect(json).toMatchObject({ format: 'closer-bandit', version: 1, policy: 'thompson-greedy' });
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
    expect(() => banditFromJSON({ ...state, version: 2 })).toThrow(BanditStateError);
    expect(() => banditFromJSON(null)).toThrow(BanditStateError);
    const tooMany = structuredClone(state);
    tooMany.segments[0]!.successes[0] = tooMany.segments[0]!.trials[0]! + 1;
    expect(() => banditFromJSON(tooMany)).toThrow(BanditStateError);
    const misaligned = structuredClone(state);
    misaligned.segments[0]!.trials.pop();
    expect(() => banditFromJSON(misaligned)).toThrow(BanditStateError);
  });
});
