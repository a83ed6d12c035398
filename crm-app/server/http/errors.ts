import type { z } from 'zod';

/**
 * An error with an HTTP status and a stable machine-readable `code`. Its message is shown to the client as is, so it
 * must say what was wrong with the request and never echo secrets.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function notFound(method: string, pathname: string): HttpError {
  return new HttpError(404, 'not_found', `No route for ${method} ${pathname}`);
}

export function methodNotAllowed(method: string, pathname: string, allowed: string[]): HttpError {
  return new HttpError(405, 'method_not_allowed', `${pathname} accepts ${allowed.join(', ')}, not ${method}`, {
    allow: allowed.join(', '),
  });
}

/** Validates request input (path params, query) with zod; a mismatch is a 400 naming each bad field. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  throw new HttpError(400, 'invalid_request', `Invalid ${what}: ${problems.join('; ')}`);
}
