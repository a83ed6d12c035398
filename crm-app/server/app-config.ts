/**
 * Configuration of Closer's HubSpot integration (OAuth, sync, extension API), read from the environment next to the
 * server basics of config.ts. Kept apart so the server can still start without HubSpot settings (health checks,
 * tests of the bare server).
 */
import { z } from 'zod';
import { ConfigError } from './config';
import { DEV_HUBSPOT_CLIENT } from './hubspot/dev-client';
import { productionProblems, serverMode, type ServerMode } from './server-mode';

/**
 * The scopes the app asks HubSpot for; app-hsmeta.json must list the same (the project test compares them). Contacts
 * and their properties are needed on every tier. Optional ones are granted where the account has them: logged emails
 * (`sales-email-read`, read as context for a persona) and custom objects (Enterprise).
 */
export const REQUIRED_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.contacts.write',
] as const;
export const OPTIONAL_SCOPES = [
  'sales-email-read',
  'crm.schemas.custom.read',
  'crm.schemas.custom.write',
  'crm.objects.custom.write',
] as const;

export interface AppConfig {
  hubspotApiUrl: string;
  hubspotAuthorizeUrl: string;
  clientId: string;
  clientSecret: string;
  /** AES-256-GCM key that seals tokens at rest. */
  tokenKey: Buffer;
  /** Keys rotated out: they still open tokens sealed before the rotation, which are sealed again on read. */
  previousTokenKeys: Buffer[];
  mode: ServerMode;
  /** Public base URL of this backend: OAuth redirect URI and the URI HubSpot signs. */
  publicUrl: string;
  scopes: string[];
  /** Granted only where the portal has them (custom objects: Enterprise); installs elsewhere go ahead without. */
  optionalScopes: string[];
  /** The only origin allowed by CORS, `chrome-extension://<id>`. */
  extensionOrigin?: string;
  devTokens: boolean;
  sync: {
    enabled: boolean;
    concurrency: number;
    leaseMs: number;
    maxAttempts: number;
    idleMs: number;
    lingerMs: number;
    /** See WorkerOptions.searchLagGuardMs. */
    searchLagGuardMs: number;
  };
  /** Requests per token per minute on the extension API. */
  tokenRatePerMinute: number;
  /** Device sign-in codes one IP address may ask for per minute. */
  deviceAuthorizePerMinute: number;
  maxBodyBytes: number;
}

const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema);

const TokenKey = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, { message: 'must be 32 bytes, base64-encoded' });

const Env = z.object({
  HUBSPOT_API_URL: opt(z.url().default('https://api.hubapi.com')),
  HUBSPOT_AUTHORIZE_URL: opt(z.url().default('https://app.hubspot.com/oauth/authorize')),
  HUBSPOT_CLIENT_ID: opt(z.string().min(1).optional()),
  HUBSPOT_CLIENT_SECRET: opt(z.string().min(1).optional()),
  CLOSER_TOKEN_KEY: opt(TokenKey.optional()),
  // Comma-separated, oldest last; a key can leave this list once no stored token names it.
  CLOSER_TOKEN_KEYS_PREVIOUS: opt(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((k) => k.trim())
          .filter((k) => k !== ''),
      )
      .pipe(z.array(TokenKey))
      .default([]),
  ),
  PUBLIC_URL: opt(z.url().optional()),
  CLOSER_EXTENSION_ORIGIN: opt(
    z
      .string()
      .regex(/^chrome-extension:\/\/[a-p]{32}$/)
      .optional(),
  ),
  CLOSER_DEV_TOKENS: opt(z.enum(['0', '1']).default('0')),
  NODE_ENV: opt(z.string().optional()),
  SYNC_WORKER: opt(z.enum(['0', '1']).default('1')),
  SYNC_CONCURRENCY: opt(z.coerce.number().int().min(1).max(64).default(8)),
  SYNC_LEASE_MS: opt(z.coerce.number().int().min(100).default(60_000)),
  SYNC_MAX_ATTEMPTS: opt(z.coerce.number().int().min(1).default(8)),
  SYNC_LINGER_MS: opt(z.coerce.number().int().min(0).max(10_000).default(250)),
  SYNC_SEARCH_LAG_GUARD_MS: opt(z.coerce.number().int().min(0).max(600_000).default(30_000)),
  EXTENSION_RATE_PER_MINUTE: opt(z.coerce.number().int().min(1).default(600)),
  DEVICE_AUTHORIZE_PER_MINUTE: opt(z.coerce.number().int().min(1).default(10)),
});

/**
 * @param fallbackUrl the server's own URL, used as PUBLIC_URL when that is unset (local runs).
 * @throws ConfigError naming invalid variables, never their values (they are secrets); in production (see
 *   server-mode.ts) also naming every secret that is missing or a development default.
 */
export function loadAppConfig(
  env: Record<string, string | undefined>,
  fallbackUrl = 'http://127.0.0.1:8787',
): AppConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid app configuration: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  const e = parsed.data;
  const { mode, reasons } = serverMode(env);
  if (mode === 'production') {
    const problems = productionProblems(env);
    if (problems.length > 0) {
      throw new ConfigError(
        `Refusing to start in production (${reasons.join(', ')}) with development secrets: ${problems.join('; ')}`,
      );
    }
  }
  // Reached only in development on loopback (production refused above without a key of its own).
  const devKey = Buffer.alloc(32, 7);
  return {
    hubspotApiUrl: e.HUBSPOT_API_URL.replace(/\/$/, ''),
    hubspotAuthorizeUrl: e.HUBSPOT_AUTHORIZE_URL,
    clientId: e.HUBSPOT_CLIENT_ID ?? DEV_HUBSPOT_CLIENT.id,
    clientSecret: e.HUBSPOT_CLIENT_SECRET ?? DEV_HUBSPOT_CLIENT.secret,
    tokenKey: e.CLOSER_TOKEN_KEY ? Buffer.from(e.CLOSER_TOKEN_KEY, 'base64') : devKey,
    previousTokenKeys: e.CLOSER_TOKEN_KEYS_PREVIOUS.map((k) => Buffer.from(k, 'base64')),
    mode,
    publicUrl: (e.PUBLIC_URL ?? fallbackUrl).replace(/\/$/, ''),
    scopes: [...REQUIRED_SCOPES],
    optionalScopes: [...OPTIONAL_SCOPES],
    ...(e.CLOSER_EXTENSION_ORIGIN ? { extensionOrigin: e.CLOSER_EXTENSION_ORIGIN } : {}),
    devTokens: mode === 'development' && e.CLOSER_DEV_TOKENS === '1',
    sync: {
      enabled: e.SYNC_WORKER === '1',
      concurrency: e.SYNC_CONCURRENCY,
      leaseMs: e.SYNC_LEASE_MS,
      maxAttempts: e.SYNC_MAX_ATTEMPTS,
      idleMs: 50,
      lingerMs: e.SYNC_LINGER_MS,
      searchLagGuardMs: e.SYNC_SEARCH_LAG_GUARD_MS,
    },
    tokenRatePerMinute: e.EXTENSION_RATE_PER_MINUTE,
    deviceAuthorizePerMinute: e.DEVICE_AUTHORIZE_PER_MINUTE,
    maxBodyBytes: 1024 * 1024,
  };
}
