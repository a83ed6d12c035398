/** Why redaction refused the input: not a string, or longer than {@link MAX_REDACT_CHARS}. */
export type PiiInputErrorCode = 'invalid_input' | 'too_large';

/**
 * Thrown instead of redacting partially: a half-redacted text would look safe while leaking the rest, so oversize
 * input is refused and the caller must split it.
 */
export class PiiInputError extends Error {
  readonly code: PiiInputErrorCode;
  constructor(code: PiiInputErrorCode, message: string) {
    super(message);
    this.name = 'PiiInputError';
    this.code = code;
  }
}
