/**
 * Benchmarks the campaign bandit (default policy) against a uniform A/B split and prints one JSON line
 * {"regret_bandit","regret_uniform","ratio","ratio_plain_thompson","runs","arms","sends","ms"}. Each run hides
 * positive-reply rates for 20 variants (seeded, uniform over 1–12%) and makes 10,000 sends; regret is the expected
 * positives lost against always sending the best variant, Σ (best rate − chosen rate), which is less noisy than
 * counting realised replies. Regrets are means over 20 seeded runs and `ratio` is their quotient.
 * `ratio_plain_thompson` is the same world under plain Thompson sampling, for comparison. Exits 1 when the default
 * bandit keeps more than 30% of the uniform split's regret.
 */
import { createBandit, createRng, type BanditPolicy, type Rng } from '../../shared/common/campaigns';
import { runBench } from './runner';

const ARMS = 20;
const SENDS = 10_000;
const RUNS = 20;
const MIN_RATE = 0.01;
const MAX_RATE = 0.12;
const BUDGET_RATIO = 0.3;
const SEGMENT = 'all';

/** Hidden rates: uniform draws over [1%, 12%], so gaps between the best arms vary from run to run. */
function hiddenRates(rng: Rng): number[] {
  return Array.from({ length: ARMS }, () => MIN_RATE + (MAX_RATE - MIN_RATE) * rng());
}

function simulate(seed: number, policy?: BanditPolicy): { bandit: number; uniform: number } {
  const world = createRng(`bench-bandit-world-${seed}`);
  const choices = createRng(`bench-bandit-policy-${seed}`);
  const rates = hiddenRates(world);
  const best = Math.max(...rates);
  const arms = rates.map((_, i) => `v${i}`);
  const bandit = createBandit(policy === undefined ? { arms } : { arms, policy });
  let regretBandit = 0;
  for (let t = 0; t < SENDS; t++) {
    const arm = bandit.choose(SEGMENT, choices);
    const i = Number(arm.slice(1));
    const rate = rates[i] ?? 0;
    regretBandit += best - rate;
    bandit.update(SEGMENT, arm, world() < rate);
  }
  // A uniform split sends each variant equally often, so its expected regret is exact: T · (best − mean rate).
  const mean = rates.reduce((a, r) => a + r, 0) / rates.length;
  return { bandit: regretBandit, uniform: SENDS * (best - mean) };
}

/** Mean regrets over the seeded runs, and the time the default-policy runs took. */
function bench(policy?: BanditPolicy): { bandit: number; uniform: number; ms: number } {
  const started = performance.now();
  let sumBandit = 0;
  let sumUniform = 0;
  for (let seed = 1; seed <= RUNS; seed++) {
    const r = simulate(seed, policy);
    sumBandit += r.bandit;
    sumUniform += r.uniform;
  }
  return { bandit: sumBandit / RUNS, uniform: sumUniform / RUNS, ms: performance.now() - started };
}

runBench('bandit', () => {
  const main = bench();
  const plain = bench('thompson');
  const ratio = main.bandit / main.uniform;
  return {
    figures: {
      regret_bandit: Number(main.bandit.toFixed(2)),
      regret_uniform: Number(main.uniform.toFixed(2)),
      ratio: Number(ratio.toFixed(4)),
      ratio_plain_thompson: Number((plain.bandit / plain.uniform).toFixed(4)),
      runs: RUNS,
      arms: ARMS,
      sends: SENDS,
      ms: Math.round(main.ms),
    },
    targets: { [`regret ratio ${ratio.toFixed(4)} <= ${BUDGET_RATIO}`]: ratio <= BUDGET_RATIO },
  };
});
