import type { Taken, ViewSpan } from './spans';

/**
 * Street addresses. English: a house number, one to four words and a street suffix ("221B Baker Street",
 * "1600 Amphitheatre Pkwy, Mountain View, CA 94043"), plus an optional unit, city, state and ZIP. Chinese: anchored on
 * "<road>路/街/大道…<number>号" and extended backwards over 省/市/区 and forwards over building and room, within a
 * fixed window, so the work per match is bounded.
 */

const SUFFIXES =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Plaza|Alley|Crescent|Close|Row';
const EN_ADDRESS = new RegExp(
  String.raw`(?<![A-Za-z0-9])\d{1,6}[A-Za-z]?(?:-\d{1,4})?[ ](?:[A-Za-z][A-Za-z'-]{0,24}\.?[ ]){1,4}(?:${SUFFIXES})\.?(?![A-Za-z])` +
    String.raw`(?:,?[ ](?:Suite|Ste|Apt|Apartment|Unit|Floor|Fl|Room|#)\.?[ ]?#?[A-Za-z0-9-]{1,6})?` +
    String.raw`(?:,[ ][A-Z][A-Za-z]{1,24}(?:[ ][A-Z][A-Za-z]{1,24}){0,2})?(?:,[ ][A-Z]{2})?(?:[ ]\d{5}(?:-\d{4})?)?`,
  'g',
);

const ROAD_NUMBER = /(?:路|街|大道|大街|道|巷|胡同|弄|里)[ ]?[0-9零〇一二三四五六七八九十百]{1,5}(?:-\d{1,4})?[ ]?号/g;
// Characters that stop the walk back from "…路88号": punctuation and words that cannot be part of an address.
const STOP_BACK = new Set(
  [...'，。、；：！？,.;:!?（）()“”"\'的在是和与及从到去来我您你他她它们'].map((c) => c.charCodeAt(0)),
);
// Last characters of a building/floor/room part (单元, 大厦, 中心, 广场 end in 元, 厦, 心, 场).
const TAIL_ENDS = new Set([...'室楼层座栋幢元厦心场'].map((c) => c.charCodeAt(0)));
const ROAD_CHARS = new Set([...'路街道巷弄'].map((c) => c.charCodeAt(0)));
const MAX_BACK = 24;
const MAX_TAIL = 24;

/** Han ideograph, ASCII letter or digit, or '-': what a Chinese address is made of. Code-point checks, no regex. */
function isAddressChar(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2d
  );
}

/** Length of the building/floor/room part after "…号" ("环球金融中心25楼"): up to the last such word in reach. */
function tailLength(view: string, from: number): number {
  let best = 0;
  let i = from;
  if (view[i] === ' ') i++;
  for (; i < view.length && i - from < MAX_TAIL && isAddressChar(view.charCodeAt(i)); i++) {
    // A new road name starts the next address, not this one's building part.
    if (ROAD_CHARS.has(view.charCodeAt(i))) break;
    if (TAIL_ENDS.has(view.charCodeAt(i))) best = i + 1 - from;
  }
  return best;
}

/** Adds street-address findings (English and Chinese). */
export function findAddresses(view: string, taken: Taken, out: ViewSpan[]): void {
  for (const m of view.matchAll(EN_ADDRESS)) {
    const start = m.index ?? 0;
    taken.claim(out, 'address', start, start + m[0].length);
  }
  for (const m of view.matchAll(ROAD_NUMBER)) {
    const roadEnd = (m.index ?? 0) + m[0].length;
    // Walk back over the road name and any 省/市/区 prefix, stopping at punctuation or a function word.
    let start = m.index ?? 0;
    while (start > 0 && (m.index ?? 0) - start < MAX_BACK) {
      const code = view.charCodeAt(start - 1);
      // Stop at an earlier finding too: it cannot be shared, and this keeps the walk short on repetitive text.
      if (STOP_BACK.has(code) || !isAddressChar(code) || taken.isTaken(start - 1)) break;
      start--;
    }
    if ((m.index ?? 0) - start < 1) continue;
    const end = roadEnd + tailLength(view, roadEnd);
    taken.claim(out, 'address', start, end);
  }
}
