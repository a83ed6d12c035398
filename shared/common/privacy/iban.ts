import { ibanValid } from './checksums';
import type { Taken, ViewSpan } from './spans';
import { groupPrefixes } from './trim';

/** IBANs, compact or in groups of four, accepted only when the ISO 13616 mod-97 checksum holds. */
const IBAN = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,8}(?:[ ]?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g;

/** Adds IBAN findings. */
export function findIbans(view: string, taken: Taken, out: ViewSpan[]): void {
  for (const m of view.matchAll(IBAN)) {
    const start = m.index ?? 0;
    const candidates = m[0].includes(' ')
      ? groupPrefixes(m[0], / /)
      : Array.from({ length: Math.max(0, m[0].length - 14) }, (_, i) => m[0].slice(0, m[0].length - i));
    for (const candidate of candidates) {
      if (!ibanValid(candidate.replace(/ /g, ''))) continue;
      taken.claim(out, 'iban', start, start + candidate.length);
      break;
    }
  }
}
