import { FactCheckInputError } from './errors';
import { extractMentions } from './extract';
import { buildGroundingIndex } from './grounding';
import { describeTried } from './derive';
import { derivationAmounts, isSupported } from './match';
import { prepareText } from './prepare';
import { reasonFor } from './reasons';
import type { CheckedClaim, Claim, FactCheckOptions, FactCheckResult, UnsupportedClaim } from './types';

/** Default cap on draft characters analysed per call; sales emails are far shorter. */
export const MAX_DRAFT_CHARS = 20_000;

function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Do not cut a surrogate pair in half.
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function validate(draft: unknown, grounding: unknown): asserts grounding is readonly string[] {
  if (typeof draft !== 'string') throw new FactCheckInputError('draft must be a string');
  if (!Array.isArray(grounding)) throw new FactCheckInputError('grounding must be an array of strings');
}

/**
 * Lists the checkable claims in a draft (numbers, money, percentages, dates, names, URLs, commitments) with spans
 * into the draft. Does not look at grounding.
 */
export function extractClaims(draft: string, options: FactCheckOptions = {}): Claim[] {
  validate(draft, []);
  const analysed = capText(draft, options.maxDraftChars ?? MAX_DRAFT_CHARS);
  return extractMentions(prepareText(analysed), 'draft')
    .filter((m) => !m.skip)
    .map((m) => ({ text: draft.slice(m.start, m.end), start: m.start, end: m.end, kind: m.kind }));
}

/** Merges overlapping flags so each highlighted span is reported once. */
function mergeOverlapping(claims: UnsupportedClaim[], draft: string): UnsupportedClaim[] {
  const out: UnsupportedClaim[] = [];
  for (const c of claims) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      last.text = draft.slice(last.start, last.end);
      continue;
    }
    out.push({ ...c });
  }
  return out;
}

/**
 * Checks every claim in `draft` against `grounding` (thread text, CRM fields, persona, product facts) and returns the
 * ones nothing backs. Numbers, money, percentages and dates are normalised before comparing ("$5k" = "5,000 USD",
 * "百分之二十" = "20%", "15 March" = "March 15"); names are matched loosely (case, accents, possessives, company forms,
 * one typo in long words). Never throws on odd text; throws {@link FactCheckInputError} only for non-string input.
 */
export function factCheck(
  draft: string,
  grounding: readonly string[],
  options: FactCheckOptions = {},
): FactCheckResult {
  validate(draft, grounding);
  const max = Math.max(0, Math.floor(options.maxDraftChars ?? MAX_DRAFT_CHARS));
  const analysed = capText(draft, max);
  const index = buildGroundingIndex(grounding);
  const claims: CheckedClaim[] = [];
  for (const m of extractMentions(prepareText(analysed), 'draft')) {
    if (m.skip) continue;
    const supported = isSupported(m.fact, index);
    let reason = reasonFor(m.kind, supported);
    const f = m.fact;
    if (!supported && f.type === 'quantity' && (f.unit === 'money' || f.unit === 'count' || f.unit === 'percent')) {
      // Say what was tried, so a rep can see the figure is not just a total the check failed to recompute.
      const tried = describeTried(f.unit, derivationAmounts(f, index).length, index.figures);
      reason = { en: `${reason.en} ${tried.en}`, zh: `${reason.zh}${tried.zh}` };
    }
    claims.push({
      text: draft.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      kind: m.kind,
      supported,
      reason,
    });
  }
  const unsupported = mergeOverlapping(
    claims.filter((c) => !c.supported).map(({ supported: _supported, ...rest }) => rest),
    draft,
  );
  return {
    unsupported,
    claims,
    truncated: analysed.length < draft.length || index.truncated,
    analysedChars: analysed.length,
  };
}
