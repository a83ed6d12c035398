import type { Mention, Quantity, ScanMode } from './mention';
import {
  EN_NUMBER_WORD_SOURCE,
  HAN_NUMERAL_CHARS,
  parseLocaleNumber,
  parseEnglishNumberWord,
  parseHanNumeral,
  scaleOf,
} from './numbers';
import { atLineStart, inQuestion, type Occupancy } from './text-utils';

/**
 * Numbers, money, percentages, durations, multipliers and phone numbers. Each regex finds only the numeric core with
 * bounded quantifiers; units and qualifiers around it are read by small anchored regexes on short slices, so the scan
 * stays linear on any input.
 */

const PHONE =
  /(?<![\w+]|\d[.,/:-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,5}){1,4}(?!\w|[.,/:-]\d)|(?<![\w+]|\d[.,/:-])\+?\d{10,15}(?!\w|[.,/:-]\d)/g;
/**
 * A figure in any grouping style: "1,200.50", "1.234,50", "26 100" (also with no-break spaces), "14,5", "99.9".
 * Space-grouped thousands need three digits after each space so "40 120" in a list is not read as forty thousand.
 */
const DIGIT_CORE =
  /(?<![A-Za-z0-9_]|\d[.,])(?:\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?(?![\d,])|\d{1,3}(?:\.\d{3}){1,5}(?:,\d{1,6})?(?![\d.])|\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,4}(?:,\d{1,6})?(?![\d]|[ \u00a0\u202f]\d)|\d{1,15}(?:[.,]\d{1,6})?)(?!\d)/g;
const HAN_CORE = new RegExp(`[${HAN_NUMERAL_CHARS}]{1,12}`, 'g');
const WORD_CORE = new RegExp(`\\b(${EN_NUMBER_WORD_SOURCE})\\b`, 'gi');

const CURRENCY_PREFIX = /(R\$|US\$|\$|€|£|¥|￥|USD|EUR|GBP|RMB|CNY|BRL|PLN|SEK|NOK|DKK|CHF|人民币)\s?$/i;
const CURRENCY_SUFFIX =
  /^\s?(USD|EUR|GBP|CNY|RMB|BRL|PLN|SEK|NOK|DKK|CHF|€|dollars?|euros?|euroa|euron|eur|pounds?|bucks|reais|real|zł|zl|złotych|kr|kronor|kroner|元|块钱|块|美元|欧元|英镑|人民币|港元|港币)(?![\p{L}])/iu;
const APPROX_PREFIX =
  /(over|more than|above|nearly|almost|about|around|roughly|approximately|approx\.?|up to|under|less than|fewer than|below|~|约|大约|近|超过|将近|逾|不到|少于|不足|高达)\s?$/i;
const SCALE_SUFFIX = /^\s?(k|K|mn|m|M|MM|bn|thousand|million|billion|万|亿|千)(?![\p{Script=Latin}])/u;
const PERCENT_SUFFIX = /^\s?(%|％|percent|per cent|pct|个百分点)/i;
const TIMES_SUFFIX = /^\s?(x|X|times|倍)(?![A-Za-z])/;
const DURATION_SUFFIX =
  /^(?:\s|-)?(minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|分钟|个小时|小时|天|周|个星期|星期|个月|年)(?![A-Za-z])/i;
const HAN_MEASURE =
  /^(多|余)?(个|位|名|人|家|所|座|条|项|款|套|台|件|次|张|份|间|层|批|户|辆|架|只|支|本|篇|页|场|轮|期|级|种|类|笔|单|箱|吨|公斤|千克|平方米|平米|米|公里|万|亿|校区|门店|医院|账号|坐席|用户|客户|企业|员工)/;
const PLUS_SUFFIX = /^\+/;
const ORDINAL_SUFFIX = /^(st|nd|rd|th)(?![A-Za-z])/;
/** Letters glued to digits that still leave a figure ("5k", "3x", "30min"); anything else is an identifier ("4HANA"). */
const GLUED_OK = /^(k|K|m|M|mn|MM|bn|x|X|min|mins|h|hr|hrs|d|wk|wks|mo|yr|yrs|st|nd|rd|th)(?![\p{Script=Latin}])/u;

