import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace, shuffled } from './random';

const take = (rng: () => number, n: number) => Array.from({ length: n }, () => rng());

describe('createRng', () => {
  // Pinned sequences: the published splits, model cards and benchmark worlds were drawn from exactly these.
  it('sfc32 (default) replays the same sequence for a number or a string seed', () => {
    expect(take(createRng('bench-run-3'), 3)).toEqual([0.9031979714054614, 0.2499315405730158, 0.8546003580559045]);
    expect(take(createRng(7), 3)).toEqual([0.9808979157824069, 0.9695635808166116, 0.609822355909273]);
  });

  it('mulberry32 replays the sequence the data splits were drawn with', () => {
    expect(take(createRng(20261128, 'mulberry32'), 3)).toEqual([
      0.9627261769492179, 0.18837198405526578, 0.3504589442163706,
    ]);
  });

  it('stays in [0, 1) and differs between nearby seeds', () => {
    for (const algorithm of ['sfc32', 'mulberry32'] as const) {
      const values = take(createRng(1, algorithm), 10_000);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...values)).toBeLessThan(1);
      expect(take(createRng(1, algorithm), 5)).not.toEqual(take(createRng(2, algorithm), 5));
    }
  });
});

describe('shuffles', () => {
  it('shuffled copies, shuffleInPlace reorders the array itself, both the same way for one seed', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const copy = shuffled(items, createRng(3));
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...copy].sort((a, b) => a - b)).toEqual(items);
    const inPlace = [...items];
    expect(shuffleInPlace(inPlace, createRng(3))).toBe(inPlace);
    expect(inPlace).toEqual(copy);
  });
});
