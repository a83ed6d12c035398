/**
 * Shared machinery of the multilingual fact-check set: a seeded generator, number/money/date formatting in each
 * locale's own conventions, and the draft/grounding assembly. The language packs hold the wording.
 */

export type Lang = 'en' | 'zh' | 'de' | 'fr' | 'es' | 'pt' | 'it' | 'nl' | 'pl' | 'sv' | 'nb' | 'fi';

/** Mulberry32: a small seeded generator so the set is reproducible byte for byte. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Pick {
  constructor(private readonly r: () => number) {}
  num(): number {
    return this.r();
  }
  one<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)] as T;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.r() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/** Groups digits with `sep` every three places, and writes the decimals with `dec` (two places when not whole). */
export function groupNumber(value: number, sep: string, dec: string, forceDecimals = false): string {
  const rounded = Math.round(value * 100) / 100;
  const whole = Math.trunc(rounded);
  const cents = Math.round((rounded - whole) * 100);
  const digits = String(whole);
  let grouped = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += sep;
    grouped += digits[i];
  }
  if (cents === 0 && !forceDecimals) return grouped;
  return `${grouped}${dec}${String(cents).padStart(2, '0')}`;
}

export interface Day {
  y: number;
  m: number;
  d: number;
}

const WEEKDAY_BASE = Date.UTC(2026, 0, 1);
/** ISO weekday (1 = Monday) of a date. */
export function weekday(day: Day): number {
  const t = Date.UTC(day.y, day.m - 1, day.d);
  const w = (Math.round((t - WEEKDAY_BASE) / 86_400_000) + 3) % 7; // 2026-01-01 was a Thursday (index 3)
  return ((w + 7) % 7) + 1;
}

export interface Person {
  first: string;
  last: string;
}

/** One sentence of a draft with the substrings nothing backs and the grounding it needs. */
export interface Piece {
  text: string;
  bad: string[];
  product?: string[];
  thread?: string[];
  derived?: boolean;
  nonNumeric?: boolean;
}

/** The facts of one scenario, in numbers; the packs write them out. */
export interface Scenario {
  lang: Lang;
  situation: 'pricing' | 'renewal' | 'support' | 'scheduling' | 'partnership';
  recipient: Person;
  title: string;
  company: string;
  sender: Person;
  vendor: string;
  product: string;
  price: number;
  seats: number;
  discount: number;
  uptime: number;
  customers: number;
  partner: string;
  fakePartner: string;
  services: [number, number];
  otherService: number;
  visitDay: Day;
  deadline: Day;
  meetDay: Day;
  meetHour: number;
  meetMinute: number;
  units: number;
  unitPrice: number;
  moneyBackDays: number;
}

export interface Row {
  id: string;
  lang: Lang;
  situation: Scenario['situation'];
  derived: boolean;
  nonNumeric: boolean;
  draft: string;
  grounding: string[];
  unsupported: string[];
}

/** Picks a figure that is plainly different from `value` (not within 10 %), for a wrong claim. */
export function wrongFigure(p: Pick, value: number, whole = true): number {
  const factor = p.one([0.8, 0.85, 1.2, 1.25, 1.3, 0.75, 1.15]);
  const v = value * factor;
  return whole ? Math.round(v) : Math.round(v * 100) / 100;
}

/** A different day in the same month, at least three days away. */
export function otherDay(p: Pick, day: Day): Day {
  const shift = p.one([3, 4, 5, 7, -3, -4, -6]);
  let d = day.d + shift;
  if (d < 1) d += 10;
  if (d > 28) d -= 10;
  return { ...day, d };
}

/** FNV-1a over UTF-16 code units; the held-out rule is fnv1a32(id) % 3 === 0. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
