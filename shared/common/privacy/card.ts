import { luhnValid } from './checksums';
import type { Taken, ViewSpan } from './spans';
import { groupPrefixes } from './trim';

/**
 * Payment card numbers: 13–19 digits, optionally grouped by single spaces or dashes, with a known issuer prefix and a
 * valid Luhn checksum. The prefix and checksum keep order numbers and other long figures out.
 */
const CARD = /(?<![A-Za-z0-9]|\d[ -])\d(?:[ -]?\d){12,22}(?![A-Za-z0-9])/g;
const ISSUER = /^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|6(?:011|5|4[4-9]|2)|35)/;

/** Adds payment-card findings. */
export function findCards(view: string, taken: Taken, out: ViewSpan[]): void {
  for (const m of view.matchAll(CARD)) {
    const start = m.index ?? 0;
    for (const candidate of groupPrefixes(m[0], /[ -]/)) {
      const digits = candidate.replace(/[ -]/g, '');
      if (digits.length < 13 || digits.length > 19 || !ISSUER.test(digits) || !luhnValid(digits)) continue;
      taken.claim(out, 'card', start, start + candidate.length);
      break;
    }
  }
}
