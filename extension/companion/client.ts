import { z } from 'zod';
import { VariantPriorSchema, type VariantPrior } from '../../shared/common/campaigns/synced';
import { OUTBOX_KINDS, type OutboxKind } from './outbox-kinds';
import type { Ledger } from './ledger';
import {
  ContactSearchPageSchema,
  ContactSummarySchema,
  LiveContactSchema,
  TeamCatalogueBatchResultSchema,
  TeamCataloguePageSchema,
  type TeamCatalogueWrite,
} from '../messaging/companion-api-schemas';

/** Why a request to the companion backend failed; the outbox decides from the code whether to retry. */
export type CompanionErrorCode =
  'not_connected' | 'offline' | 'unauthorized' | 'rate_limited' | 'server_error' | 'bad_request' | 'invalid_response';

export class CompanionError extends Error {
  override readonly name = 'CompanionError';
  constructor(
    readonly code: CompanionErrorCode,
    message: string,
    readonly extra: { status?: number; retryAfterMs?: number; serverCode?: string } = {},
  ) {
    super(message);
  }
  /** Worth trying again later (the request may not have arrived, or the server asked us to wait). */
  get retryable(): boolean {
    return this.code === 'offline' || this.code === 'rate_limited' || this.code === 'server_error';
  }
}

export const DeviceAuthorizationSchema = z.object({
  deviceCode: z.string().min(1),
  userCode: z.string().min(1),
  verificationUri: z.string().url(),
  expiresIn: z.number().positive(),
  interval: z.number().nonnegative(),
});
export type DeviceAuthorization = z.infer<typeof DeviceAuthorizationSchema>;

export const IdentitySchema = z.object({ portalId: z.number().int(), userId: z.coerce.string() });
const TokenSchema = IdentitySchema.extend({ token: z.string().min(1) });

/** The device-token poll: a token, or why not yet. */
export type DeviceTokenResult =
  | { state: 'granted'; token: string; portalId: number; userId: string }
  | { state: 'authorization_pending' | 'slow_down' | 'expired_token' | 'access_denied' };
const DEVICE_STATES = ['authorization_pending', 'slow_down', 'expired_token', 'access_denied'] as const;

/** The backend answers `{priors}`; `{items}` is accepted too so the two sides can evolve one at a time. */
export const VariantPriorsSchema = z
  .union([
    z.looseObject({ priors: z.array(VariantPriorSchema) }),
    z.looseObject({ items: z.array(VariantPriorSchema) }),
  ])
  .transform((v): { priors: VariantPrior[] } => ({ priors: ('priors' in v ? v.priors : v.items) as VariantPrior[] }));

export interface ClientDeps {
  ledger: Pick<Ledger, 'ledgerFetch'>;
  /** The backend base URL and the token for it (null: not signed in). Read on every call, so changes apply at once. */
  target: () => Promise<{ baseUrl: string; token: string | null }>;
  timeoutMs?: number;
}

const ErrorBodySchema = z.looseObject({
  error: z.union([z.string(), z.looseObject({ code: z.string().optional(), message: z.string().optional() })]),
  message: z.string().optional(),
});

function retryAfterMs(res: Response): number | undefined {
  const raw = res.headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The server's own words about a failure: `{error:{code,message}}`, `{error:"code"}` or plain text. */
function describe(body: unknown): { code?: string; message?: string } {
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) return typeof body === 'string' && body ? { message: body.slice(0, 300) } : {};
  const e = parsed.data.error;
  return typeof e === 'string'
    ? { code: e, message: parsed.data.message ?? e }
    : { code: e.code, message: e.message ?? parsed.data.message };
}

/**
 * Typed client of the companion backend. Every request goes through the ledger; the token is sent only to the
 * backend that issued it; answers are validated with zod.
 */
