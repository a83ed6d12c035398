import { describe, expect, it } from 'vitest';
import { evaluateFactCheck, parsePlantedJsonl, scoreCase } from './metrics';

describe('scoreCase', () => {
  it('counts an expected substring as found when any flag overlaps any of its occurrences', () => {
    const draft = 'Pay $5 now or $5 later.';
    const s = scoreCase(draft, ['$5 later'], [{ start: 14, end: 16 }]);
    expect(s).toEqual({ expectedFlagged: 1, correctFlags: 1, missed: [], wrongFlags: [] });
  });

  it('separates wrong flags from misses', () => {
    const draft = 'Acme saved 40% in June.';
    const s = scoreCase(draft, ['40%'], [{ start: 0, end: 4 }]);
    expect(s.expectedFlagged).toBe(0);
    expect(s.missed).toEqual(['40%']);
    expect(s.wrongFlags).toEqual([{ start: 0, end: 4 }]);
  });
});

describe('evaluateFactCheck on a tiny hand-made set', () => {
  const cases = [
    { id: 'a', draft: 'Price is $9 and 20% off.', grounding: [], unsupported: ['$9', '20%'] },
    { id: 'b', draft: 'See you Friday.', grounding: [], unsupported: [] },
    { id: 'c', draft: 'We have 3 offices.', grounding: [], unsupported: ['3 offices'] },
  ];
  // A fake checker: flags "$9" (right), "Friday" (wrong), nothing in c (a miss).
  const fake = (draft: string): Array<{ start: number; end: number }> => {
    const out: Array<{ start: number; end: number }> = [];
    for (const needle of ['$9', 'Friday']) {
      const i = draft.indexOf(needle);
      if (i >= 0) out.push({ start: i, end: i + needle.length });
    }
    return out;
  };

  it('computes recall = found/expected and precision = correct/flags', () => {
    const r = evaluateFactCheck(cases, fake);
    expect(r.n).toBe(3);
    expect(r.expected).toBe(3);
    expect(r.expectedFlagged).toBe(1);
    expect(r.flags).toBe(2);
    expect(r.correctFlags).toBe(1);
    expect(r.recall).toBeCloseTo(1 / 3);
    expect(r.precision).toBeCloseTo(1 / 2);
    expect(r.cases.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('treats "nothing expected, nothing flagged" as perfect', () => {
    const r = evaluateFactCheck([{ draft: 'Hello.', grounding: [], unsupported: [] }], () => []);
    expect([r.recall, r.precision]).toEqual([1, 1]);
  });
});

describe('parsePlantedJsonl', () => {
  it('reads valid lines and skips blank ones', () => {
    const text =
      '{"draft":"Pay $9","grounding":["x"],"unsupported":["$9"]}\n\n{"draft":"Hi","grounding":[],"unsupported":[]}\n';
    expect(parsePlantedJsonl(text)).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{draft'],
    ['wrong shape', '{"draft":"x","grounding":"y","unsupported":[]}'],
    ['not a substring', '{"draft":"Pay $9","grounding":[],"unsupported":["$8"]}'],
  ])('rejects %s with the line number', (_name, line) => {
    expect(() => parsePlantedJsonl(`{"draft":"a","grounding":[],"unsupported":[]}\n${line}`)).toThrow(/line 2/);
  });
});
