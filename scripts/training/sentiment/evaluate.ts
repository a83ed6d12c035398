/**
 * Figures on labelled lines through the shipped pipeline (SentimentAnalyzer: sentence split, per-sentence scores,
 * combination, each model's neutral band), against the AFINN baseline on the same lines. Shared by eval:sentiment,
 * train:sentiment and report:sentiment so every figure is computed one way.
 */
import type { SentimentAnalyzer } from '../../../shared/common/ml/sentiment/analyzer';
import { bandMacroF1 } from '../../../shared/common/ml/sentiment/calibration';
import { afinnScore } from './afinn';
import { NEUTRAL_LABEL, type LabelledText } from './data';

export interface SentimentFigures {
  n: number;
  /** Lines labelled negative or positive: accuracy counts a score >= 0.5 as positive. */
  polar: number;
  accuracy: number;
  /** AFINN (`sentiment`), score >= 0 counted positive, on the same polar lines. */
  baseline_accuracy: number;
  /** Only when some lines are labelled neutral: three-way figures with the model's neutral band. */
  neutral?: number;
  accuracy_3way?: number;
  macro_f1_3way?: number;
  /** AFINN three-way: score > 0 positive, < 0 negative, 0 neutral. */
  baseline_accuracy_3way?: number;
  baseline_macro_f1_3way?: number;
  ms_per_line: number;
}

const round = (x: number) => Number(x.toFixed(4));

/** Message scores and labels for every line, in chunks under the analyzer's per-call sentence cap. */
export async function analyzeLines(analyzer: SentimentAnalyzer, texts: readonly string[]) {
  const out: Awaited<ReturnType<SentimentAnalyzer['analyzeMany']>> = [];
  let elapsed = 0;
  for (let from = 0; from < texts.length; from += 100) {
    const started = performance.now();
    out.push(...(await analyzer.analyzeMany(texts.slice(from, from + 100))));
    elapsed += performance.now() - started;
  }
  return { results: out, elapsed };
}

export async function sentimentFigures(
  analyzer: SentimentAnalyzer,
  rows: readonly LabelledText[],
): Promise<SentimentFigures> {
  const { results, elapsed } = await analyzeLines(
    analyzer,
    rows.map((r) => r.text),
  );
  const polar = rows.flatMap((row, i) => (row.label === NEUTRAL_LABEL ? [] : [i]));
  const correct = polar.filter((i) => Number(results[i]!.score >= 0.5) === rows[i]!.label).length;
  const afinn = rows.map((row) => afinnScore(row.text));
  const baseline = polar.filter((i) => Number(afinn[i]! >= 0) === rows[i]!.label).length;
  const figures: SentimentFigures = {
    n: rows.length,
    polar: polar.length,
    accuracy: polar.length ? round(correct / polar.length) : 0,
    baseline_accuracy: polar.length ? round(baseline / polar.length) : 0,
    ms_per_line: rows.length ? round(elapsed / rows.length) : 0,
  };
  const neutral = rows.length - polar.length;
  if (neutral > 0) {
    const expected = (label: number) => (label === 1 ? 'positive' : label === 0 ? 'negative' : 'neutral');
    const threeWay = rows.filter((row, i) => results[i]!.label === expected(row.label)).length;
    const labels = rows.map((r) => r.label);
    // The AFINN sign as a score: any band narrower than 0.5 reads 1 / 0.5 / 0 as positive / neutral / negative.
    const afinnAsScore = afinn.map((s) => (s > 0 ? 1 : s < 0 ? 0 : 0.5));
    const afinnThreeWay = rows.filter((row, i) => afinnAsScore[i] === row.label).length;
    // The model's own labels as scores, so bandMacroF1 reads them the same way.
    const modelAsScore = results.map((r) => (r.label === 'positive' ? 1 : r.label === 'negative' ? 0 : 0.5));
    Object.assign(figures, {
      neutral,
      accuracy_3way: round(threeWay / rows.length),
      macro_f1_3way: round(bandMacroF1(modelAsScore, labels, 0.25)),
      baseline_accuracy_3way: round(afinnThreeWay / rows.length),
      baseline_macro_f1_3way: round(bandMacroF1(afinnAsScore, labels, 0.25)),
    });
  }
  return figures;
}
