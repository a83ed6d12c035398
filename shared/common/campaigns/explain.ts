import type { Bandit } from './bandit';
import { sampleBeta } from './distributions';
import { localize, percent, percentRange, plural, type LabelInput } from './format';
import { DEFAULT_LEVEL, rateInterval, type IntervalMethod, type RateInterval } from './intervals';
import type { Rng } from '../random';
import type { LocalizedLabel } from './schema';
import { DEFAULT_MIN_SENDS } from './winner';

/** Options of {@link explainChoice}. */
export interface ExplainOptions {
  segment: string;
  /** The arm that was chosen (usually what `choose` returned). */
  arm: string;
  /** e.g. `{ en: 'Variant B', zh: '变体 B' }`; defaults to the arm id. */
  armLabel?: LabelInput;
  /** e.g. `{ en: 'technical buyers', zh: '技术型买家' }`; defaults to the segment id. */
  segmentLabel?: LabelInput;
  /** Interval level, default 0.9. */
  level?: number;
  /** Interval method, default Wilson. */
  method?: IntervalMethod;
  /** Below this many local sends the sentence says it is too early to tell. Default 30. */
  minSends?: number;
  /** With an rng, also estimates the probability that this arm is the best (Monte Carlo over the posteriors). */
  rng?: Rng;
  /** Monte Carlo draws for that estimate. Default 2,000. */
  draws?: number;
  /** The time of the choice (ms), which decides which timed sends are still awaiting an answer. Default now. */
  now?: number;
}

/** Why an arm was chosen, as data for the UI and as one sentence in each language. */
export interface ChoiceExplanation {
  arm: string;
  segment: string;
  /** Local evidence only; the interval is computed on these, not on team priors. */
  sends: number;
  positives: number;
  /** Unanswered sends still inside their reply window: counted neither as successes nor as failures. */
  awaiting: number;
  /** Sends the rate and interval are computed on: settled ones, pending sends in part (see `ArmEvidence`). */
  settledSends: number;
  /**
   * When the bandit detected a change in this arm's reply rate (ms), or null: it then believes only sends since,
   * while the rate and interval shown still cover every send, so the sentence says so.
   */
  changedAt: number | null;
  /** Observed positive-reply rate, null without sends. */
  rate: number | null;
  interval: RateInterval;
  /** What the discounted team prior contributed, in pseudo-counts. */
  prior: { sends: number; positives: number };
  /** Posterior mean including base and team priors: what the bandit believes. */
  posteriorMean: number;
  /** Estimated P(this arm has the highest rate), or null when no rng was given. */
  probabilityBest: number | null;
  /** Local sends ≥ minSends. */
  enoughData: boolean;
  text: LocalizedLabel;
}

function estimateProbabilityBest(
  bandit: Bandit,
  segment: string,
  arm: string,
  rng: Rng,
  draws: number,
  now: number,
): number {
  const posteriors = bandit.posterior(segment, now);
  const target = posteriors.findIndex((p) => p.arm === arm);
  let wins = 0;
  for (let d = 0; d < draws; d++) {
    let best = -1;
    let bestDraw = -Infinity;
    posteriors.forEach((p, i) => {
      const x = sampleBeta(p.alpha, p.beta, rng);
      if (x > bestDraw) {
        bestDraw = x;
        best = i;
      }
    });
    if (best === target) wins++;
  }
  return wins / draws;
}

/**
 * Explains a bandit choice honestly: the local counts, their interval, how much the team prior weighed, and whether
 * there is enough data to mean anything — e.g. "Variant B: 6 positive replies in 41 sends to technical buyers; 90%
 * interval 8–26%." The interval is on the rep's own sends so a team prior can never make it look narrower.
 */
export function explainChoice(bandit: Bandit, options: ExplainOptions): ChoiceExplanation {
  const { segment, arm } = options;
  const now = options.now ?? Date.now();
  const posterior = bandit.posterior(segment, now).find((p) => p.arm === arm);
  const evidence = bandit.evidence(segment, now).find((e) => e.arm === arm);
  if (posterior === undefined || evidence === undefined) throw new RangeError(`unknown arm: ${arm}`);
  const level = options.level ?? DEFAULT_LEVEL;
  const minSends = options.minSends ?? DEFAULT_MIN_SENDS;
  const draws = options.draws ?? 2_000;
  if (!Number.isInteger(draws) || draws < 1) throw new RangeError('draws must be a whole number ≥ 1');
  const { sends, positives, awaiting, settledSends } = evidence;
  const interval = rateInterval(positives, settledSends, options.method ?? 'wilson', level);
  const armLabel = localize(options.armLabel ?? arm);
  const segmentLabel =
    options.segmentLabel === undefined
      ? { en: `segment “${segment}”`, zh: `“${segment}”细分客户` }
      : localize(options.segmentLabel);
  const levelPct = percent(level);

  let en: string;
  let zh: string;
  if (sends === 0) {
    en = `${armLabel.en}: no sends to ${segmentLabel.en} yet; chosen to explore.`;
    zh = `${armLabel.zh}：尚未向${segmentLabel.zh}发送过；为探索而选择。`;
  } else {
    const range = percentRange(interval.low, interval.high);
    // Sends still awaiting an answer are said so: the interval does not count them as failures.
    const pendingEn = awaiting > 0 ? `, ${awaiting} still awaiting replies` : '';
    const pendingZh = awaiting > 0 ? `（其中 ${awaiting} 次仍在等待回复）` : '';
    en =
      `${armLabel.en}: ${plural(positives, 'positive reply', 'positive replies')} in ${plural(sends, 'send', 'sends')}` +
      ` to ${segmentLabel.en}${pendingEn}; ${levelPct}% interval ${range.en}.`;
    zh = `${armLabel.zh}：向${segmentLabel.zh}发送 ${sends} 次${pendingZh}，获得 ${positives} 次积极回复；${levelPct}% 区间 ${range.zh}。`;
  }
  const priorSends = Math.round(posterior.priorSends);
  if (priorSends > 0) {
    const priorRate = percent(posterior.priorPositives / posterior.priorSends);
    en += ` Team results count as ${plural(priorSends, 'send', 'sends')} (${priorRate}% positive).`;
    zh += ` 团队数据折合 ${priorSends} 次发送（积极回复率 ${priorRate}%）。`;
  }
  const changedAt = evidence.changedAt ?? null;
  if (changedAt !== null) {
    // The interval above mixes sends from before and after the change; the rep must not read it as today's rate.
    const day = new Date(changedAt).toISOString().slice(0, 10);
    en += ` Its reply rate seems to have changed: the bandit now learns only from sends since ${day}, so its current rate is still uncertain.`;
    zh += ` 其回复率似乎发生了变化：系统现在只依据 ${day} 以来的发送来学习，因此当前回复率仍不确定。`;
  }
  const enoughData = settledSends >= minSends;
  if (!enoughData && sends >= minSends) {
    en += ' Too few answers yet to call it.';
    zh += ' 已有结果的发送尚少，暂无定论。';
  } else if (!enoughData && sends > 0) {
    en += ' Too few sends to call it yet.';
    zh += ' 发送量尚少，暂无定论。';
  }
  return {
    arm,
    segment,
    sends,
    positives,
    awaiting,
    settledSends,
    changedAt,
    rate: settledSends === 0 ? null : positives / settledSends,
    interval,
    prior: { sends: posterior.priorSends, positives: posterior.priorPositives },
    posteriorMean: posterior.mean,
    probabilityBest:
      options.rng === undefined ? null : estimateProbabilityBest(bandit, segment, arm, options.rng, draws, now),
    enoughData,
    text: { en, zh },
  };
}
