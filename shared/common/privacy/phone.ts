import type { Taken, ViewSpan } from './spans';

/**
 * Phone numbers: international (+44 20 7946 0958, 0044…), US ((415) 555-0199, 415.555.0199), Chinese mobile
 * (138-0013-8000, 138 0013 8000, +86 13800138000), Chinese landline (010-12345678), and shorter numbers only next to
 * a word that says "phone". Groups are separated by exactly one space, dot or dash, so digit runs split one way only
 * (no backtracking blow-up), and dates, prices and plain counts do not match.
 */

// ASCII boundaries: "手机13800138000" must match although 机 is a letter; and non-unicode regexes are much faster.
const B = String.raw`(?<![A-Za-z0-9+]|\d[.,/-])`;
const E = String.raw`(?![A-Za-z0-9]|[.,/-]\d)`;
const SEP = '[ .-]';

// "00" as an international prefix, but not inside a run of digit groups (the tail of an account number).
const INTERNATIONAL = new RegExp(
  `${B}(?<!\\d )(?:\\+|00)[1-9]\\d{0,2}${SEP}?(?:\\(\\d{1,4}\\)${SEP}?)?\\d{1,5}(?:${SEP}\\d{1,5}){1,5}${E}|${B}\\+[1-9]\\d{7,14}${E}`,
  'g',
);
const US = new RegExp(`${B}(?:\\(\\d{3}\\)[ .-]?|\\d{3}${SEP})\\d{3}${SEP}\\d{4}${E}`, 'g');
const CN_MOBILE = new RegExp(`${B}1[3-9]\\d(?:${SEP}?\\d{4}){2}${E}`, 'g');
const CN_LANDLINE = new RegExp(`${B}(?:\\(0\\d{2,3}\\)|0\\d{2,3}-)[ ]?\\d{7,8}${E}`, 'g');
const WITH_CONTEXT = new RegExp(
  `(?:tel|phone|mobile|cell|call|fax|whatsapp|wechat|电话|手机|座机|联系方式|联系电话|微信)[^\\d+\\n]{0,12}(\\+?\\d(?:${SEP}?\\d){5,14})${E}`,
  'gi',
);
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Adds phone-number findings. */
export function findPhones(view: string, taken: Taken, out: ViewSpan[]): void {
  for (const [re, min, max] of [
    [INTERNATIONAL, 8, 15],
    [CN_MOBILE, 11, 11],
    [US, 10, 10],
    [CN_LANDLINE, 10, 12],
  ] as const) {
    for (const m of view.matchAll(re)) {
      const start = m.index ?? 0;
      const digits = digitCount(m[0]);
      if (digits < min || digits > max || DATE_LIKE.test(m[0])) continue;
      taken.claim(out, 'phone', start, start + m[0].length);
    }
  }
  for (const m of view.matchAll(WITH_CONTEXT)) {
    const number = m[1] ?? '';
    const start = (m.index ?? 0) + m[0].length - number.length;
    const digits = digitCount(number);
    if (digits < 7 || digits > 15 || DATE_LIKE.test(number)) continue;
    taken.claim(out, 'phone', start, start + number.length);
  }
}
