/**
 * Bad-input handling before splitting: the core expects plain text but must survive anything a page or a user pastes.
 * Everything here keeps string length, so offsets into the cleaned text are offsets into the caller's text.
 */

/** Characters looked at per message; the rest is ignored (and the result says `truncated`). */
export const MAX_MESSAGE_CHARS = 20_000;

const HTML_COMMENT = /<!--[\s\S]{0,4000}?-->/g;
const HTML_TAG = /<\/?[a-zA-Z][^<>]{0,1000}>/g;
const HTML_ENTITY = /&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;
// C0/C1 controls except tab and line breaks, zero-width and bidi marks, BOM.
/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/* eslint-enable no-control-regex */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const blank = (match: string): string => ' '.repeat(match.length);

/** Same-length copy of the first MAX_MESSAGE_CHARS characters with tags, entities and control characters blanked. */
export function maskForScoring(text: string): { masked: string; truncated: boolean } {
  const truncated = text.length > MAX_MESSAGE_CHARS;
  let head = truncated ? text.slice(0, MAX_MESSAGE_CHARS) : text;
  // Never cut a surrogate pair in half.
  if (truncated && /[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  const masked = head
    .replace(HTML_COMMENT, blank)
    .replace(HTML_TAG, blank)
    .replace(HTML_ENTITY, blank)
    .replace(CONTROL, blank)
    .replace(LONE_SURROGATE, blank);
  return { masked, truncated };
}
