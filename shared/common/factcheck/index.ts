/** Fact check before send: find claims in a draft and flag the ones the grounding does not back. */
export { extractClaims, factCheck, MAX_DRAFT_CHARS } from './check';
export { FactCheckInputError } from './errors';
export { MAX_GROUNDING_CHARS, MAX_GROUNDING_STRINGS } from './grounding';
export { evaluateFactCheck, parsePlantedJsonl, type EvalCase, type EvalResult } from './metrics';
export type {
  CheckedClaim,
  Claim,
  ClaimKind,
  FactCheckOptions,
  FactCheckResult,
  LocalizedText,
  UnsupportedClaim,
} from './types';
