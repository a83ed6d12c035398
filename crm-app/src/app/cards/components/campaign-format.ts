/** Formats of the campaign views; UTC days so every user of the portal reads the same date. */

export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

/** `12% (8–19%)`: the rate with its interval, rounded to whole percent. */
export function rateWithInterval(rate: number | null, interval: { low: number; high: number }): string {
  return `${percent(rate)} (${Math.round(interval.low * 100)}–${Math.round(interval.high * 100)}%)`;
}

export function day(iso: string | null): string {
  if (iso === null) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '—' : new Date(time).toISOString().slice(0, 10);
}
