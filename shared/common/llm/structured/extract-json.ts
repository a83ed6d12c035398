/**
 * Finds the first JSON object in model output. Small local models wrap JSON in prose ("Here is the persona:"), code
 * fences, or trailing remarks, and sometimes stop mid-object at the token limit; this tells those cases apart.
 */

/** Longer outputs are scanned only this far: no prompt here asks for more, and the scan must stay cheap. */
export const MAX_SCAN_CHARS = 200_000;
/** How many `{` positions are tried before giving up, so prose full of braces cannot make the scan quadratic. */
const MAX_CANDIDATES = 64;

export type JsonExtraction =
  | { ok: true; value: Record<string, unknown>; start: number; end: number }
  | { ok: false; kind: 'no_json' | 'truncated'; message: string };

type Scan = { closed: true; end: number } | { closed: false };

/** Walks from an opening brace to its matching close, skipping braces inside JSON strings. */
function scanObject(text: string, start: number): Scan {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return { closed: true, end: i + 1 };
    }
  }
  return { closed: false };
}

/** A `{` followed by a quoted key (or nothing but space, then `}`) is JSON; `{name}` in prose is not. */
function looksLikeJsonStart(text: string, start: number): boolean {
  return /^\{\s*(?:"|\}|$)/.test(text.slice(start, start + 40));
}

/** Removes commas before `}` or `]` outside strings: the most common near-miss from small models. */
export function removeTrailingCommas(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i] ?? '';
    if (inString) {
      out += ch;
      if (ch === '\\') out += json[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',' && /^\s*[}\]]/.test(json.slice(i + 1, i + 200))) continue;
    out += ch;
  }
  return out;
}

type Parsed = { value: Record<string, unknown> } | { error: string };

function parseObject(candidate: string): Parsed {
  let error = 'not valid JSON';
  for (const attempt of [candidate, removeTrailingCommas(candidate)]) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return { value: value as Record<string, unknown> };
      }
      return { error: 'not a JSON object' };
    } catch (err) {
      // Keep the first parser message: it points at the original text, not at the repaired one.
      if (attempt === candidate && err instanceof Error) error = err.message;
    }
  }
  return { error };
}

/**
 * Returns the first parseable JSON object in `text`. An object that starts like JSON but never closes is reported as
 * 'truncated' (the model ran out of tokens) rather than 'no_json', because the fix differs: a shorter answer.
 */
export function extractJsonObject(text: string): JsonExtraction {
  const source = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  let tried = 0;
  let invalid: string | undefined;
  for (let start = source.indexOf('{'); start >= 0 && tried < MAX_CANDIDATES; start = source.indexOf('{', start + 1)) {
    tried++;
    const scan = scanObject(source, start);
    if (scan.closed) {
      const parsed = parseObject(source.slice(start, scan.end));
      if ('value' in parsed) return { ok: true, value: parsed.value, start, end: scan.end };
      if (invalid === undefined && looksLikeJsonStart(source, start)) invalid = parsed.error;
    } else if (looksLikeJsonStart(source, start)) {
      // Any balanced object further on is nested inside this cut-off one, so it must not be taken as the answer.
      return {
        ok: false,
        kind: 'truncated',
        message: 'The answer stops in the middle of a JSON object (it was probably cut off at the token limit).',
      };
    }
  }
  if (invalid !== undefined) {
    return {
      ok: false,
      kind: 'no_json',
      message: `The answer has a JSON-like object that is not valid JSON (${invalid}).`,
    };
  }
  return { ok: false, kind: 'no_json', message: 'The answer contains no JSON object.' };
}
