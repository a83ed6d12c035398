import { describe, expect, it } from 'vitest';
import { createRng } from '../../random';
import { combineSentenceScores } from './analyzer';
import {
  binaryNll,
  calibratedScore,
  expectedCalibrationError,
  fitTemperature,
  labelFromScore,
  NEUTRAL_HALF_WIDTH,
  sigmoid,
} from './calibration';

describe('calibration', () => {
  it('is monotonic in the logit and keeps the 0.5 decision point for any temperature', () => {
    for (const t of [0.5, 1, 1.7, 4]) {
      let previous = -1;
      for (let z = -8; z <= 8; z += 0.25) {
        const score = calibratedScore(z, t);
        expect(score).toBeGreaterThan(previous);
        expect(score >= 0.5).toBe(z >= 0);
        previous = score;
      }
    }
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });

  it('fits the temperature that generated the labels', () => {
    // Labels drawn from sigmoid(z / 2) with a fixed pseudo-random sequence.
    const random = createRng(7);
    const logits: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const z = (random() - 0.5) * 16;
      logits.push(z);
      labels.push(random() < sigmoid(z / 2) ? 1 : 0);
    }
    const t = fitTemperature(logits, labels);
    expect(t).toBeGreaterThan(1.8);
    expect(t).toBeLessThan(2.2);
    expect(binaryNll(logits, labels, t)).toBeLessThanOrEqual(binaryNll(logits, labels, 1));
    expect(
      expectedCalibrationError(
        logits.map((z) => sigmoid(z / t)),
        labels,
      ),
    ).toBeLessThan(0.02);
  });

  it('labels a band around 0.5 as neutral', () => {
    expect(labelFromScore(0.5)).toBe('neutral');
    expect(labelFromScore(0.5 + NEUTRAL_HALF_WIDTH - 0.01)).toBe('neutral');
    expect(labelFromScore(0.5 + NEUTRAL_HALF_WIDTH)).toBe('positive');
    expect(labelFromScore(0.5 - NEUTRAL_HALF_WIDTH)).toBe('negative');
    expect(labelFromScore(Number.NaN)).toBe('neutral');
  });

  it('combines sentences so confident ones dominate', () => {
    expect(combineSentenceScores([])).toBe(0.5);
    expect(combineSentenceScores([0.9])).toBeCloseTo(0.9, 6);
    expect(combineSentenceScores([0.95, 0.5, 0.5])).toBeCloseTo(0.95, 6);
    expect(combineSentenceScores([0.95, 0.2])).toBeGreaterThan(0.5);
    expect(combineSentenceScores([0.6, 0.02])).toBeLessThan(0.1);
  });
});
