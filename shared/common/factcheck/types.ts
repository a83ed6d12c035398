/** A short explanation in both UI languages. */
export interface LocalizedText {
  en: string;
  zh: string;
}

/** What a claim is about; phone numbers, durations and multipliers are reported as 'number'. */
export type ClaimKind = 'number' | 'money' | 'percent' | 'date' | 'name' | 'url' | 'commitment';

/** A checkable statement found in the draft; `start`/`end` are UTF-16 offsets into the draft as given. */
export interface Claim {
  text: string;
  start: number;
  end: number;
  kind: ClaimKind;
}

/** A claim after checking it against the grounding. */
export interface CheckedClaim extends Claim {
  supported: boolean;
  reason: LocalizedText;
}

/** A claim the grounding does not back; what the UI highlights before send. */
export interface UnsupportedClaim extends Claim {
  reason: LocalizedText;
}

/** Limits for one call. */
export interface FactCheckOptions {
  /** Characters of draft analysed; the rest is ignored and `truncated` is set. Default {@link MAX_DRAFT_CHARS}. */
  maxDraftChars?: number;
}

/** What {@link factCheck} returns. */
export interface FactCheckResult {
  /** Claims the grounding does not support, in draft order, overlapping ones merged. */
  unsupported: UnsupportedClaim[];
  /** Every claim found, supported or not (useful for highlighting). */
  claims: CheckedClaim[];
  /** True when the draft or the grounding was longer than the caps and only a prefix was analysed. */
  truncated: boolean;
  /** Number of draft characters analysed. */
  analysedChars: number;
}
