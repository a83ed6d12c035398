import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Repository root: relative paths in the environment are resolved against it, not against the caller's cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** PGlite's own name for a data directory that lives only in memory (used by tests and throwaway runs). */
export const IN_MEMORY_DATA_DIR = 'memory://';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServerConfig {
  port: number;
  host: string;
  /** PGlite data directory (absolute) or `memory://`; ignored when `databaseUrl` is set. */
  dataDir: string;
  /** A real PostgreSQL server; when set, PGlite is not used. */
  databaseUrl?: string;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

// An exported-but-empty variable (`PORT=`) means "not set", as in most deployment tools.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const PostgresUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
    message: 'must be a postgres:// or postgresql:// URL',
  });

const EnvSchema = z.object({
  PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65_535).default(8787)),
  HOST: z.preprocess(unsetIfEmpty, z.string().min(1).default('127.0.0.1')),
  DATA_DIR: z.preprocess(unsetIfEmpty, z.string().min(1).default('.data/pglite')),
  DATABASE_URL: z.preprocess(unsetIfEmpty, PostgresUrl.optional()),
  LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(LOG_LEVELS).default('info')),
});

/**
 * Reads the server configuration from environment variables (PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL).
 *
 * @throws ConfigError naming every invalid variable. The message never contains a variable's value, because
 *   DATABASE_URL may carry a password.
 */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid server configuration: ${problems.join('; ')}`);
  }
  const { PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL } = parsed.data;
  return {
    port: PORT,
    host: HOST,
    dataDir: DATA_DIR === IN_MEMORY_DATA_DIR ? DATA_DIR : path.resolve(REPO_ROOT, DATA_DIR),
    ...(DATABASE_URL === undefined ? {} : { databaseUrl: DATABASE_URL }),
    logLevel: LOG_LEVEL,
  };
}
