/** Kinds of personal data the redactor finds. */
export type PiiKind = 'email' | 'phone' | 'card' | 'iban' | 'address';

/** One piece of personal data; `start`/`end` are UTF-16 offsets into the text as given (not the redacted text). */
export interface PiiFinding {
  kind: PiiKind;
  start: number;
  end: number;
}

/** What {@link redactPii} returns. */
export interface RedactionResult {
  /** The text with every finding replaced by its placeholder ([EMAIL], [PHONE], [CARD], [IBAN], [ADDRESS]). */
  text: string;
  /** Findings in text order, never overlapping. */
  findings: PiiFinding[];
}

/** Options for {@link redactPii}. */
export interface RedactOptions {
  /** Only look for these kinds (default: all). */
  kinds?: readonly PiiKind[];
}
