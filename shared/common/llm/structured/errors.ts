/** Why structured output failed: nothing JSON-like, JSON cut off mid-way, or JSON of the wrong shape. */
export type StructuredErrorKind = 'no_json' | 'truncated' | 'schema';

/** The most characters of model output an error keeps, so errors stay small enough to log and send between contexts. */
export const MAX_ERROR_OUTPUT_CHARS = 2_000;

/**
 * A failure to get usable structured output from the model. `message` is plain English for the UI or logs; `issues`
 * lists schema problems (`path: message`) when `kind` is 'schema'.
 */
export class StructuredOutputError extends Error {
  readonly kind: StructuredErrorKind;
  readonly issues: readonly string[];
  /** How many times the model was asked (1 or 2). */
  readonly attempts: number;
  /** The last model output, clipped to MAX_ERROR_OUTPUT_CHARS. */
  readonly output: string;

  constructor(
    kind: StructuredErrorKind,
    message: string,
    details: { issues?: readonly string[]; attempts?: number; output?: string } = {},
  ) {
    super(message);
    this.name = 'StructuredOutputError';
    this.kind = kind;
    this.issues = details.issues ?? [];
    this.attempts = details.attempts ?? 1;
    this.output = (details.output ?? '').slice(0, MAX_ERROR_OUTPUT_CHARS);
  }
}
