/** Mean binary log-loss (natural log); probabilities are clipped to [1e-12, 1 − 1e-12] so one certainty is finite. */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (probabilities.length !== labels.length) throw new RangeError('probabilities and labels differ in length');
  if (labels.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, probabilities[i] ?? 0.5));
    sum -= (labels[i] ?? 0) > 0 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / labels.length;
}

/**
 * Area under the ROC curve by the Mann–Whitney rank sum, tied scores sharing their average rank (so a constant
 * score gets 0.5, not whatever order the sort left). Null when only one class is present: AUC is undefined then.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = labels.length;
  if (scores.length !== n) throw new RangeError('scores and labels differ in length');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    const s = scores[order[i] ?? 0] ?? 0;
    while (j + 1 < n && (scores[order[j + 1] ?? 0] ?? 0) === s) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if ((labels[order[k] ?? 0] ?? 0) > 0) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
