/** A short explanation in both UI languages. */
export interface LocalizedText {
  en: string;
  zh: string;
}

/** Languages the criteria know; others are scored with the English rules. */
export type Language = 'en' | 'zh';

/** Identifiers of every criterion; weights are keyed by these. */
export type CriterionId =
  | 'length'
  | 'reading_time'
  | 'readability'
  | 'questions'
  | 'call_to_action'
  | 'personalisation'
  | 'keyword_density'
  | 'spam_words'
  | 'spam_probability'
  | 'ai_phrases'
  | 'repeated_words'
  | 'passive_voice'
  | 'inclusive_language'
  | 'subject_length'
  | 'subject_style';

/** Who the draft is for; used by the personalisation criterion. */
export interface Recipient {
  name?: string;
  company?: string;
  personaFacts?: string[];
}

/** The draft to score. `language` is detected from the text when absent. */
export interface DraftInput {
  subject: string;
  body: string;
  recipient?: Recipient;
  keywords?: string[];
  language?: Language;
}

/** Acceptable range for a criterion value; a missing bound is open. */
export interface Target {
  min?: number;
  max?: number;
}

/** One explainable check: what was measured, what it should be, and why it passed or not. */
export interface Criterion {
  id: CriterionId;
  value: number;
  target: Target;
  status: 'pass' | 'warn';
  /** One line in each language. */
  reason: LocalizedText;
  /** 0–1 contribution before weighting: 1 within target, falling with the distance from it. */
  score: number;
  /** What was found (phrases, words, suggestions), for highlighting. */
  details?: string[];
}

/** Criterion weights as data, so campaign results can re-weight later without a code change. */
export interface ScoreWeights {
  version: string;
  weights: Partial<Record<CriterionId, number>>;
}

/** Options for {@link scoreDraft}. */
export interface ScoreOptions {
  /** Defaults to the exported default weights. */
  weights?: ScoreWeights;
  /** Spam-model probability (0–1) for subject + body; optional, supplied by the spam model when it is loaded. */
  spamProbability?: (text: string) => number;
  /** Body characters analysed; the rest is ignored and `truncated` is set. Default {@link MAX_BODY_CHARS}. */
  maxBodyChars?: number;
}

/** What {@link scoreDraft} returns. */
export interface ScoreResult {
  /** Weighted 0–100 total over the criteria that were computed. */
  total: number;
  language: Language;
  languageSource: 'given' | 'detected';
  criteria: Criterion[];
  /** Criteria that could not be computed (e.g. no spam model supplied), with the reason. */
  skipped: Array<{ id: CriterionId; reason: LocalizedText }>;
  weightsVersion: string;
  truncated: boolean;
  analysedChars: number;
  /** Notes about the input itself (truncation, HTML removed). */
  notes: LocalizedText[];
}
