/** PII redaction before text leaves the device or reaches a model. */
export { PiiInputError, type PiiInputErrorCode } from './errors';
export { foldWidth } from './fold-width';
export { MAX_REDACT_CHARS, PII_PLACEHOLDERS, redactPii } from './redact';
export type { PiiFinding, PiiKind, RedactionResult, RedactOptions } from './types';
