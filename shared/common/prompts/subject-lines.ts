import { isPostambleLine, isPreambleLine } from './preamble';

/** Parses a model's list of subject lines into clean, distinct strings. */

const NUMBERING =
  /^(?:\d{1,2}\s*[.)、:：-]|\(\d{1,2}\)|[-*•·]|[一二三四五六七八九十]{1,3}\s*[、.．]|(?:subject(?: line)?|option|variant|version|主题|标题|选项)\s*\d{0,2}\s*[:：.)-])\s*/i;
// "(42 characters)", "（25字）", "- 38 chars" appended by eager models.
const LENGTH_NOTE =
  /\s*(?:[(（]\s*\d+\s*(?:characters?|chars?|字(?:符)?)\s*[)）]|[-–—]\s*\d+\s*(?:characters?|chars?))\s*$/i;
const QUOTES = /^["'“”‘’「『]+|["'“”‘’」』]+$/g;
/** Longer lines are explanations, not subject lines. */
const MAX_SUBJECT_CHARS = 150;

function cleanLine(line: string): string {
  let out = line.trim().replace(/^[#>\s]+/, '');
  for (let i = 0; i < 3; i++) {
    const next = out
      .replace(/^\*\*|\*\*$/g, '')
      .replace(NUMBERING, '')
      .trim();
    if (next === out) break;
    out = next;
  }
  return out.replace(LENGTH_NOTE, '').replace(QUOTES, '').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
}

/** Case, spacing and punctuation do not make two subject lines different. */
const dedupeKey = (line: string) => line.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * Up to `n` distinct subject lines from model text: numbering, bullets, quotes, "Subject:" labels and length notes
 * are removed; preamble and closing remarks are skipped; duplicates (ignoring case and punctuation) are dropped.
 * Returns exactly `n` when the model gave at least `n` distinct lines, and fewer otherwise: lines are never invented.
 */
export function parseSubjectLines(text: string, n: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.replace(/```[\w-]*/g, '').split(/\r?\n/)) {
    if (out.length >= n) break;
    // A numbered or bulleted line is a candidate even if it starts like chatter ("1. Here's the guide you asked for").
    const numbered = NUMBERING.test(raw.replace(/^(?:[\s#>]|\*\*)+/, ''));
    if (!numbered && (isPreambleLine(raw) || isPostambleLine(raw))) continue;
    const line = cleanLine(raw);
    if (!line || line.length > MAX_SUBJECT_CHARS || /[:：]$/.test(line)) continue;
    const key = dedupeKey(line);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return out;
}
