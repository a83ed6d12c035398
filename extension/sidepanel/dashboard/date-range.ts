/** `yyyy-mm-dd` (an `<input type="date">` value) to the local midnight it names, in epoch ms; empty → undefined. */
export function dayStart(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/** The range the dashboard asks for: `from` inclusive, `to` exclusive (the day after the chosen last day). */
export function toRange(from: string, to: string): { from?: number; to?: number } {
  const f = dayStart(from);
  const t = dayStart(to);
  return {
    ...(f === undefined ? {} : { from: f }),
    ...(t === undefined ? {} : { to: new Date(t).setDate(new Date(t).getDate() + 1) }),
  };
}
