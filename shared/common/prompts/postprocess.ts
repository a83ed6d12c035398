import { enforceLength } from './length';
import { stripPostamble, stripPreamble } from './preamble';
import { parseSubjectLines } from './subject-lines';
import type { OutputSpec } from './types';

/**
 * Cleans model text for display: small models wrap answers in chatter ("Sure! Here's a draft:", "当然，以下是…"),
 * code fences, quotes and Markdown, and overrun their length. Every step leaves text it does not recognise alone.
 */

/**
 * Returns the inside of a ```fenced``` block when the fence holds the answer (whatever is outside is short chatter),
 * and drops an opening fence that was never closed (output cut off).
 */
export function stripCodeFences(text: string): string {
  const open = /^[ \t]*```[\w-]*[ \t]*\n/m.exec(text);
  if (!open) return text;
  const innerStart = open.index + open[0].length;
  const close = /^[ \t]*```[ \t]*$/m.exec(text.slice(innerStart));
  if (!close) return `${text.slice(0, open.index)}${text.slice(innerStart)}`.trim();
  const inner = text.slice(innerStart, innerStart + close.index);
  const outside = text.length - inner.length;
  return outside <= 300 || outside < inner.length * 0.4 ? inner.trim() : text;
}

const QUOTE_PAIRS: ReadonlyArray<[string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
  ['「', '」'],
  ['『', '』'],
];

/** Removes quotes around the whole text, when the same quote does not also appear inside it. */
export function stripWrappingQuotes(text: string): string {
  const t = text.trim();
  for (const [open, close] of QUOTE_PAIRS) {
    if (t.length > 2 && t.startsWith(open) && t.endsWith(close)) {
      const inner = t.slice(open.length, -close.length);
      if (!inner.includes(close) && !inner.includes(open)) return inner.trim();
    }
  }
  return t;
}

/** Markdown emphasis, headings and inline code to plain text, for emails; lists are left as they are. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/__([^_\n]+)__/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^#{1,6}[ \t]+/gm, '');
}

/** Splits a leading "Subject: …" (or "主题：…") line off an email. */
export function splitSubjectLine(text: string): { subject?: string; body: string } {
  const match = /^[ \t*]*(?:subject(?: line)?|主题|邮件主题)[ \t*]*[:：][ \t*]*(.+)\n?/i.exec(text.trimStart());
  if (!match?.[1]) return { body: text };
  const subject = stripWrappingQuotes(match[1].replace(/\*+$/, ''));
  return { subject, body: text.trimStart().slice(match[0].length).trimStart() };
}

export interface ProcessedOutput {
  text: string;
  /** For `subjectLine` outputs, the subject that was split off. */
  subject?: string;
  /** For 'lines' outputs, the parsed lines (at most `count`). */
  lines?: string[];
}

/** Runs the clean-up a PromptRequest's `output` spec asks for. JSON is left to `runStructured`. */
export function postprocess(text: string, spec: OutputSpec): ProcessedOutput {
  if (spec.format === 'json') return { text: text.trim() };
  if (spec.format === 'lines') {
    const lines = parseSubjectLines(text, spec.count ?? Number.POSITIVE_INFINITY);
    return { text: lines.join('\n'), lines };
  }
  let out = stripPostamble(stripPreamble(stripCodeFences(stripPreamble(text))));
  out = stripWrappingQuotes(out);
  if (spec.format === 'plain') out = stripMarkdown(out);
  let subject: string | undefined;
  if (spec.subjectLine) ({ subject, body: out } = splitSubjectLine(out));
  out = enforceLength(out.trim(), { maxWords: spec.maxWords, maxChars: spec.maxChars });
  return subject === undefined ? { text: out } : { text: out, subject };
}
