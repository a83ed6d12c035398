/**
 * Benchmarks the campaign bandit (product defaults) against a uniform A/B split in two worlds and prints one JSON
 * line. Each run hides positive-reply rates for 20 variants (seeded, uniform over 1–12%) and makes 10,000 sends,
 * spread evenly over an eight-week campaign; figures are means over 20 seeded runs.
 *
 * - `instant` (the world of the first benchmark): a reply is known the moment a mail is sent, rates never change.
 * - `realistic`: replies arrive after a log-normal delay (median 1.5 days, σ = 1: 90% within 5.4 days, about 6%
 *   after a week; e-mail reply times are heavy-tailed and fit a log-normal better than a power law, see
 *   shared/common/campaigns/reply-delay.ts), and rates move: each variant drifts gradually over the campaign (most
 *   tire: its rate is multiplied by a factor drawn from 0.5–1.25 by the end), and at a random moment between 30% and
 *   70% of the campaign the variant that is best at that moment falls abruptly to 1–4% while another variant's rate is
 *   redrawn over 1–12%. Replies that would arrive after the campaign ends are never seen.
 *
 * Regret is the expected positives lost against always sending the variant that is best at the moment of each send,
 * Σ_t (max_i r_i(t) − r_chosen(t)): honest under drift, and less noisy than counting realised replies. A uniform
 * split's is Σ_t (max_i r_i(t) − mean_i r_i(t)). `ratio_*` are mean bandit regret over mean uniform regret. Both
 * worlds run the bandit exactly as the extension does: each send recorded with its time, each reply with the time of
 * its send, pending sends neither successes nor failures, and a change point detected on an arm cutting off its
 * older evidence. `ratio_realistic_naive` is the realistic world for a bandit that counts every unanswered send as a
 * failure and never forgets (no change detection), for comparison.
 *
 * The change-detection threshold was tuned on seeds 1000–1019 (`BENCH_BANDIT_FIRST_SEED=1000`, settings to try in
 * `BENCH_BANDIT_OPTIONS` as JSON); the figures reported are on seeds 1–20, which no setting was chosen on.
 *
 * Exits 1 when the realistic ratio is over 0.20 or the instant ratio over 0.23.
 */
import {
  DAY_MS,
  createBandit,
  createRng,
  sampleReplyDelayDays,
  type BanditOptions,
  type Rng,
} from '../../shared/common/campaigns';
import { runBench } from './runner';

const ARMS = 20;
const SENDS = 10_000;
const RUNS = 20;
const MIN_RATE = 0.01;
const MAX_RATE = 0.12;
const CAMPAIGN_DAYS = 56;
const REPLY_DELAY = { medianDays: 1.5, sigma: 1 };
const TARGET_REALISTIC = 0.2;
const TARGET_INSTANT = 0.23;
const SEGMENT = 'all';
const START = Date.UTC(2026, 0, 5);
const STEP_MS = (CAMPAIGN_DAYS * DAY_MS) / SENDS;

type Mode = 'instant' | 'realistic';

/** Every arm's rate at every send (row t), so regret can be taken against the best arm of that moment. */
function worldRates(mode: Mode, rng: Rng): Float64Array[] {
  const base = Array.from({ length: ARMS }, () => MIN_RATE + (MAX_RATE - MIN_RATE) * rng());
  const rows: Float64Array[] = [];
  if (mode === 'instant') {
    const row = Float64Array.from(base);
    for (let t = 0; t < SENDS; t++) rows.push(row);
    return rows;
  }
  const common = 0.6 + 0.3 * rng();
  const endFactor = base.map(() => common * (0.8 + 0.4 * rng()));
  const jumpAt = Math.floor(SENDS * (0.3 + 0.4 * rng()));
  const jump = base.map(() => 1);
  const clamp = (r: number) => Math.min(0.15, Math.max(0.005, r));
  const drifted = (i: number, t: number) => (base[i] ?? 0) * Math.pow(endFactor[i] ?? 1, t / SENDS);
  for (let t = 0; t < SENDS; t++) {
    if (t === jumpAt) {
      let best = 0;
      for (let i = 1; i < ARMS; i++) if (drifted(i, t) > drifted(best, t)) best = i;
      jump[best] = (0.01 + 0.03 * rng()) / drifted(best, t);
      let other = Math.floor(rng() * (ARMS - 1));
      if (other >= best) other++;
      jump[other] = (MIN_RATE + (MAX_RATE - MIN_RATE) * rng()) / drifted(other, t);
    }
    rows.push(Float64Array.from({ length: ARMS }, (_, i) => clamp(drifted(i, t) * (jump[i] ?? 1))));
  }
  return rows;
}

