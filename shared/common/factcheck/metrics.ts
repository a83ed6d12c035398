/** Scoring of a fact checker on a planted-claims set: pure code, shared by the eval script and its tests. */

/** One line of a planted set: a draft, its grounding, and the exact draft substrings that are unsupported. */
export interface EvalCase {
  id?: string;
  draft: string;
  grounding: string[];
  unsupported: string[];
}

/** A flagged range of the draft. */
export interface Span {
  start: number;
  end: number;
}

/** Per-case outcome, for reports. */
export interface CaseOutcome {
  id: string;
  missed: string[];
  wrongFlags: string[];
}

/** Totals over a set. */
export interface EvalResult {
  n: number;
  expected: number;
  expectedFlagged: number;
  flags: number;
  correctFlags: number;
  /** expected substrings overlapped by at least one flag / expected substrings (1 when nothing is expected). */
  recall: number;
  /** flags overlapping an expected substring / flags (1 when nothing is flagged). */
  precision: number;
  cases: CaseOutcome[];
}

/** Parses JSONL text into cases; throws an Error naming the line for malformed input. */
export function parsePlantedJsonl(text: string): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not valid JSON`);
    }
    const r = row as Partial<EvalCase>;
    const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
    if (typeof r.draft !== 'string' || !isStrings(r.grounding) || !isStrings(r.unsupported))
      throw new Error(`line ${i + 1}: expected {"draft": string, "grounding": string[], "unsupported": string[]}`);
    for (const u of r.unsupported)
      if (u.length === 0 || !r.draft.includes(u)) throw new Error(`line ${i + 1}: "${u}" is not a substring of draft`);
    cases.push({
      id: typeof r.id === 'string' ? r.id : `line-${i + 1}`,
      draft: r.draft,
      grounding: r.grounding,
      unsupported: r.unsupported,
    });
  });
  return cases;
}

function occurrences(text: string, needle: string): Span[] {
  const out: Span[] = [];
  let i = text.indexOf(needle);
  while (i >= 0) {
    out.push({ start: i, end: i + needle.length });
    i = text.indexOf(needle, i + 1);
  }
  return out;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Compares one draft's flags with its expected substrings (any occurrence of a substring counts). */
export function scoreCase(
  draft: string,
  expected: readonly string[],
  flags: readonly Span[],
): { expectedFlagged: number; correctFlags: number; missed: string[]; wrongFlags: Span[] } {
  const expectedSpans = expected.map((e) => occurrences(draft, e));
  let expectedFlagged = 0;
  const missed: string[] = [];
  expectedSpans.forEach((spans, i) => {
    if (spans.some((s) => flags.some((f) => overlaps(s, f)))) expectedFlagged++;
    else missed.push(expected[i] ?? '');
  });
  const wrongFlags = flags.filter((f) => !expectedSpans.some((spans) => spans.some((s) => overlaps(s, f))));
  return { expectedFlagged, correctFlags: flags.length - wrongFlags.length, missed, wrongFlags };
}

/** Runs `check` on every case and computes recall and precision as defined above. */
export function evaluateFactCheck(
  cases: readonly EvalCase[],
  check: (draft: string, grounding: string[]) => readonly Span[],
): EvalResult {
  let expected = 0;
  let expectedFlagged = 0;
  let flags = 0;
  let correctFlags = 0;
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    const found = check(c.draft, c.grounding);
    const s = scoreCase(c.draft, c.unsupported, found);
    expected += c.unsupported.length;
    expectedFlagged += s.expectedFlagged;
    flags += found.length;
    correctFlags += s.correctFlags;
    if (s.missed.length > 0 || s.wrongFlags.length > 0)
      outcomes.push({
        id: c.id ?? '',
        missed: s.missed,
        wrongFlags: s.wrongFlags.map((f) => c.draft.slice(f.start, f.end)),
      });
  }
  return {
    n: cases.length,
    expected,
    expectedFlagged,
    flags,
    correctFlags,
    recall: expected === 0 ? 1 : expectedFlagged / expected,
    precision: flags === 0 ? 1 : correctFlags / flags,
    cases: outcomes,
  };
}
