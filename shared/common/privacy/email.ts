import type { Taken, ViewSpan } from './spans';

/**
 * E-mail addresses, plain and obfuscated: "name@x.com", "name @ x . com", "name(at)x.com", "name [at] x [dot] com",
 * "name at x dot com", "wang艾特x点com". Quantifiers are bounded and spacing is "[ ]{0,2}" (never \s* next to \s+),
 * so there is no ambiguous backtracking. ASCII classes only: an address glued to Chinese text ("邮箱tom@x.com") must
 * not swallow the label, and non-unicode regexes run many times faster on long input.
 */

const LOCAL = String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}`;
const LABEL = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?`;
const TLD = String.raw`[A-Za-z]{2,24}`;
const COMMON_TLDS =
  'com|net|org|io|ai|co|cn|de|uk|fr|jp|us|eu|info|biz|edu|gov|me|app|dev|tech|hk|sg|tw|au|ca|in|nl|ch|se|es|it';

const PLAIN = new RegExp(
  `${LOCAL}[ ]{0,2}@[ ]{0,2}${LABEL}(?:[ ]{0,2}\\.[ ]{0,2}${LABEL}){0,6}[ ]{0,2}\\.[ ]{0,2}${TLD}(?![A-Za-z0-9])`,
  'g',
);
const BRACKET_AT = String.raw`[ ]{0,2}[[({<][ ]{0,2}(?:at|AT|At)[ ]{0,2}[\])}>][ ]{0,2}`;
const BRACKET_DOT = String.raw`[ ]{0,2}[[({<][ ]{0,2}(?:dot|DOT|Dot)[ ]{0,2}[\])}>][ ]{0,2}`;
const WORD_DOT = String.raw`[ ](?:dot|DOT|Dot)[ ]|[ ]?点[ ]?`;
const ANY_DOT = `(?:${BRACKET_DOT}|${WORD_DOT}|[ ]{0,2}\\.[ ]{0,2})`;
const BRACKETED = new RegExp(
  `${LOCAL}${BRACKET_AT}${LABEL}(?:${ANY_DOT}${LABEL}){0,5}${ANY_DOT}${TLD}(?![A-Za-z0-9])`,
  'g',
);
// "name at domain dot com": both words must be spelled out and the ending must be a common TLD, or "meet us at
// closer.ai" would be taken for an address.
const WORDED = new RegExp(
  `${LOCAL}(?:[ ](?:at|AT|At)[ ]|[ ]?艾特[ ]?)${LABEL}(?:(?:${WORD_DOT})${LABEL}){0,4}(?:${WORD_DOT})(?:${COMMON_TLDS})(?![A-Za-z0-9])`,
  'gi',
);

// Cheap look-ups that skip a pattern entirely when its anchor is absent (most text has no "@" at all).
const HAS_AT = /@/;
const HAS_BRACKET_AT = /[[({<] {0,2}at/i;
const HAS_WORD_AT = / at |艾特/i;

/** Adds e-mail findings, plain and obfuscated. */
export function findEmails(view: string, taken: Taken, out: ViewSpan[]): void {
  const patterns = [
    HAS_AT.test(view) ? PLAIN : null,
    HAS_BRACKET_AT.test(view) ? BRACKETED : null,
    HAS_WORD_AT.test(view) ? WORDED : null,
  ];
  for (const re of patterns) {
    if (!re) continue;
    for (const m of view.matchAll(re)) {
      const start = m.index ?? 0;
      taken.claim(out, 'email', start, start + m[0].length);
    }
  }
}
