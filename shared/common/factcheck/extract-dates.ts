import type { Mention, ScanMode } from './mention';
import { parseHanNumeral } from './numbers';
import { inQuestion, type Occupancy } from './text-utils';

/**
 * Dates and times in English and Chinese, reduced to comparable keys: md:M-D, m:M, dom:D, y:YYYY, wd:1-7, q:1-4,
 * t:HH:MM, rel:…  A claim carries alternatives (OR); an alternative may need several keys (AND, joined by '&').
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const HAN_WEEKDAYS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
};

const MONTH_NAME =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const WEEKDAY_NAME =
  '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)';
const HAN_NUM = '[0-9零〇一二两三四五六七八九十]';

/**
 * A date pattern: the regex and how to turn a match into key alternatives. null = not a date after all; [] = a date
 * word that asserts nothing ("Happy Friday!"): taken, so it is not read as a name, but not a claim.
 */
interface DatePattern {
  re: RegExp;
  keys: (m: RegExpMatchArray, text: string, start: number) => string[] | null;
}

function num(text: string | undefined): number {
  if (text === undefined) return NaN;
  if (/^\d+$/.test(text)) return Number(text);
  return parseHanNumeral(text) ?? NaN;
}

function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function md(month: number, day: number, year?: number): string {
  return year !== undefined && !Number.isNaN(year) ? `md:${month}-${day}&y:${year}` : `md:${month}-${day}`;
}

function monthOf(name: string | undefined): number {
  return MONTHS[(name ?? '').slice(0, 3).toLowerCase()] ?? NaN;
}

/** Hours with and without the afternoon reading when nothing says which one ("3:00" may be 15:00). */
function timeKeys(hour: number, minute: number, period: 'am' | 'pm' | 'none'): string[] | null {
  if (hour > 24 || minute > 59 || Number.isNaN(hour) || Number.isNaN(minute)) return null;
  const mm = String(minute).padStart(2, '0');
  if (period === 'pm') return [`t:${hour < 12 ? hour + 12 : hour}:${mm}`];
  if (period === 'am') return [`t:${hour === 12 ? 0 : hour}:${mm}`];
  return hour < 12 && hour > 0 ? [`t:${hour}:${mm}`, `t:${hour + 12}:${mm}`] : [`t:${hour}:${mm}`];
}

