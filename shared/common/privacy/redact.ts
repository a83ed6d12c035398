import { findAddresses } from './address';
import { findCards } from './card';
import { compactText } from './compact';
import { findEmails } from './email';
import { PiiInputError } from './errors';
import { findIbans } from './iban';
import { findPhones } from './phone';
import { Taken, type ViewSpan } from './spans';
import type { PiiFinding, PiiKind, RedactionResult, RedactOptions } from './types';

/** Longest input redacted in one call (characters). Larger input is refused rather than half redacted. */
export const MAX_REDACT_CHARS = 2_000_000;

/** Placeholder written in place of each kind. */
export const PII_PLACEHOLDERS: Readonly<Record<PiiKind, string>> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  card: '[CARD]',
  iban: '[IBAN]',
  address: '[ADDRESS]',
};

const ALL_KINDS: readonly PiiKind[] = ['email', 'phone', 'card', 'iban', 'address'];

// Most specific first: an IBAN or card would otherwise be read as a phone number, an e-mail's digits likewise.
const DETECTORS: ReadonlyArray<[PiiKind, (view: string, taken: Taken, out: ViewSpan[]) => void]> = [
  ['email', findEmails],
  ['iban', findIbans],
  ['card', findCards],
  ['phone', findPhones],
  ['address', findAddresses],
];

/**
 * Finds e-mail addresses (including "name at domain dot com" forms), phone numbers (international, US, Chinese,
 * full-width digits), payment cards (Luhn-checked), IBANs (mod-97-checked) and street addresses (English and
 * Chinese), and replaces each with a placeholder such as [EMAIL]. Findings carry offsets into the input.
 * Throws {@link PiiInputError} for non-string input or input longer than {@link MAX_REDACT_CHARS}.
 */
export function redactPii(text: string, options: RedactOptions = {}): RedactionResult {
  if (typeof text !== 'string') throw new PiiInputError('invalid_input', 'redactPii expects a string');
  if (text.length > MAX_REDACT_CHARS)
    throw new PiiInputError('too_large', `text has ${text.length} characters; the limit is ${MAX_REDACT_CHARS}`);
  const kinds = new Set(options.kinds ?? ALL_KINDS);
  const view = compactText(text);
  const taken = new Taken(view.text.length);
  const spans: ViewSpan[] = [];
  for (const [kind, detect] of DETECTORS) if (kinds.has(kind)) detect(view.text, taken, spans);

  const findings: PiiFinding[] = spans
    .map((s) => ({ kind: s.kind, start: view.map[s.start] ?? 0, end: (view.map[s.end - 1] ?? 0) + 1 }))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const f of findings) {
    out += text.slice(cursor, f.start) + PII_PLACEHOLDERS[f.kind];
    cursor = f.end;
  }
  return { text: out + text.slice(cursor), findings };
}
