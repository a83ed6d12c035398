import type { LogLevel } from './config';

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. a request id). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Receives one JSON line per event, without the newline. Defaults to stdout. */
  write?: (line: string) => void;
  fields?: LogFields;
}

const SEVERITY: Record<Exclude<LogLevel, 'silent'>, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Keys whose values never reach a log line, whatever their nesting. */
const SECRET_KEY = /authorization|cookie|token|secret|password|passwd|signature|api[-_]?key|credential/i;
/** `scheme://user:password@host`: keeps the user, hides the password. */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+):[^@/\s]+@/gi;
const REDACTED = '[redacted]';
const MAX_DEPTH = 6;

/**
 * Structured logger: one JSON object per line with `time`, `level` and `event`, plus the given fields. Secrets are
 * redacted by key name and credentials are stripped from URLs in any string, so logging a request's headers or a
 * database error is safe.
 */
export function createLogger({ level, write = writeStdout, fields = {} }: LoggerOptions): Logger {
  const threshold = level === 'silent' ? Infinity : SEVERITY[level];

  const emit = (lineLevel: keyof typeof SEVERITY, event: string, extra: LogFields = {}) => {
    if (SEVERITY[lineLevel] < threshold) return;
    const line = { time: new Date().toISOString(), level: lineLevel, event, ...fields, ...extra };
    write(JSON.stringify(sanitize(line, 0)));
  };

  return {
    debug: (event, extra) => emit('debug', event, extra),
    info: (event, extra) => emit('info', event, extra),
    warn: (event, extra) => emit('warn', event, extra),
    error: (event, extra) => emit('error', event, extra),
    child: (more) => createLogger({ level, write, fields: { ...fields, ...more } }),
  };
}

/** Turns an unknown thrown value into loggable fields (name, message, code; stack only for real errors). */
export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      error: {
        name: error.name,
        message: error.message,
        ...(typeof code === 'string' ? { code } : {}),
        stack: error.stack,
      },
    };
  }
  return { error: { message: String(error) } };
}

/** Hides the password of a connection URL, for the rare place that must name the database it talks to. */
export function redactUrl(url: string): string {
  return url.replace(URL_CREDENTIALS, `$1:${REDACTED}@`);
}

/**
 * An e-mail address anywhere in a logged string, plain or percent-encoded (a path like `/v1/contacts/:email/summary`
 * or an error message quoting HubSpot): logs carry ids, never a person's address.
 */
const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gi;
export const redactEmails = (text: string) => text.replace(EMAIL, '[email]');

function sanitize(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactEmails(redactUrl(value));
  if (value === null || typeof value !== 'object') {
    return typeof value === 'bigint' ? value.toString() : value;
  }
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return sanitize(errorFields(value).error, depth + 1);
  if (Array.isArray(value)) return value.map((item) => sanitize(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : sanitize(inner, depth + 1);
  }
  return out;
}

function writeStdout(line: string): void {
  process.stdout.write(`${line}\n`);
}