export function createCompanionClient(deps: ClientDeps) {
  const timeoutMs = deps.timeoutMs ?? 15_000;

  async function call(
    purpose: string,
    method: string,
    path: string,
    options: { body?: unknown; auth?: boolean } = {},
  ): Promise<{ status: number; body: unknown; res: Response }> {
    const { baseUrl, token } = await deps.target();
    const auth = options.auth ?? true;
    if (auth && !token) throw new CompanionError('not_connected', 'Not connected to the companion backend');
    const headers: Record<string, string> = {};
    if (auth && token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    try {
      res = await deps.ledger.ledgerFetch(purpose, `${baseUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: controller.signal,
      });
    } catch (err) {
      const why = controller.signal.aborted
        ? `no answer within ${timeoutMs} ms`
        : err instanceof Error
          ? err.message
          : String(err);
      throw new CompanionError('offline', `The companion backend at ${baseUrl} is not reachable (${why})`);
    } finally {
      clearTimeout(timer);
    }
    const body = await readJson(res).catch(() => null);
    return { status: res.status, body, res };
  }

  /** Turns a non-2xx answer into the matching typed error. */
  function fail({ status, body, res }: { status: number; body: unknown; res: Response }): never {
    const { code, message } = describe(body);
    const text = message ?? `HTTP ${status}`;
    if (status === 401) throw new CompanionError('unauthorized', text, { status, serverCode: code });
    if (status === 429)
      throw new CompanionError('rate_limited', text, { status, serverCode: code, retryAfterMs: retryAfterMs(res) });
    if (status >= 500) throw new CompanionError('server_error', text, { status, serverCode: code });
    throw new CompanionError('bad_request', text, { status, serverCode: code });
  }

  async function json<S extends z.ZodType>(
    schema: S,
    purpose: string,
    method: string,
    path: string,
    options: { body?: unknown; auth?: boolean } = {},
  ): Promise<z.output<S>> {
    const answer = await call(purpose, method, path, options);
    const { status, body } = answer;
    if (status < 200 || status >= 300) fail(answer);
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new CompanionError('invalid_response', `Unexpected answer from ${path}: ${parsed.error.message}`);
    return parsed.data;
  }

  return {
    deviceAuthorize: (clientName: string, codeChallenge: string) =>
      json(DeviceAuthorizationSchema, 'companion.signIn', 'POST', '/v1/device/authorize', {
        body: { clientName, codeChallenge, codeChallengeMethod: 'S256' },
        auth: false,
      }),
    /** One poll; `codeVerifier` proves this is the extension that asked for the code. */
    async deviceToken(deviceCode: string, codeVerifier: string): Promise<DeviceTokenResult> {
      const answer = await call('companion.signIn', 'POST', '/v1/device/token', {
        body: { deviceCode, codeVerifier },
        auth: false,
      });
      const { status, body } = answer;
      if (status >= 200 && status < 300) {
        const parsed = TokenSchema.safeParse(body);
        if (!parsed.success) throw new CompanionError('invalid_response', 'Unexpected answer from /v1/device/token');
        return { state: 'granted', ...parsed.data };
      }
      if (status === 400) {
        const { code } = describe(body);
        const state = DEVICE_STATES.find((s) => s === code);
        if (state) return { state };
      }
      fail(answer);
    },
    me: () => json(IdentitySchema, 'companion.status', 'GET', '/v1/me'),
    revoke: () => json(z.unknown(), 'companion.disconnect', 'DELETE', '/v1/tokens/current'),
    /** A new token for the same portal and user; the current one stops working a few minutes later. */
    renew: () =>
      json(
        z.object({ token: z.string().min(1), expiresAt: z.string() }),
        'companion.renew',
        'POST',
        '/v1/tokens/current:renew',
      ),
    /** Delivers one batch of outbox items; 202 (or any 2xx) means accepted. */
    async postBatch(kind: OutboxKind, items: unknown[]): Promise<void> {
      const spec = OUTBOX_KINDS[kind];
      await json(z.unknown(), `outbox.${kind}`, 'POST', spec.path, { body: { [spec.bodyKey]: items } });
    },
    contact: (contactId: string) =>
      json(LiveContactSchema, 'companion.contact', 'GET', `/v1/hubspot/contacts/${encodeURIComponent(contactId)}`),
    searchContacts: (params: { query?: string; limit?: number; after?: string }) =>
      json(ContactSearchPageSchema, 'companion.searchContacts', 'POST', '/v1/hubspot/contacts:search', {
        body: params,
      }),
    /** Null when the backend has nothing for this address (404). */
    summary: async (email: string) => {
      try {
        return await json(
          ContactSummarySchema,
          'companion.summary',
          'GET',
          `/v1/contacts/${encodeURIComponent(email.toLowerCase())}/summary`,
        );
      } catch (err) {
        if (err instanceof CompanionError && err.extra.status === 404) return null;
        throw err;
      }
    },
    variantPriors: (campaignId: string) =>
      json(
        VariantPriorsSchema,
        'companion.variantPriors',
        'GET',
        `/v1/team/variant-priors?campaignId=${encodeURIComponent(campaignId)}`,
      ),
    /** The team catalogue's changes stored since `since` (ISO; everything without it). Team data, not mail. */
    teamCatalogue: (since?: string) =>
      json(
        TeamCataloguePageSchema,
        'companion.catalogue.pull',
        'GET',
        `/v1/team/catalogue${since ? `?since=${encodeURIComponent(since)}` : ''}`,
      ),
    /** Shares edits and deletions of the team catalogue (up to 200); the newer `updatedAt` wins on the server. */
    putTeamCatalogue: (items: TeamCatalogueWrite[]) =>
      json(TeamCatalogueBatchResultSchema, 'companion.catalogue.push', 'POST', '/v1/team/catalogue:batchPut', {
        body: { items },
      }),
  };
}
export type CompanionClient = ReturnType<typeof createCompanionClient>;
