/** Display formats of the card, independent of the viewer's time zone so every user reads the same day. */

export function formatPercent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** `2026-11-20` in UTC; `Unknown` for a value that is not a date. */
export function formatDay(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 'Unknown' : new Date(time).toISOString().slice(0, 10);
}
