/**
 * Seeded splits and classification metrics, so every figure in a README or model card can be reproduced exactly.
 */
import { createRng, shuffled } from '../../random';

function indicesByLabel(labels: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const [i, label] of labels.entries()) {
    const g = groups.get(label) ?? [];
    g.push(i);
    groups.set(label, g);
  }
  // Sorted label order: the split must not depend on which label happens to come first in the file.
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Stratified k-fold: returns k arrays of test indices; each label is spread evenly over the folds. */
export function stratifiedKFold(labels: readonly string[], k: number, seed: number): number[][] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError('k must be an integer >= 2');
  const random = createRng(seed, 'mulberry32');
  const folds: number[][] = Array.from({ length: k }, () => []);
  let offset = 0;
  for (const group of indicesByLabel(labels).values()) {
    // Continue round-robin across labels so small labels do not all start in fold 0.
    for (const idx of shuffled(group, random)) (folds[offset++ % k] as number[]).push(idx);
  }
  return folds.map((f) => f.sort((a, b) => a - b));
}

/** Stratified train/test split: about `testFraction` of each label goes to test. */
export function stratifiedSplit(
  labels: readonly string[],
  testFraction: number,
  seed: number,
): { train: number[]; test: number[] } {
  const random = createRng(seed, 'mulberry32');
  const train: number[] = [];
  const test: number[] = [];
  for (const group of indicesByLabel(labels).values()) {
    const order = shuffled(group, random);
    const nTest = Math.round(order.length * testFraction);
    test.push(...order.slice(0, nTest));
    train.push(...order.slice(nTest));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

/** Per-label precision/recall/F1. */
export interface LabelMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** What {@link classificationReport} returns. */
export interface ClassificationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: Record<string, LabelMetrics>;
  /** `matrix[i][j]`: items with gold label `labels[i]` predicted as `labels[j]`. */
  confusion: { labels: string[]; matrix: number[][] };
}

/**
 * Accuracy, macro-F1 (unweighted mean over `labels`, default: every label seen in gold or predictions — as
 * scikit-learn does) and the confusion matrix. Undefined precision/recall (0/0) count as 0.
 */
export function classificationReport(
  gold: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): ClassificationReport {
  if (gold.length !== predicted.length) throw new RangeError('gold and predicted differ in length');
  const names = labels ? [...labels] : [...new Set([...gold, ...predicted])].sort();
  const at = new Map(names.map((l, i) => [l, i]));
  const matrix = names.map(() => names.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] as string;
    if (g === p) correct++;
    const gi = at.get(g);
    const pi = at.get(p);
    const row = gi === undefined ? undefined : matrix[gi];
    if (row && pi !== undefined) row[pi] = (row[pi] ?? 0) + 1;
  });
  const perLabel: Record<string, LabelMetrics> = {};
  names.forEach((name, i) => {
    const tp = matrix[i]?.[i] ?? 0;
    const support = (matrix[i] ?? []).reduce((a, b) => a + b, 0);
    const predictedCount = matrix.reduce((a, row) => a + (row[i] ?? 0), 0);
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[name] = { precision, recall, f1, support };
  });
  const macroF1 = names.length ? names.reduce((a, n) => a + (perLabel[n]?.f1 ?? 0), 0) / names.length : 0;
  return {
    n: gold.length,
    accuracy: gold.length ? correct / gold.length : 0,
    macroF1,
    perLabel,
    confusion: { labels: names, matrix },
  };
}
