/**
 * Messages between the server thread and the PGlite thread. Both ends are this server's own code in one process, so
 * the shapes are checked with small guards rather than zod; a message that fails them is a bug and fails loud.
 */
export interface PGliteThreadOptions {
  /** Data directory, or `memory://`. */
  dataDir?: string;
  /** A `dumpDataDir()` tarball to restore instead of running initdb. */
  loadDataDir?: Uint8Array<ArrayBuffer>;
  /** Work inside this schema (created if missing) instead of `public`. */
  schema?: string;
  /** URL of a module exporting `PROCEDURES` (name → function of a Database and arguments) that callers may run here. */
  procedures?: string;
}

export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params?: unknown[] }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'procedure'; name: string; args: unknown[] }
  | { id: number; op: 'close' };

/** The database error's fields (code, detail, constraint, …) survive the copy between threads; its class does not. */
export interface ThreadError {
  message: string;
  name: string;
  fields: Record<string, unknown>;
}

export type ThreadResponse =
  | { id: number; ok: true; rows: unknown[]; affectedRows?: number; result?: unknown }
  | { id: number; ok: false; error: ThreadError };

/** The thread's first message: open, or why not. */
export type ThreadStarted = { started: true } | { started: false; error: ThreadError };

export function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    // Only plain values: PGlite's errors also carry the query and its parameters, which may hold personal data.
    if (key === 'query' || key === 'params') continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { message: error.message, name: error.name, fields };
}

export function fromThreadError(error: ThreadError): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  Object.assign(rebuilt, error.fields);
  return rebuilt;
}

export function isThreadResponse(value: unknown): value is ThreadResponse {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (typeof message.id !== 'number') return false;
  return message.ok === true ? Array.isArray(message.rows) : message.ok === false && typeof message.error === 'object';
}

export function isThreadRequest(value: unknown): value is ThreadRequest {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (typeof message.id !== 'number') return false;
  if (message.op === 'close') return true;
  if (message.op === 'procedure') return typeof message.name === 'string' && Array.isArray(message.args);
  if (typeof message.sql !== 'string') return false;
  return (
    message.op === 'exec' || (message.op === 'query' && (message.params === undefined || Array.isArray(message.params)))
  );
}
