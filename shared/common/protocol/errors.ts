import { z } from 'zod';

/** Every failure that crosses a context boundary carries one of these codes, so callers can branch on it. */
export const ErrorCodeSchema = z.enum([
  'bad_request', // the envelope itself is malformed
  'unknown_method', // well-formed, but no handler for it
  'invalid_params', // the method exists, its params do not match
  'invalid_response', // the other side answered something we cannot read
  'host_unavailable', // the AI host could not be reached or started
  'engine_error', // the engine failed while working
  'cancelled',
  'timeout',
  'too_large',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ProtocolErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string().max(2_000),
});
export type ProtocolErrorData = z.infer<typeof ProtocolErrorSchema>;

/** A typed error that survives being sent between contexts as plain data. */
export class ProtocolError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
  }

  toData(): ProtocolErrorData {
    return { code: this.code, message: this.message.slice(0, 2_000) };
  }

  static from(err: unknown): ProtocolError {
    if (err instanceof ProtocolError) return err;
    const message = err instanceof Error ? err.message : String(err);
    return new ProtocolError('internal', message);
  }
}

/** Short human-readable text for a zod failure: where and what, never the offending value itself. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
