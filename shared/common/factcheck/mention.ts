import type { MeaningGroup } from './meaning';
import type { ClaimKind } from './types';

export type Currency = 'USD' | 'EUR' | 'GBP' | 'CNY' | 'BRL' | 'PLN' | 'SEK' | 'NOK' | 'DKK' | 'KR' | 'CHF';

/** The normalised payload a claim is compared by. */
export type Quantity = {
  type: 'quantity';
  unit: 'count' | 'money' | 'percent' | 'duration' | 'times' | 'phone';
  /** Count, amount, percent, or minutes for durations. */
  value: number;
  /** Other readings of the same text (e.g. "九折" is 90 % of the price and 10 % off). */
  alts?: number[];
  /** 'KR' is a bare "kr": Swedish, Norwegian or Danish crowns. */
  currency?: Currency;
  approx?: 'about' | 'over' | 'under';
  /** Digits only, for phone numbers. */
  digits?: string;
};
/** Date/time keys a claim can be backed by (alternatives; '&' joins keys that must all hold). */
export type DateFact = { type: 'date'; keys: string[] };
/** A URL in comparable form. */
export type UrlFact = { type: 'url'; normalized: string; host: string; hasPath: boolean };
/** A proper or product name and how to look it up. */
export type NameFact = {
  type: 'name';
  script: 'latin' | 'han';
  /** The name as it should be looked up (no honorific, no possessive). */
  value: string;
  /** For "王总": the surname, looked up at a name position in the grounding. */
  surname?: string;
  /** For a Chinese organisation: the full forms to look for ("速通快递", "户速通快递", …). */
  variants?: string[];
};
/** A promise and what it is about. */
export type CommitmentFact = {
  type: 'commitment';
  family: 'free' | 'guarantee' | 'promise' | 'refund' | 'risk' | 'terms';
  script: 'latin' | 'han';
  /** What is promised, when we can tell ("trial" in "free trial"): must sit next to the same promise in grounding. */
  object?: string[];
  /** The object was capitalised: it may be the product's own name rather than a part of it. */
  objectMayBeName?: boolean;
  /** Text around the promise; its content words (or Han bigrams) are compared only when there is no clear object. */
  window: string;
  /** The sentence holding the promise, for comparing by meaning when the wording differs. */
  sentence?: string;
};
/** An offer, guarantee, visit or commitment in any language, compared by meaning (see meaning.ts). */
export type MeaningFact = { type: 'meaning'; group: MeaningGroup; sentence: string; cue: string };
/** Any normalised claim payload. */
export type Fact = Quantity | DateFact | UrlFact | NameFact | CommitmentFact | MeaningFact;

/** A span of the prepared text plus what it says; `skip` marks spans that are not assertions but must stay taken. */
export interface Mention {
  start: number;
  end: number;
  kind: ClaimKind;
  fact: Fact;
  skip?: boolean;
}

/** Whether we scan a draft (assertions only) or grounding (collect everything). */
export type ScanMode = 'draft' | 'grounding';
