/**
 * Development or production, and what production demands of the secrets. A backend reachable by others (a public
 * https URL, a non-loopback interface, or NODE_ENV=production) must not run on secrets written in this repository:
 * anyone holding a database copy could decrypt every portal's HubSpot tokens with the development key, and anyone
 * could sign webhook and card requests with the development client secret.
 */

export type ServerMode = 'production' | 'development';

export interface ModeDecision {
  mode: ServerMode;
  /** Why the mode is production (empty in development): shown in the refusal so the operator knows what counted. */
  reasons: string[];
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True for addresses only this machine can reach; `0.0.0.0` and `::` listen on every interface, so they are not. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return LOOPBACK_HOSTS.has(h) || /^127(\.\d{1,3}){3}$/.test(h);
}

const unset = (value: string | undefined) => value === undefined || value === '';

export function serverMode(env: Record<string, string | undefined>): ModeDecision {
  const reasons: string[] = [];
  if (env.NODE_ENV === 'production') reasons.push('NODE_ENV=production');
  const publicUrl = env.PUBLIC_URL;
  if (!unset(publicUrl) && URL.canParse(publicUrl!) && new URL(publicUrl!).protocol === 'https:') {
    reasons.push('PUBLIC_URL is https');
  }
  const host = unset(env.HOST) ? '127.0.0.1' : env.HOST!;
  if (!isLoopbackHost(host)) reasons.push('HOST is not a loopback address');
  return { mode: reasons.length > 0 ? 'production' : 'development', reasons };
}

/**
 * Values committed in this repository (defaults, the local sandbox's client, the development token key). Any of
 * them in production means the secret is public.
 */
export const DEVELOPMENT_SECRET_VALUES: Readonly<Record<string, readonly string[]>> = {
  HUBSPOT_CLIENT_ID: ['closer-dev-client', 'sandbox-client-id'],
  HUBSPOT_CLIENT_SECRET: ['closer-dev-secret', 'sandbox-client-secret'],
  CLOSER_TOKEN_KEY: [Buffer.alloc(32, 7).toString('base64')],
};

/** The secrets production needs, each named by its variable. */
export const PRODUCTION_SECRETS = ['HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET', 'CLOSER_TOKEN_KEY'] as const;

/**
 * What stops this environment from running in production: one line per variable, naming it, never its value. An
 * empty list means it may start.
 */
export function productionProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const name of PRODUCTION_SECRETS) {
    const value = env[name];
    if (unset(value)) problems.push(`${name} is not set`);
    else if (DEVELOPMENT_SECRET_VALUES[name]?.includes(value!)) problems.push(`${name} is a development default`);
  }
  const previous = (env.CLOSER_TOKEN_KEYS_PREVIOUS ?? '').split(',').filter((k) => k.trim() !== '');
  if (previous.some((k) => DEVELOPMENT_SECRET_VALUES.CLOSER_TOKEN_KEY!.includes(k.trim()))) {
    problems.push('CLOSER_TOKEN_KEYS_PREVIOUS holds the development key');
  }
  if (unset(env.PUBLIC_URL)) problems.push('PUBLIC_URL is not set (HubSpot signs and redirects to it)');
  if (env.CLOSER_DEV_TOKENS === '1') problems.push('CLOSER_DEV_TOKENS=1 is for development on loopback only');
  return problems;
}
