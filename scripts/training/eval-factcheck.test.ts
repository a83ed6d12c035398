import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factCheck } from '../../shared/common/factcheck/check';
import { evaluateFactCheck, parsePlantedJsonl } from '../../shared/common/factcheck/metrics';

const dir = resolve(import.meta.dirname, '../../shared/datasets/factcheck');
const cases = parsePlantedJsonl(readFileSync(resolve(dir, 'planted.jsonl'), 'utf8'));
const holdout = parsePlantedJsonl(readFileSync(resolve(dir, 'holdout.jsonl'), 'utf8'));

describe('planted fact-check set', () => {
  it('has at least 150 drafts in English and Chinese, with and without planted claims', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const zh = cases.filter((c) => /\p{Script=Han}/u.test(c.draft));
    expect(zh.length).toBeGreaterThan(50);
    expect(cases.length - zh.length).toBeGreaterThan(50);
    expect(cases.filter((c) => c.unsupported.length === 0).length).toBeGreaterThan(30);
    expect(cases.filter((c) => c.unsupported.length > 0).length).toBeGreaterThan(30);
  });

  it.each([
    ['planted', cases],
    ['holdout', holdout],
  ])('%s set meets the recall and precision targets (regression guard for the extractor)', (_name, set) => {
    const r = evaluateFactCheck(set, (draft, grounding) => factCheck(draft, grounding).unsupported);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
  });
});
