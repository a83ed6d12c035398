/** A label with its normalised probability and its unnormalised log score (log prior + log likelihood). */
export interface RankedLabel {
  label: string;
  probability: number;
  logScore: number;
}

/** A token that pushed the decision: `weight` = count × (log P(t|top) − log P(t|runner-up)), in nats. */
export interface FeatureContribution {
  token: string;
  count: number;
  weight: number;
}

/**
 * Softmax over log scores, shifted by the maximum so `exp` never overflows or underflows to all zeros. Sorted by
 * score, ties kept in input order, so results are deterministic.
 */
export function rankLabels<T extends { label: string; logScore: number }>(
  scores: readonly T[],
): Array<T & { probability: number }> {
  if (scores.length === 0) return [];
  const max = Math.max(...scores.map((s) => s.logScore));
  const exps = scores.map((s) => Math.exp(s.logScore - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return scores
    .map((s, i) => ({ ...s, probability: (exps[i] as number) / sum }))
    .sort((a, b) => b.logScore - a.logScore);
}

/** The `k` tokens with the largest positive weight, strongest first (ties by token, for stable output). */
export function topFeatures(
  bag: ReadonlyMap<string, number>,
  k: number,
  logRatio: (token: string) => number,
): FeatureContribution[] {
  const all: FeatureContribution[] = [];
  for (const [token, count] of bag) {
    const weight = count * logRatio(token);
    if (weight > 0) all.push({ token, count, weight });
  }
  all.sort((a, b) => b.weight - a.weight || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
  return all.slice(0, k);
}
