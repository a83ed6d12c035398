/** Parsing of written numbers: "1,200.5", "１２", "三千二百", "两", and the scale words that follow them. */

const HAN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const HAN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that can make up a Chinese numeral. */
export const HAN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * A figure written in any of the usual grouping styles, with the other readings it may have: "1,200.50" → 1200.5;
 * "1.234,50" and "1 234,50" (dots, spaces, no-break spaces between thousands, decimal comma) → 1234.5; "14,5" → 14.5.
 * "1.260" or "1,260" alone are ambiguous (thousands in one locale, decimals in another): both readings are returned.
 */
export function parseLocaleNumber(text: string): { value: number; alts: number[] } | null {
  const t = text.replace(/[ \u00a0\u202f]/g, (ch) => (ch === ' ' ? ' ' : ' '));
  let m = /^(\d{1,3}(?:,\d{3})+)(\.\d+)?$/.exec(t);
  if (m) {
    const value = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
    const alts = !m[2] && (m[1]!.match(/,/g) ?? []).length === 1 ? [Number(m[1]!.replace(',', '.'))] : [];
    return { value, alts };
  }
  m = /^(\d{1,3}(?:\.\d{3})+)(,\d+)?$/.exec(t);
  if (m) {
    const value = Number(m[1]!.replace(/\./g, '') + (m[2] ?? '').replace(',', '.'));
    const alts = !m[2] && (m[1]!.match(/\./g) ?? []).length === 1 ? [Number(m[1])] : [];
    return { value, alts };
  }
  m = /^(\d{1,3}(?: \d{3})+)(,\d+)?$/.exec(t);
  if (m) return { value: Number(m[1]!.replace(/ /g, '') + (m[2] ?? '').replace(',', '.')), alts: [] };
  m = /^(\d+),(\d+)$/.exec(t);
  if (m) return { value: Number(`${m[1]}.${m[2]}`), alts: [] };
  const plain = parseDecimal(t);
  return plain === null ? null : { value: plain, alts: [] };
}

/** "1,200.50" → 1200.5; null when not a plain decimal. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.replace(/,/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** "三千二百" → 3200, "十二" → 12, "八十万" → 800000, "两" → 2; null when the text is not a numeral. */
export function parseHanNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of text) {
    const d = HAN_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = HAN_SMALL_UNITS[ch];
    if (small !== undefined) {
      // "十二" has no leading digit: the ten counts once.
      section += (digit < 0 ? 1 : digit) * small;
      digit = -1;
      continue;
    }
    if (ch === '万') {
      total += (section + Math.max(digit, 0) || 1) * 10_000;
      section = 0;
      digit = -1;
      continue;
    }
    if (ch === '亿') {
      total = (total + section + Math.max(digit, 0) || 1) * 100_000_000;
      section = 0;
      digit = -1;
      continue;
    }
    return null;
  }
  return total + section + Math.max(digit, 0);
}

const EN_NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  hundred: 100,
};

/** English number word → value ("one" is left out: it is mostly an article, not a figure). */
export function parseEnglishNumberWord(word: string): number | null {
  return EN_NUMBER_WORDS[word.toLowerCase()] ?? null;
}

/** Regex source matching the English number words above, for building patterns. */
export const EN_NUMBER_WORD_SOURCE = Object.keys(EN_NUMBER_WORDS).join('|');

/** Multiplier for a scale word or suffix following a number ("k", "million", "万"); null when it is none. */
export function scaleOf(word: string): number | null {
  switch (word.toLowerCase()) {
    case 'k':
    case 'thousand':
    case '千':
      return 1_000;
    case 'm':
    case 'mn':
    case 'mm':
    case 'million':
      return 1_000_000;
    case 'bn':
    case 'billion':
      return 1_000_000_000;
    case '万':
      return 10_000;
    case '亿':
      return 100_000_000;
    default:
      return null;
  }
}

/** True when two numbers are the same figure, ignoring floating-point noise. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