// Proposals and email mechanics, not assertions: "a 15-minute call", "two quick questions", "20 minutes of your time".
const PROPOSAL_AFTER =
  /^[\s-]?(?:min(?:ute)?s?|分钟)\s?(?:\s?(?:call|chat|demo|meeting|conversation|walkthrough|slot|intro|sync|catch-up|of your time)|的?(?:通话|电话|会议|演示|沟通|交流|视频会议))/i;
const COUNT_OF_EMAIL = /^\s?(?:quick |short |brief )?(?:questions?|ideas?|thoughts?|things|points)\b/i;

const MINUTES: Record<string, number> = {
  minute: 1,
  min: 1,
  分钟: 1,
  hour: 60,
  hr: 60,
  小时: 60,
  个小时: 60,
  day: 1_440,
  天: 1_440,
  week: 10_080,
  wk: 10_080,
  周: 10_080,
  星期: 10_080,
  个星期: 10_080,
  month: 43_200,
  个月: 43_200,
  year: 525_600,
  yr: 525_600,
  年: 525_600,
};

function durationMinutes(unit: string): number {
  const u = unit.toLowerCase();
  return MINUTES[u] ?? MINUTES[u.replace(/s$/, '')] ?? NaN;
}

function currencyOf(token: string): Quantity['currency'] {
  const t = token.toLowerCase();
  if (t === 'r$' || t === 'brl' || t.startsWith('rea')) return 'BRL';
  if (t === 'pln' || t.startsWith('zł') || t === 'zl' || t === 'złotych') return 'PLN';
  if (t === 'sek' || t === 'kronor') return 'SEK';
  if (t === 'nok' || t === 'kroner') return 'NOK';
  if (t === 'dkk') return 'DKK';
  if (t === 'kr') return 'KR';
  if (t === 'chf') return 'CHF';
  if (t.includes('$') || t.startsWith('usd') || t.startsWith('dollar') || t === 'bucks' || t === '美元') return 'USD';
  if (t === '€' || t.startsWith('eur')) return 'EUR';
  if (t === '£' || t.startsWith('gbp') || t.startsWith('pound') || t === '英镑') return 'GBP';
  return 'CNY';
}

function approxOf(word: string): Quantity['approx'] {
  const w = word.toLowerCase();
  if (/^(over|more than|above|超过|逾|高达)$/.test(w)) return 'over';
  if (/^(up to|under|less than|fewer than|below|不到|少于|不足)$/.test(w)) return 'under';
  return 'about';
}

/** What surrounds a numeric core decides what it is. Returns null for numbers that are not claims at all. */
function classify(
  text: string,
  start: number,
  end: number,
  value: number,
  mode: ScanMode,
): { end: number; start: number; quantity: Quantity; skip: boolean } | null {
  let rest = text.slice(end, end + 24);
  const before = text.slice(Math.max(0, start - 16), start);
  let spanStart = start;
  let spanEnd = end;
  const q: Quantity = { type: 'quantity', unit: 'count', value };

  // Digits glued to letters that are no unit: a product code or identifier ("S/4HANA"), not a figure.
  if (/^[A-Za-z]/.test(rest) && !GLUED_OK.test(rest)) return null;
  if (before.endsWith('第')) return null;
  if (ORDINAL_SUFFIX.test(rest)) return null;

  const cur = CURRENCY_PREFIX.exec(before);
  if (cur) {
    q.unit = 'money';
    q.currency = currencyOf(cur[1] ?? '$');
    spanStart = start - cur[0].length;
  }
  const approx = APPROX_PREFIX.exec(text.slice(Math.max(0, spanStart - 16), spanStart));
  if (approx) q.approx = approxOf(approx[1] ?? '');
  if (before.endsWith('#')) spanStart = start - 1;

  const scale = SCALE_SUFFIX.exec(rest);
  if (scale) {
    const factor = scaleOf(scale[1] ?? '');
    if (factor) {
      q.value = value * factor;
      spanEnd += scale[0].length;
      rest = text.slice(spanEnd, spanEnd + 24);
    }
  }
  const curAfter = CURRENCY_SUFFIX.exec(rest);
  const percent = PERCENT_SUFFIX.exec(rest);
  const times = TIMES_SUFFIX.exec(rest);
  const duration = DURATION_SUFFIX.exec(rest);
  const measure = HAN_MEASURE.exec(rest);
  if (curAfter) {
    q.unit = 'money';
    q.currency = currencyOf(curAfter[1] ?? '');
    spanEnd += curAfter[0].length;
  } else if (percent) {
    q.unit = 'percent';
    spanEnd += percent[0].length;
  } else if (times && q.unit === 'count') {
    q.unit = 'times';
    spanEnd += times[0].length;
  } else if (duration && q.unit === 'count') {
    q.unit = 'duration';
    q.value = q.value * durationMinutes(duration[1] ?? '');
    spanEnd += duration[0].length;
  } else if (measure) {
    if (measure[1]) q.approx = 'over';
    spanEnd += measure[0].length;
  } else if (PLUS_SUFFIX.test(rest)) {
    q.approx = 'over';
    spanEnd += 1;
  }

  let skip = false;
  if (mode === 'draft') {
    // "1. Security review" — a list marker, not a figure.
    if (atLineStart(text, start) && /^[.)、]\s?/.test(text.slice(end, end + 2)) && q.unit === 'count') return null;
    if (PROPOSAL_AFTER.test(text.slice(end, end + 40))) skip = true;
    if (q.unit === 'count' && COUNT_OF_EMAIL.test(rest)) skip = true;
    if (q.unit === 'duration' && inQuestion(text, spanEnd)) skip = true;
  }
  return { start: spanStart, end: spanEnd, quantity: q, skip };
}

