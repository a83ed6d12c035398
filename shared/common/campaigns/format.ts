import type { LocalizedLabel } from './schema';

/** A label given as one string (used in both languages) or as `{ en, zh }`. */
export type LabelInput = string | LocalizedLabel;

/** Normalises a label input to `{ en, zh }`. */
export function localize(label: LabelInput): LocalizedLabel {
  return typeof label === 'string' ? { en: label, zh: label } : label;
}

/** Looks a label up in a caller's table without reaching inherited properties ("constructor", "__proto__"). */
export function labelFor(table: Readonly<Record<string, LabelInput>> | undefined, id: string): LocalizedLabel {
  return table !== undefined && Object.hasOwn(table, id) ? localize(table[id] ?? id) : localize(id);
}

/**
 * A rate as a percentage number without the sign: whole percents, one decimal below 1% so a 0.4% rate does not read
 * as "0". Rounded to nearest: the interval already carries the uncertainty, so no extra widening is implied.
 */
export function percent(rate: number): string {
  const p = rate * 100;
  if (p > 0 && p < 1) return p.toFixed(1);
  return String(Math.round(p));
}

/** "8–26%" in English, "8%–26%" in Chinese. */
export function percentRange(low: number, high: number): LocalizedLabel {
  return { en: `${percent(low)}–${percent(high)}%`, zh: `${percent(low)}%–${percent(high)}%` };
}

/** "1 send" / "41 sends". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
