import { foldWidth } from '../privacy/fold-width';

/** Longest tag we treat as markup; longer "<…>" runs are text. Bounds the scan so it stays linear. */
const MAX_TAG_CHARS = 2_000;

/** C0/C1 controls except tab, newline and carriage return, plus zero-width characters that would split words. */
function isControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0xfeff
  );
}

/** Replaces control characters by spaces, keeping every offset. */
function blankControls(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isControl(text.charCodeAt(i))) continue;
    out += text.slice(runStart, i) + ' ';
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/**
 * Makes draft text safe to scan without moving offsets: HTML tags and control characters become spaces and
 * full-width ASCII is folded. Every character maps to one character, so spans found here index the original draft.
 */
export function prepareText(text: string): string {
  return maskHtmlTags(blankControls(foldWidth(text)));
}

/** Replaces `<tag …>` runs by spaces of the same length, in one linear pass. */
export function maskHtmlTags(text: string): string {
  if (!text.includes('<')) return text;
  let out = '';
  let runStart = 0;
  const n = text.length;
  let i = text.indexOf('<');
  while (i >= 0 && i < n) {
    if (/[A-Za-z/!?]/.test(text[i + 1] ?? '')) {
      // Stop at the next '<' or after MAX_TAG_CHARS: both bounds keep the whole pass linear.
      let j = i + 1;
      while (j < n && j - i < MAX_TAG_CHARS && text[j] !== '>' && text[j] !== '<') j++;
      if (text[j] === '>') {
        out += text.slice(runStart, i) + ' '.repeat(j - i + 1);
        runStart = j + 1;
        i = text.indexOf('<', j + 1);
        continue;
      }
      i = text.indexOf('<', Math.max(j, i + 1));
      continue;
    }
    i = text.indexOf('<', i + 1);
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}
