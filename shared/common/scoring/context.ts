import type { Language, Recipient } from './types';

/** Everything the criteria read, computed once per draft. */
export interface ScoringContext {
  language: Language;
  subject: string;
  body: string;
  /** Body in lower case with straight apostrophes, for phrase lists. */
  lowerBody: string;
  sentences: string[];
  /** Latin words and numbers of the body. */
  words: string[];
  /** Length in words (English) or Han characters plus Latin words (Chinese). */
  units: number;
  recipient: Recipient;
  keywords: string[];
}
