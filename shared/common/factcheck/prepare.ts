import { foldWidth } from '../privacy/fold-width';
import { htmlToText } from '../text/html-to-text';

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
  return htmlToText(text, { grammar: 'markup', tag: 'mask', entities: 'none' });
}
