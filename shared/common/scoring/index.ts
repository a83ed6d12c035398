/** Explainable content score for sales drafts (English and Chinese). */
export { default as DEFAULT_WEIGHTS } from './default-weights';
export { ScoringInputError, type ScoringInputErrorCode } from './errors';
export { detectLanguage } from './language';
export { MAX_BODY_CHARS, MAX_SUBJECT_CHARS, scoreDraft } from './score';
export type {
  Criterion,
  CriterionId,
  DraftInput,
  Language,
  LocalizedText,
  Recipient,
  ScoreOptions,
  ScoreResult,
  ScoreWeights,
  Target,
} from './types';
