import type { ArmCounts } from './bandit';
import { labelFor, percentRange, type LabelInput } from './format';
import { DEFAULT_LEVEL, rateInterval, type IntervalMethod, type RateInterval } from './intervals';
import type { LocalizedLabel } from './schema';

/**
 * Fewest sends per arm before any comparison is reported. Below about 30 sends a 1–15% reply rate has an interval
 * wider than the differences between variants, and early leaders regress (the "peeking" problem).
 */
export const DEFAULT_MIN_SENDS = 30;

/** Why a winner was, or was not, declared. */
export type WinnerReason = 'clear_winner' | 'too_few_arms' | 'insufficient_sample' | 'overlapping_intervals';

/** One arm's observed rate and interval, as compared. */
export interface ArmSummary extends ArmCounts {
  rate: number | null;
  interval: RateInterval;
}

/** The verdict: `winner` is null unless the evidence is clear; `reason` and `text` say why either way. */
export interface WinnerDecision {
  winner: string | null;
  reason: WinnerReason;
  text: LocalizedLabel;
  /** Arms by observed rate, best first. */
  arms: ArmSummary[];
}

/** Options of {@link declareWinner}. */
export interface WinnerOptions {
  /** Every arm needs at least this many sends. Default {@link DEFAULT_MIN_SENDS}. */
  minSends?: number;
  /** Default 0.9. */
  level?: number;
  /** Default Wilson. */
  method?: IntervalMethod;
  /** Display labels by arm id, e.g. `{ b: { en: 'Variant B', zh: '变体 B' } }`. */
  labels?: Readonly<Record<string, LabelInput>>;
}

/**
 * Declares a winner only when every arm has enough sends and the best arm's interval lies entirely above every other
 * arm's. Non-overlapping intervals are stricter than a significance test at the same level; that is deliberate, a
 * rep acting on a false "winner" loses more than one who waits a few more sends. An under-sampled arm blocks the
 * verdict because it cannot be ruled out; to compare without it, leave it out of `arms`.
 */
export function declareWinner(arms: readonly ArmCounts[], options: WinnerOptions = {}): WinnerDecision {
  const minSends = options.minSends ?? DEFAULT_MIN_SENDS;
  const level = options.level ?? DEFAULT_LEVEL;
  const method = options.method ?? 'wilson';
  if (new Set(arms.map((a) => a.arm)).size !== arms.length) throw new RangeError('arm ids must be unique');
  const summaries: ArmSummary[] = arms
    .map((a) => ({
      arm: a.arm,
      sends: a.sends,
      positives: a.positives,
      rate: a.sends === 0 ? null : a.positives / a.sends,
      interval: rateInterval(a.positives, a.sends, method, level),
    }))
    .sort((x, y) => (y.rate ?? -1) - (x.rate ?? -1));
  const label = (arm: string): LocalizedLabel => labelFor(options.labels, arm);
  const lvl = Math.round(level * 100);
  const none = (reason: WinnerReason, text: LocalizedLabel): WinnerDecision => ({
    winner: null,
    reason,
    text,
    arms: summaries,
  });

  const [best, ...rest] = summaries;
  if (best === undefined || rest.length === 0)
    return none('too_few_arms', {
      en: 'No winner: at least two arms are needed to compare.',
      zh: '暂无胜出者：至少需要两个版本才能比较。',
    });

  const smallest = summaries.reduce((min, a) => (a.sends < min.sends ? a : min), best);
  if (smallest.sends < minSends) {
    const l = label(smallest.arm);
    return none('insufficient_sample', {
      en: `No winner yet: ${l.en} has only ${smallest.sends} sends; every arm needs at least ${minSends}.`,
      zh: `暂无胜出者：${l.zh} 仅发送 ${smallest.sends} 次，每个版本至少需要 ${minSends} 次。`,
    });
  }

  // The rival is the other arm whose interval reaches highest: if the best clears it, it clears them all.
  const rival = rest.reduce((top, a) => (a.interval.high > top.interval.high ? a : top));
  const bestRange = percentRange(best.interval.low, best.interval.high);
  const rivalRange = percentRange(rival.interval.low, rival.interval.high);
  const b = label(best.arm);
  const r = label(rival.arm);
  if (best.interval.low <= rival.interval.high)
    return none('overlapping_intervals', {
      en: `No winner yet: the ${lvl}% intervals of ${b.en} (${bestRange.en}) and ${r.en} (${rivalRange.en}) overlap.`,
      zh: `暂无胜出者：${b.zh}（${bestRange.zh}）与 ${r.zh}（${rivalRange.zh}）的 ${lvl}% 区间重叠。`,
    });
  return {
    winner: best.arm,
    reason: 'clear_winner',
    text: {
      en: `${b.en} wins: its ${lvl}% interval ${bestRange.en} lies above every other arm's (next: ${r.en}, ${rivalRange.en}).`,
      zh: `${b.zh} 胜出：其 ${lvl}% 区间 ${bestRange.zh} 高于其他所有版本（次之：${r.zh}，${rivalRange.zh}）。`,
    },
    arms: summaries,
  };
}