function kindOf(q: Quantity): Mention['kind'] {
  return q.unit === 'money' ? 'money' : q.unit === 'percent' ? 'percent' : 'number';
}

function push(out: Mention[], occupied: Occupancy, start: number, end: number, q: Quantity, skip: boolean): void {
  occupied.take(start, end);
  out.push({ start, end, kind: kindOf(q), fact: q, skip });
}

/** Percentages written out in Chinese: 百分之二十五, 九折 (90 % of the price, i.e. 10 % off), 两成 (20 %). */
function extractHanPercent(text: string, occupied: Occupancy, out: Mention[]): void {
  const re = new RegExp(`百分之([${HAN_NUMERAL_CHARS}]{1,6}|\\d{1,3}(?:\\.\\d{1,3})?)`, 'g');
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const raw = m[1] ?? '';
    const value = /\d/.test(raw) ? Number(raw) : parseHanNumeral(raw);
    if (value === null || !occupied.isFree(start, end)) continue;
    push(out, occupied, start, end, { type: 'quantity', unit: 'percent', value }, false);
  }
  const discount = /(?<![\d零一二两三四五六七八九十])([一二三四五六七八九]|[1-9](?:\.\d)?)\s?折/g;
  for (const m of text.matchAll(discount)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const raw = m[1] ?? '';
    const tenths = /\d/.test(raw) ? Number(raw) : parseHanNumeral(raw);
    if (tenths === null || !occupied.isFree(start, end)) continue;
    const price = tenths * 10;
    push(out, occupied, start, end, { type: 'quantity', unit: 'percent', value: price, alts: [100 - price] }, false);
  }
  const tenthsOf = /(?<![\d零一二两三四五六七八九十])([一二两三四五六七八九]|[1-9])\s?成(?![交功本为立员果长熟型])/g;
  for (const m of text.matchAll(tenthsOf)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const raw = m[1] ?? '';
    const tenths = /\d/.test(raw) ? Number(raw) : parseHanNumeral(raw);
    if (tenths === null || !occupied.isFree(start, end)) continue;
    push(out, occupied, start, end, { type: 'quantity', unit: 'percent', value: tenths * 10 }, false);
  }
}

/** Phone numbers: seven or more digits in groups. Compared by their digits only. */
function extractPhones(text: string, occupied: Occupancy, out: Mention[]): void {
  for (const m of text.matchAll(PHONE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15 || !occupied.isFree(start, end)) continue;
    push(out, occupied, start, end, { type: 'quantity', unit: 'phone', value: NaN, digits }, false);
  }
}