/** Month names of de, fr, es, pt, it, nl, pl (nominative and genitive), sv, nb, fi (partitive, as after a day). */
const EURO_MONTHS: Record<string, number> = {};
[
  'januar janvier enero janeiro gennaio januari stycznia styczeń tammikuuta jänner',
  'februar février fevrier febrero fevereiro febbraio februari lutego luty helmikuuta',
  'märz maerz mars marzo março marco maart marca marzec maaliskuuta',
  'april avril abril aprile kwietnia kwiecień huhtikuuta',
  'mai mayo maio maggio mei maja maj toukokuuta',
  'juni juin junio junho giugno czerwca czerwiec kesäkuuta',
  'juli juillet julio julho luglio lipca lipiec heinäkuuta',
  'august août aout agosto augustus augusti sierpnia sierpień elokuuta',
  'september septembre septiembre setembro settembre września wrzesień syyskuuta',
  'oktober octobre octubre outubro ottobre października październik lokakuuta',
  'november novembre noviembre novembro listopada listopad marraskuuta',
  'dezember décembre decembre diciembre dezembro dicembre december desember grudnia grudzień joulukuuta',
].forEach((names, i) => {
  for (const n of names.split(' ')) EURO_MONTHS[n] = i + 1;
});
const EURO_MONTH_NAME = `(${Object.keys(EURO_MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** Weekday stems of de, fr, es, pt, it, nl, pl, sv, nb, fi; Finnish adds "-na" ("maanantaina"), Polish inflects. */
const EURO_WEEKDAYS: Array<[number, string]> = [
  [
    1,
    'montag|lundi|lunes|segunda-feira|segunda|lunedì|lunedi|maandag|poniedziałek|poniedzialek|måndag|mandag|maanantai',
  ],
  [2, 'dienstag|mardi|martes|terça-feira|terca-feira|terça|martedì|martedi|dinsdag|wtorek|tisdag|tirsdag|tiistai'],
  [
    3,
    'mittwoch|mercredi|miércoles|miercoles|quarta-feira|quarta|mercoledì|mercoledi|woensdag|środę|środa|sroda|onsdag|keskiviikko',
  ],
  [4, 'donnerstag|jeudi|jueves|quinta-feira|quinta|giovedì|giovedi|donderdag|czwartek|torsdag|torstai'],
  [5, 'freitag|vendredi|viernes|sexta-feira|sexta|venerdì|venerdi|vrijdag|piątek|piatek|fredag|perjantai'],
  [6, 'samstag|samedi|sábado|sabado|sabato|zaterdag|sobotę|sobota|lördag|lørdag|lauantai'],
  [7, 'sonntag|dimanche|domingo|domenica|zondag|niedzielę|niedziela|söndag|søndag|sunnuntai'],
];
const EURO_WEEKDAY_RE = new RegExp(
  `(?<![\\p{L}])(${EURO_WEEKDAYS.map(([, n]) => n).join('|')})(?:na)?(?![\\p{L}])`,
  'giu',
);
function euroWeekday(word: string): number {
  const w = word.toLowerCase().replace(/na$/, '');
  for (const [n, names] of EURO_WEEKDAYS) if (names.split('|').includes(w)) return n;
  return 0;
}

/** "um 14.30 Uhr", "14h30", "kl. 14.30", "klo 9.00", "ore 14.30", "a las 14.30", "o 14.30". */
const LOCAL_TIME_SUFFIX = /(?<![\d:.,])([01]?\d|2[0-3])(?:[.:h]([0-5]\d))?\s?(?:Uhr|uur|h)(?![\p{L}\d])/giu;
const FRENCH_TIME = /(?<![\d:.,])([01]?\d|2[0-3])h([0-5]\d)?(?![\p{L}\d])/gu;
const LOCAL_TIME_PREFIX =
  /(?<![\p{L}])(?:kl\.?|klo|ore|alle|um|às|as|a las|à|o|godz\.?|om)\s([01]?\d|2[0-3])[.:]([0-5]\d)(?![\d])/giu;

const PATTERNS: DatePattern[] = [
  { re: LOCAL_TIME_SUFFIX, keys: (m) => timeKeys(Number(m[1]), m[2] ? Number(m[2]) : 0, 'none') },
  { re: FRENCH_TIME, keys: (m) => timeKeys(Number(m[1]), m[2] ? Number(m[2]) : 0, 'none') },
  { re: LOCAL_TIME_PREFIX, keys: (m) => timeKeys(Number(m[1]), Number(m[2]), 'none') },
  // Day first, with dots: 30.06.2026, 18.5., 9.11.26
  {
    re: /(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(?:(\d{4}|\d{2})(?![\d.,]\d))?/g,
    keys: (m) => {
      const [d, mo] = [Number(m[1]), Number(m[2])];
      const year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : undefined;
      if (!validMonthDay(mo, d)) return null;
      // "um 14.10." ends a sentence after a time as often as "am 14.10." gives a date.
      const asTime = year === undefined && (m[2] ?? '').length === 2 ? (timeKeys(d, mo, 'none') ?? []) : [];
      return [md(mo, d, year), ...asTime];
    },
  },
  // Day first, with dashes: 30-06-2026
  {
    re: /(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])/g,
    keys: (m) => {
      const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return validMonthDay(mo, d) ? [md(mo, d, y)] : null;
    },
  },
  // 30. Juni 2026, 15 mars, 30 de junio de 2026, 1 giugno, 30 czerwca, 9. kesäkuuta
  {
    re: new RegExp(
      `(?<![\\d.,])(\\d{1,2})\\.?\\s(?:de\\s)?${EURO_MONTH_NAME}(?![\\p{L}])(?:,?\\s(?:de\\s)?(\\d{4})(?!\\d))?`,
      'giu',
    ),
    keys: (m) => {
      const [d, mo] = [Number(m[1]), EURO_MONTHS[(m[2] ?? '').toLowerCase()] ?? NaN];
      return validMonthDay(mo, d) ? [md(mo, d, m[3] ? Number(m[3]) : undefined)] : null;
    },
  },
  { re: EURO_WEEKDAY_RE, keys: (m) => [`wd:${euroWeekday(m[1] ?? '')}`] },
  // 2024年6月1日
  {
    re: new RegExp(`(?<!\\d)(\\d{4})\\s?年\\s?(${HAN_NUM}{1,3})\\s?月\\s?(${HAN_NUM}{1,3})\\s?[日号]`, 'g'),
    keys: (m) => {
      const [y, mo, d] = [num(m[1]), num(m[2]), num(m[3])];
      return validMonthDay(mo, d) ? [md(mo, d, y)] : null;
    },
  },
  // 3月15日
  {
    re: new RegExp(`(?<![\\d个])(${HAN_NUM}{1,3})\\s?月\\s?(${HAN_NUM}{1,3})\\s?[日号]`, 'g'),
    keys: (m) => {
      const [mo, d] = [num(m[1]), num(m[2])];
      return validMonthDay(mo, d) ? [md(mo, d)] : null;
    },
  },
  // 2012年 (a year, not "3年" which is a duration)
  { re: /(?<!\d)((?:19|20)\d{2})\s?年/g, keys: (m) => [`y:${m[1]}`] },
  // 6月 / 5月中旬 / 10月底
  {
    re: new RegExp(
      `(?<![\\d个每本上下这几两零一二三四五六七八九十])(${HAN_NUM}{1,2})\\s?月(?:份)?(?:初|底|中旬|上旬|下旬)?`,
      'g',
    ),
    keys: (m) => {
      const mo = num(m[1]);
      return mo >= 1 && mo <= 12 ? [`m:${mo}`] : null;
    },
  },
  // 周五 / 下周三 / 星期一 / 本周五  (not the "周一" inside "一周一次")
  {
    re: /(?<![零一二两三四五六七八九十\d])(?:下下|下|本|这|上)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/g,
    keys: (m) => [`wd:${HAN_WEEKDAYS[m[1] ?? ''] ?? 0}`],
  },
  // 第三季度 / Q3
  { re: /第?([一二三四1-4])季度/g, keys: (m) => [`q:${num(m[1])}`] },
  { re: /(?<![A-Za-z0-9])Q([1-4])(?![A-Za-z0-9])/g, keys: (m) => [`q:${m[1]}`] },
  // 下午3点 / 三点半 / 10点30分
  {
    re: new RegExp(
      `(上午|下午|中午|晚上|早上|傍晚|凌晨)?\\s?(${HAN_NUM}{1,3})\\s?点(?:\\s?(\\d{1,2})\\s?分|(半))?(钟)?`,
      'g',
    ),
    keys: (m, text, start) => {
      const period = m[1];
      const raw = m[2] ?? '';
      const hour = num(raw);
      // "有一点" (a little) is not a time: a bare Chinese numeral needs a period word or a clock word after it.
      if (!period && !/^\d+$/.test(raw) && !m[3] && !m[4] && !m[5]) {
        const after = text.slice(start + m[0].length, start + m[0].length + 2);
        if (!/^(前|后|左右|开始|见|到|至)/.test(after)) return null;
      }
      const minute = m[4] ? 30 : m[3] ? Number(m[3]) : 0;
      if (period === '下午' || period === '晚上' || period === '傍晚') return timeKeys(hour, minute, 'pm');
      if (period === '中午') return timeKeys(hour < 6 ? hour + 12 : hour, minute, 'am');
      if (period) return timeKeys(hour, minute, 'am');
      return timeKeys(hour, minute, 'none');
    },
  },
  // 2024-09-30
  {
    re: /(?<![\d/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/g,
    keys: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return validMonthDay(mo, d) ? [md(mo, d, y)] : null;
    },
  },
  // 2024/12/31
  {
    re: /(?<![\d/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/g,
    keys: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return validMonthDay(mo, d) ? [md(mo, d, y)] : null;
    },
  },
  // 10/14, 14/10/2024 (either order when both are valid); never "24/7"
  {
    re: /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/g,
    keys: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if ((a === 24 && b === 7) || (a === 7 && b === 24)) return null;
      const year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : undefined;
      const out: string[] = [];
      if (validMonthDay(a, b)) out.push(md(a, b, year));
      if (validMonthDay(b, a) && a !== b) out.push(md(b, a, year));
      return out.length > 0 ? out : null;
    },
  },
  // March 15(th)(, 2024)
  {
    re: new RegExp(`(?<![A-Za-z])${MONTH_NAME}\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s(\\d{4}))?`, 'g'),
    keys: (m) => {
      const [mo, d] = [monthOf(m[1]), Number(m[2])];
      return validMonthDay(mo, d) ? [md(mo, d, m[3] ? Number(m[3]) : undefined)] : null;
    },
  },
  // 15(th) (of) March(, 2024)
  {
    re: new RegExp(
      `(?<![\\d.])(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH_NAME}(?![A-Za-z])(?:,?\\s(\\d{4}))?`,
      'g',
    ),
    keys: (m) => {
      const [d, mo] = [Number(m[1]), monthOf(m[2])];
      return validMonthDay(mo, d) ? [md(mo, d, m[3] ? Number(m[3]) : undefined)] : null;
    },
  },
  // A month on its own: "in July", "early September". "May" only after a preposition (it is also a verb).
  {
    re: new RegExp(`(?<![A-Za-z])${MONTH_NAME}(?![A-Za-z])`, 'g'),
    keys: (m, text, start) => {
      if (
        m[1] === 'May' &&
        !/\b(in|by|since|until|till|from|through|early|mid|late|of|before|after|during|this|next|last)\s$/i.test(
          text.slice(Math.max(0, start - 12), start),
        )
      )
        return null;
      return [`m:${monthOf(m[1])}`];
    },
  },
  {
    re: new RegExp(`(?<![A-Za-z])${WEEKDAY_NAME}(?![A-Za-z])`, 'g'),
    keys: (m, text, start) =>
      // "Happy Friday!" and "have a great Monday" are greetings, not dates.
      /\b(happy|great|nice|good|lovely|wonderful)\s$/i.test(text.slice(Math.max(0, start - 10), start))
        ? []
        : [`wd:${WEEKDAYS[(m[1] ?? '').slice(0, 3).toLowerCase()]}`],
  },
  // the 14th
  { re: /\bthe\s(\d{1,2})(?:st|nd|rd|th)\b/gi, keys: (m) => (Number(m[1]) <= 31 ? [`dom:${Number(m[1])}`] : null) },
  // 3pm, 10:30 am
  {
    re: /(?<![\d:.])(\d{1,2})(?::([0-5]\d))?\s?(am|pm|a\.m\.|p\.m\.)(?![A-Za-z])/gi,
    keys: (m) =>
      timeKeys(Number(m[1]), m[2] ? Number(m[2]) : 0, (m[3] ?? '').toLowerCase().startsWith('p') ? 'pm' : 'am'),
  },
  // 14:00, 9:30
  {
    re: /(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/g,
    keys: (m) => timeKeys(Number(m[1]), Number(m[2]), 'none'),
  },
  // A bare "14.10": a time in much of Europe, or the 14th of October; either reading may be what the thread said.
  {
    re: /(?<![\d.,])([01]?\d|2[0-3])\.([0-5]\d)(?![\d,%]|\.\d|\s?(?:%|[\p{L}€$£¥]))/gu,
    keys: (m, text, start) => {
      if (/[$€£¥]\s?$/.test(text.slice(Math.max(0, start - 2), start))) return null;
      const [a, b] = [Number(m[1]), Number(m[2])];
      const out = timeKeys(a, b, 'none') ?? [];
      if (validMonthDay(b, a)) out.push(md(b, a));
      return out.length > 0 ? out : null;
    },
  },
  // by the end of next week / by EOD / 月底前
  {
    re: /\b(?:by|before|until|no later than)\s(?:the\s)?(end of (?:the |this |next )?(?:day|week|month|quarter|year)|EOD|EOW|COB|tomorrow|tonight|next (?:week|month)|this (?:week|month))\b/gi,
    keys: (m) => [`rel:${(m[1] ?? '').toLowerCase().replace(/\s+/g, '-')}`],
  },
  {
    re: /(本周|这周|下周|本月|这个月|下个月|下月|月底|月末|年底|年末|季度末|明天|后天|今天|今晚)(?:之前|以前|前)/g,
    keys: (m) => [`rel:${m[1]}`],
  },
  // A bare year: 2015 (not 2,015 or $2015)
  {
    re: /(?<![\w.,$€£¥#:/-])((?:19[5-9]|20\d)\d)(?![\w%.,:/-]|\s?(?:%|percent|元|美元|万|USD|EUR|dollars|euros))/g,
    keys: (m) => [`y:${m[1]}`],
  },
];

const DEADLINE_SUFFIX = /^(?:之前|以前|前)/;
const RELATIVE_PREFIX = /(?:next|this|by|on|before|until)\s$/i;

/**
 * Finds dates and times. In draft mode, dates inside questions are proposals ("Would Thursday work?") and are kept
 * out of the claims but still taken, so their digits are not read again as plain numbers.
 */
export function extractDates(text: string, mode: ScanMode, occupied: Occupancy, out: Mention[]): void {
  const first = out.length;
  scanDates(text, mode, occupied, out);
  if (mode === 'draft') settleWeekdays(text, out.slice(first));
}

/** ISO weekday (1 = Monday) of a calendar date. */
function isoWeekday(year: number, month: number, day: number): number {
  const w = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Between a weekday and its date: a comma, a space, an article ("onsdag den 11 mars", "jeudi le 5", "am 3."). */
const WEEKDAY_TO_DATE = /^,?[ \u00a0]?(?:(?:den|der|am|le|el|il|op|the)[ \u00a0])?$/i;

/**
 * A weekday written next to a date ("Monday, April 5", "Dienstag, 21.04.2026", "7月13日（周一）") restates that date:
 * the date is the claim. The weekday is dropped when it agrees with the date's year, or when no year says; it stays a
 * claim (and cannot be backed) when the calendar contradicts it.
 */
function settleWeekdays(text: string, mentions: Mention[]): void {
  for (const w of mentions) {
    if (w.fact.type !== 'date' || w.skip) continue;
    const wd = /^wd:(\d)$/.exec(w.fact.keys[0] ?? '');
    if (!wd || w.fact.keys.length !== 1) continue;
    const date = mentions.find(
      (d) =>
        d !== w &&
        d.fact.type === 'date' &&
        d.fact.keys.some((k) => k.startsWith('md:')) &&
        // "Monday, April 5", "el martes 5 de mayo"; a date then its weekday only in brackets ("7月13日（周一）"), since
        // "3月20日，周五前" lists two dates.
        (d.start >= w.end
          ? WEEKDAY_TO_DATE.test(text.slice(w.end, d.start))
          : /^\s?[(（]$/.test(text.slice(d.end, w.start))),
    );
    if (!date || date.fact.type !== 'date') continue;
    // "08/10/2026" may be either order: the weekday agrees when it agrees with one reading.
    const full = date.fact.keys.map((k) => /^md:(\d+)-(\d+)&y:(\d{4})$/.exec(k)).filter((m) => m !== null);
    if (full.length === 0 || full.some((f) => isoWeekday(Number(f[3]), Number(f[1]), Number(f[2])) === Number(wd[1]))) {
      w.skip = true;
      continue;
    }
    w.fact = { type: 'date', keys: [`wd-contradicts:${date.fact.keys.join('|')}`] };
  }
}

function scanDates(text: string, mode: ScanMode, occupied: Occupancy, out: Mention[]): void {
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    for (const m of text.matchAll(pattern.re)) {
      let start = m.index ?? 0;
      let end = start + m[0].length;
      // Trim spaces the optional groups may have eaten.
      while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
      while (start < end && /\s/.test(text[start] ?? '')) start++;
      if (!occupied.isFree(start, end)) continue;
      const keys = pattern.keys(m, text, start);
      if (!keys) continue;
      const suffix = DEADLINE_SUFFIX.exec(text.slice(end, end + 2));
      if (suffix && occupied.isFree(end, end + suffix[0].length)) end += suffix[0].length;
      const prefix = RELATIVE_PREFIX.exec(text.slice(Math.max(0, start - 7), start));
      if (prefix && /^next|^by|^before|^until/i.test(prefix[0])) start -= prefix[0].length;
      occupied.take(start, end);
      out.push({
        start,
        end,
        kind: 'date',
        fact: { type: 'date', keys },
        skip: keys.length === 0 || (mode === 'draft' && inQuestion(text, end)),
      });
    }
  }
}
