import { hubspot } from '@hubspot/ui-extensions';
import { z } from 'zod';
import { BACKEND_DEADLINE_GRACE_MS, BACKEND_ORIGIN, BACKEND_TIMEOUT_MS } from '../config/backend.ts';

/** Why a backend call failed; the UI picks its message from this, never from raw error text. */
export type BackendErrorKind = 'timeout' | 'network' | 'http' | 'invalid-response';

export class BackendError extends Error {
  override readonly name = 'BackendError';

  constructor(
    readonly kind: BackendErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface FetchFromBackendOptions {
  timeoutMs?: number;
}

/**
 * The card's only way to reach the backend: `GET` through `hubspot.fetch` with an explicit timeout, a deadline of our
 * own, a `!response.ok` check and a zod-validated body. Every failure becomes a `BackendError`.
 *
 * @param path absolute path on the backend origin, e.g. `/v1/contacts/1/persona`
 */
export async function fetchFromBackend<S extends z.ZodType>(
  path: string,
  schema: S,
  { timeoutMs = BACKEND_TIMEOUT_MS }: FetchFromBackendOptions = {},
): Promise<z.output<S>> {
  // A path like `//evil.invalid/x` would resolve to another origin.
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new BackendError('network', `Backend path must start with a single "/": ${path}`);
  }
  const url = `${BACKEND_ORIGIN}${path}`;

  let response: Response;
  try {
    response = await withDeadline(
      hubspot.fetch(url, { method: 'GET', timeout: timeoutMs }),
      timeoutMs + BACKEND_DEADLINE_GRACE_MS,
    );
  } catch (error) {
    if (error instanceof DeadlineExceeded) {
      throw new BackendError('timeout', `Backend did not answer within ${timeoutMs} ms (GET ${path})`);
    }
    throw new BackendError('network', `Backend request failed (GET ${path}): ${describe(error)}`);
  }

  if (!response.ok) {
    throw new BackendError('http', `Backend answered ${response.status} (GET ${path})`, response.status);
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new BackendError('invalid-response', `Backend answer is not JSON (GET ${path})`, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new BackendError(
      'invalid-response',
      `Backend answer has an unexpected shape (GET ${path}): ${z.prettifyError(parsed.error)}`,
      response.status,
    );
  }
  return parsed.data;
}

class DeadlineExceeded extends Error {}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
