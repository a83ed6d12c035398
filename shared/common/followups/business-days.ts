/**
 * Business days for the follow-up clock: weekends and public holidays do not count. Holidays are known for the
 * regions below (from the locale's region, e.g. `en-US` → US); elsewhere only weekends are skipped. Days are the
 * rep's own calendar days: the caller passes its UTC offset, so the module needs no time-zone database.
 */

export type HolidayRegion = 'US' | 'CN' | 'GB';
const DAY_MS = 86_400_000;

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** The `n`-th weekday `wd` (0 = Sunday) of a month; n = -1 is the last. */
function nthWeekday(y: number, m: number, wd: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
    return iso(y, m, 1 + ((wd - first + 7) % 7) + 7 * (n - 1));
  }
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const last = new Date(Date.UTC(y, m - 1, lastDay)).getUTCDay();
  return iso(y, m, lastDay - ((last - wd + 7) % 7));
}
/** A fixed-date holiday on a weekend is observed on the nearest weekday (US rule; GB moves it to Monday). */
function observed(y: number, m: number, d: number, rule: 'nearest' | 'monday'): string {
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const shift = wd === 6 ? (rule === 'nearest' ? -1 : 2) : wd === 0 ? 1 : 0;
  const t = new Date(Date.UTC(y, m - 1, d + shift));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
const range = (y: number, m: number, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => iso(y, m, from + i));

/** Easter Sunday (Gregorian, anonymous algorithm), for the UK's Good Friday and Easter Monday. */
function easter(y: number): Date {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(y, month - 1, day));
}
const plusDays = (t: Date, n: number) => {
  const x = new Date(t.getTime() + n * DAY_MS);
  return iso(x.getUTCFullYear(), x.getUTCMonth() + 1, x.getUTCDate());
};

/**
 * China's lunar-calendar holidays as the State Council published them (Spring Festival, Qingming, Dragon Boat,
 * Mid-Autumn with National Day); other years fall back to the fixed-date holidays. The make-up working Saturdays
 * and Sundays are not modelled: those days stay off the clock, which only delays a follow-up.
 */
const CN_PUBLISHED: Record<number, string[]> = {
  2025: [
    ...range(2025, 1, 28, 31),
    ...range(2025, 2, 1, 4),
    ...range(2025, 4, 4, 6),
    ...range(2025, 5, 31, 31),
    ...range(2025, 6, 1, 2),
    ...range(2025, 10, 1, 8),
  ],
  2026: [...range(2026, 2, 15, 23), ...range(2026, 4, 4, 6), ...range(2026, 6, 19, 21), ...range(2026, 9, 25, 27)],
};

/** The public holidays of `region` in year `y`, as `YYYY-MM-DD`. */
export function holidaysOf(region: HolidayRegion, y: number): Set<string> {
  if (region === 'US')
    return new Set([
      observed(y, 1, 1, 'nearest'),
      nthWeekday(y, 1, 1, 3),
      nthWeekday(y, 2, 1, 3),
      nthWeekday(y, 5, 1, -1),
      observed(y, 6, 19, 'nearest'),
      observed(y, 7, 4, 'nearest'),
      nthWeekday(y, 9, 1, 1),
      nthWeekday(y, 10, 1, 2),
      observed(y, 11, 11, 'nearest'),
      nthWeekday(y, 11, 4, 4),
      observed(y, 12, 25, 'nearest'),
    ]);
  if (region === 'GB') {
    const e = easter(y);
    const christmas = new Date(Date.UTC(y, 11, 25)).getUTCDay();
    // Christmas on a weekend moves to the 27th, Boxing Day to the 28th (or the 27th/28th shuffle on a Saturday).
    const xmas =
      christmas === 6 ? [iso(y, 12, 27), iso(y, 12, 28)] : christmas === 0 ? [iso(y, 12, 26), iso(y, 12, 27)] : [];
    return new Set([
      observed(y, 1, 1, 'monday'),
      plusDays(e, -2),
      plusDays(e, 1),
      nthWeekday(y, 5, 1, 1),
      nthWeekday(y, 5, 1, -1),
      nthWeekday(y, 8, 1, -1),
      ...(xmas.length ? xmas : [iso(y, 12, 25), christmas === 5 ? iso(y, 12, 28) : iso(y, 12, 26)]),
    ]);
  }
  return new Set([iso(y, 1, 1), ...range(y, 5, 1, 5), ...range(y, 10, 1, 7), ...(CN_PUBLISHED[y] ?? [])]);
}

/** The holiday region of a BCP 47 locale (`en-US`, `zh-CN`, `en-GB`), or null when we do not know its holidays. */
export function regionOfLocale(locale: string | undefined): HolidayRegion | null {
  const region = /[-_]([A-Za-z]{2})\b/.exec(locale ?? '')?.[1]?.toUpperCase();
  if (region === 'US' || region === 'CN' || region === 'GB') return region;
  // Simplified Chinese without a region is almost always mainland China.
  if (/^zh(-hans)?$/i.test(locale ?? '')) return 'CN';
  return null;
}

export interface CalendarOptions {
  region: HolidayRegion | null;
  /** The rep's UTC offset in minutes (east positive), e.g. 480 for China, -300 for New York in winter. */
  offsetMinutes: number;
}

/** The rep's calendar day of `at` as `YYYY-MM-DD`, and its weekday. */
function localDay(at: number, offsetMinutes: number): { key: string; weekday: number; year: number } {
  const t = new Date(at + offsetMinutes * 60_000);
  return {
    key: iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()),
    weekday: t.getUTCDay(),
    year: t.getUTCFullYear(),
  };
}

/** Whether the rep's calendar day of `at` is a working day. */
export function isBusinessDay(at: number, options: CalendarOptions): boolean {
  const day = localDay(at, options.offsetMinutes);
  if (day.weekday === 0 || day.weekday === 6) return false;
  return !options.region || !holidaysOf(options.region, day.year).has(day.key);
}

/**
 * The moment `n` business days after `at` (same time of day): a send on Friday with n = 3 is due on Wednesday.
 * Days are stepped in whole days of the rep's calendar, so a daylight-saving change moves the time by an hour at most.
 */
export function addBusinessDays(at: number, n: number, options: CalendarOptions): number {
  let t = at;
  for (let left = n; left > 0;) {
    t += DAY_MS;
    if (isBusinessDay(t, options)) left--;
  }
  return t;
}