/** A min-heap of replies by arrival time. */
class Arrivals {
  private items: Array<{ at: number; arm: string; sentAt: number }> = [];
  push(item: { at: number; arm: string; sentAt: number }): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.at <= a[i]!.at) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  popUntil(now: number): Array<{ arm: string; sentAt: number }> {
    const out = [];
    const a = this.items;
    while (a.length > 0 && a[0]!.at <= now) {
      out.push(a[0]!);
      const last = a.pop()!;
      if (a.length === 0) break;
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.at < a[m]!.at) m = l;
        if (r < a.length && a[r]!.at < a[m]!.at) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return out;
  }
}

function simulate(mode: Mode, seed: number, options: Partial<BanditOptions> = {}) {
  const world = createRng(`bench-bandit-${mode}-world-${seed}`);
  const outcomes = createRng(`bench-bandit-${mode}-outcomes-${seed}`);
  const choices = createRng(`bench-bandit-${mode}-policy-${seed}`);
  const rates = worldRates(mode, world);
  const arms = Array.from({ length: ARMS }, (_, i) => `v${i}`);
  const bandit = createBandit({ arms, ...options });
  const arrivals = new Arrivals();
  let regretBandit = 0;
  let regretUniform = 0;
  for (let t = 0; t < SENDS; t++) {
    const now = START + t * STEP_MS;
    for (const r of arrivals.popUntil(now) as Array<{ at: number; arm: string; sentAt: number }>)
      bandit.recordReply(SEGMENT, r.arm, r.sentAt, r.at);
    const row = rates[t]!;
    let best = 0;
    let sum = 0;
    for (let i = 0; i < ARMS; i++) {
      const r = row[i] ?? 0;
      if (r > best) best = r;
      sum += r;
    }
    const arm = bandit.choose(SEGMENT, choices, { now });
    const rate = row[Number(arm.slice(1))] ?? 0;
    regretBandit += best - rate;
    regretUniform += best - sum / ARMS;
    bandit.recordSend(SEGMENT, arm, now);
    if (outcomes() < rate) {
      if (mode === 'instant') bandit.recordReply(SEGMENT, arm, now, now);
      else arrivals.push({ at: now + sampleReplyDelayDays(REPLY_DELAY, outcomes) * DAY_MS, arm, sentAt: now });
    }
  }
  return { bandit: regretBandit, uniform: regretUniform };
}

/** Reported seeds are 1–20; settings were tuned on seeds 1000–1019 (`BENCH_BANDIT_FIRST_SEED=1000`), never these. */
const FIRST_SEED = Number(process.env.BENCH_BANDIT_FIRST_SEED ?? 1);

function bench(mode: Mode, options: Partial<BanditOptions> = {}) {
  const started = performance.now();
  let sumBandit = 0;
  let sumUniform = 0;
  for (let seed = FIRST_SEED; seed < FIRST_SEED + RUNS; seed++) {
    const r = simulate(mode, seed, options);
    sumBandit += r.bandit;
    sumUniform += r.uniform;
  }
  return { bandit: sumBandit / RUNS, uniform: sumUniform / RUNS, ms: performance.now() - started };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
/** Settings to try, as JSON (`BENCH_BANDIT_OPTIONS='{"changeThreshold":12}'`), for tuning on other seeds. */
const TRY: Partial<BanditOptions> = JSON.parse(process.env.BENCH_BANDIT_OPTIONS ?? '{}') as Partial<BanditOptions>;

runBench('bandit', () => {
  const instant = bench('instant', TRY);
  const realistic = bench('realistic', TRY);
  // Counts an unanswered send as a failure at once (a delay model with replies due instantly) and never forgets.
  const naive = bench('realistic', {
    replyDelay: { medianDays: 1e-9, sigma: 1e-3 },
    halfLifeDays: null,
    changeThreshold: null,
  });
  const ratioInstant = instant.bandit / instant.uniform;
  const ratioRealistic = realistic.bandit / realistic.uniform;
  return {
    figures: {
      ratio_instant: round(ratioInstant, 4),
      ratio_realistic: round(ratioRealistic, 4),
      ratio_realistic_naive: round(naive.bandit / naive.uniform, 4),
      regret_instant: { bandit: round(instant.bandit, 2), uniform: round(instant.uniform, 2) },
      regret_realistic: { bandit: round(realistic.bandit, 2), uniform: round(realistic.uniform, 2) },
      target: { realistic: TARGET_REALISTIC, instant: TARGET_INSTANT },
      runs: RUNS,
      arms: ARMS,
      sends: SENDS,
      campaign_days: CAMPAIGN_DAYS,
      reply_delay_days: { median: REPLY_DELAY.medianDays, sigma: REPLY_DELAY.sigma },
      ms: Math.round(instant.ms + realistic.ms),
    },
    targets: {
      [`realistic regret ratio ${ratioRealistic.toFixed(4)} <= ${TARGET_REALISTIC}`]:
        ratioRealistic <= TARGET_REALISTIC,
      [`instant regret ratio ${ratioInstant.toFixed(4)} <= ${TARGET_INSTANT}`]: ratioInstant <= TARGET_INSTANT,
    },
  };
});
