/**
 * The SHIPPED models (public/models/sentiment-{en,zh}) on the held-out parts of the corpora they were trained from:
 * floors close to the figures in their model cards. Needs ../shared/data beside the repo: `npm run test:models`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SentimentAnalyzer } from '../common/ml/sentiment/analyzer';
import { sentimentFigures } from '../../scripts/training/sentiment/evaluate';
import { HELD_OUT_SPLITS } from '../../scripts/training/sentiment/sources';
import { loadSentimentAnalyzer } from './sentiment-loader';

// Measured on the shipped files on 2026-12-07 (MODEL_CARD.md, eval:sentiment -- --split NAME). Floors sit about 1.5
// points below: inference is deterministic, so only a broken tokenizer, vocabulary, loader, weight file or a
// retrained model that is worse can fail them.
// Measured: SST-2 test 82.2%, airline polar 90.9% (three-way 75.3%), waimai 88.4%, shopping 90.5%.
const FLOORS: Record<string, { accuracy: number; accuracy_3way?: number }> = {
  'sst2-test': { accuracy: 0.805 },
  'airline-test': { accuracy: 0.895, accuracy_3way: 0.735 },
  'waimai-test': { accuracy: 0.87 },
  'shopping-test': { accuracy: 0.89 },
};

let analyzer: SentimentAnalyzer;
beforeAll(async () => {
  analyzer = await loadSentimentAnalyzer();
});
afterAll(() => analyzer?.dispose());

describe('shipped sentiment models on held-out splits', () => {
  it.each(Object.entries(FLOORS))('%s clears its floor and beats AFINN', async (name, floor) => {
    const figures = await sentimentFigures(analyzer, HELD_OUT_SPLITS[name]!());
    expect(figures.accuracy).toBeGreaterThanOrEqual(floor.accuracy);
    expect(figures.accuracy).toBeGreaterThan(figures.baseline_accuracy);
    if (floor.accuracy_3way !== undefined) expect(figures.accuracy_3way).toBeGreaterThanOrEqual(floor.accuracy_3way);
  });
});