// Quantities written as words: "twice as fast", "in half the time", "翻倍"; and "within a week", "in a single afternoon".
const MULTIPLIER_WORDS =
  /\b(?:half(?= the\b| as\b)|(?<=\bin )half\b|twice|doubl(?:e|ed|es|ing)(?![- ](?:check|click|down))|tripl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing))\b|翻一番|翻倍|翻番|一半|减半/gi;
const ARTICLE_DURATION =
  /\b(?:within (?:an?|one)|in (?:just|only|under|less than) (?:an?|one)|in a single|in one single)\s(minute|hour|day|week|month|quarter|year|afternoon|morning)\b/gi;
const WORD_MINUTES: Record<string, number> = { quarter: 129_600, afternoon: 240, morning: 240 };

function multiplierValue(word: string): number {
  const w = word.toLowerCase();
  if (w.startsWith('half') || w === '一半' || w === '减半') return 0.5;
  if (w.startsWith('tripl')) return 3;
  if (w.startsWith('quadrupl')) return 4;
  return 2;
}

function extractWordQuantities(text: string, mode: ScanMode, occupied: Occupancy, out: Mention[]): void {
  for (const m of text.matchAll(MULTIPLIER_WORDS)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!occupied.isFree(start, end)) continue;
    push(out, occupied, start, end, { type: 'quantity', unit: 'times', value: multiplierValue(m[0]) }, false);
  }
  for (const m of text.matchAll(ARTICLE_DURATION)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!occupied.isFree(start, end)) continue;
    const unit = (m[1] ?? '').toLowerCase();
    const minutes = WORD_MINUTES[unit] ?? durationMinutes(unit);
    const skip = mode === 'draft' && inQuestion(text, end);
    push(out, occupied, start, end, { type: 'quantity', unit: 'duration', value: minutes }, skip);
  }
}

/** Finds every numeric claim. Dates and URLs must have been taken first so their digits are not read again. */
export function extractNumbers(text: string, mode: ScanMode, occupied: Occupancy, out: Mention[]): void {
  extractHanPercent(text, occupied, out);
  extractPhones(text, occupied, out);
  extractWordQuantities(text, mode, occupied, out);

  for (const m of text.matchAll(DIGIT_CORE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!occupied.isFree(start, end)) continue;
    const parsed = parseLocaleNumber(m[0]);
    if (parsed === null) continue;
    const c = classify(text, start, end, parsed.value, mode);
    if (!c) {
      occupied.take(start, end);
      continue;
    }
    if (!occupied.isFree(c.start, c.end)) continue;
    if (parsed.alts.length > 0) {
      const scale = c.quantity.value / parsed.value;
      c.quantity.alts = [...(c.quantity.alts ?? []), ...parsed.alts.map((a) => a * scale)];
    }
    push(out, occupied, c.start, c.end, c.quantity, c.skip);
  }

  for (const m of text.matchAll(HAN_CORE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!occupied.isFree(start, end)) continue;
    const value = parseHanNumeral(m[0]);
    if (value === null) continue;
    const rest = text.slice(end, end + 8);
    // A Chinese numeral is a figure only when a unit follows it ("三家", "两周", "八十万元"); "一起", "统一" are words.
    if (!(
      HAN_MEASURE.test(rest) ||
      DURATION_SUFFIX.test(rest) ||
      CURRENCY_SUFFIX.test(rest) ||
      TIMES_SUFFIX.test(rest)
    ))
      continue;
    if (m[0] === '一' && !CURRENCY_SUFFIX.test(rest)) continue;
    const c = classify(text, start, end, value, mode);
    if (!c || !occupied.isFree(c.start, c.end)) continue;
    push(out, occupied, c.start, c.end, c.quantity, c.skip);
  }

  for (const m of text.matchAll(WORD_CORE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const value = parseEnglishNumberWord(m[1] ?? '');
    if (value === null || !occupied.isFree(start, end)) continue;
    const rest = text.slice(end, end + 16);
    // Written-out numbers are figures only with a unit ("six weeks", "two-hour"); "two quick questions" is not.
    if (!(DURATION_SUFFIX.test(rest) || PERCENT_SUFFIX.test(rest) || /^\s(times)\b/i.test(rest))) continue;
    const c = classify(text, start, end, value, mode);
    if (!c || !occupied.isFree(c.start, c.end)) continue;
    push(out, occupied, c.start, c.end, c.quantity, c.skip);
  }
}
