/** Why scoring refused its arguments. */
export type ScoringInputErrorCode = 'invalid_input' | 'invalid_weights';

/** Thrown for input a caller must fix (wrong types, bad weights); long or odd text is handled, never thrown. */
export class ScoringInputError extends Error {
  readonly code: ScoringInputErrorCode;
  constructor(code: ScoringInputErrorCode, message: string) {
    super(message);
    this.name = 'ScoringInputError';
    this.code = code;
  }
}
