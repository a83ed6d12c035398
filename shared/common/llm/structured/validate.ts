import type { z } from 'zod';
import { extractJsonObject } from './extract-json';
import type { StructuredErrorKind } from './errors';

/** At most this many schema problems are reported: enough to fix, short enough for a small model's context. */
export const MAX_REPORTED_ISSUES = 8;

export type StructuredParse<T> =
  { ok: true; value: T } | { ok: false; kind: StructuredErrorKind; summary: string; issues: string[] };

/** `path: message` for each zod issue, e.g. `goals.0.confidence: Too big: expected number to be <=1`. */
export function formatIssues(error: z.ZodError, max = MAX_REPORTED_ISSUES): string[] {
  return error.issues.slice(0, max).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/**
 * Extracts the first JSON object from model text and validates it. `finishReason: 'length'` (the engine hit its token
 * limit) turns a missing or unclosed object into 'truncated', since a retry then needs a shorter answer.
 */
export function parseStructured<S extends z.ZodType>(
  text: string,
  schema: S,
  finishReason?: 'stop' | 'length',
): StructuredParse<z.output<S>> {
  const extracted = extractJsonObject(text);
  if (!extracted.ok) {
    const kind = finishReason === 'length' ? 'truncated' : extracted.kind;
    return { ok: false, kind, summary: extracted.message, issues: [] };
  }
  const result = schema.safeParse(extracted.value);
  if (result.success) return { ok: true, value: result.data };
  const issues = formatIssues(result.error);
  return { ok: false, kind: 'schema', summary: 'The JSON does not match the required format.', issues };
}
