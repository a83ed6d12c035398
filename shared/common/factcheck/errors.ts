/** Thrown for input a caller must fix (wrong types); oversize input is truncated instead, never thrown. */
export class FactCheckInputError extends Error {
  readonly code = 'invalid_input' as const;
  constructor(message: string) {
    super(message);
    this.name = 'FactCheckInputError';
  }
}
