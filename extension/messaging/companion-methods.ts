import { z } from 'zod';
import type { MethodMap } from '../../shared/common/protocol/define';
import { VariantPriorSchema } from '../../shared/common/campaigns/synced';
import { ContactSearchPageSchema, ContactSummarySchema, LiveContactSchema } from './companion-api-schemas';

const StatusSchema = z.object({
  backendUrl: z.string(),
  state: z.enum(['connected', 'pending', 'not_connected']),
  portalId: z.number().int().nullable(),
  userId: z.string().nullable(),
  pending: z
    .object({
      userCode: z.string(),
      verificationUri: z.string(),
      expiresAt: z.number(),
    })
    .nullable(),
  lastError: z.string().nullable(),
});

export const OutboxItemSchema = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  kind: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().optional(),
  createdAt: z.number(),
  nextAttemptAt: z.number().optional(),
  sentAt: z.number().optional(),
  /** A short label for the list (e.g. the persona label and the contact), never the whole payload. */
  summary: z.string(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const LedgerEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  context: z.string(),
  method: z.string(),
  url: z.string(),
  purpose: z.string(),
  fields: z.array(z.string()),
  bytesOut: z.number(),
  bytesIn: z.number().optional(),
  status: z.number().optional(),
  error: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

const Ok = z.object({ ok: z.boolean() });

/**
 * Request/response methods of the companion area, merged into the catalogue in `methods.ts`. One file per area keeps
 * each feature's protocol in one place. Errors from the backend arrive as `host_unavailable` (offline, signed out,
 * server failure; retry later) or `invalid_params` (the server refused the request), with a message that starts with
 * `companion.<code>:` (offline, not_connected, unauthorized, rate_limited, server_error, bad_request).
 */
export const companionMethods = {
  'companion.status': { params: z.object({}).strict(), result: StatusSchema },
  /** Starts the device sign-in: opens the backend's approval page in a new tab. */
  'companion.signIn': { params: z.object({}).strict(), result: StatusSchema },
  'companion.signInStatus': { params: z.object({}).strict(), result: StatusSchema },
  'companion.disconnect': { params: z.object({}).strict(), result: StatusSchema },
  /** A HubSpot contact through the backend (HubSpot panel). */
  'companion.contact': {
    params: z.object({ contactId: z.string().regex(/^\d{1,20}$/) }).strict(),
    result: LiveContactSchema,
  },
  'companion.searchContacts': {
    params: z
      .object({
        query: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(100).optional(),
        after: z.string().max(100).optional(),
      })
      .strict(),
    result: ContactSearchPageSchema,
  },
  /** What the team synced for an address (Gmail contact card); null when the backend has nothing for it. */
  'companion.summary': {
    params: z.object({ email: z.email().max(254) }).strict(),
    result: ContactSummarySchema.nullable(),
  },
  /** The team's results per variant (campaigns: the bandit's prior). */
  'companion.variantPriors': {
    params: z.object({ campaignId: z.string().min(1).max(200) }).strict(),
    result: z.object({ priors: z.array(VariantPriorSchema) }),
  },
  /** Queues one item for the backend (validated, message text refused, PII redacted) and tries to deliver at once. */
  'outbox.enqueue': {
    params: z
      .object({ kind: z.string().min(1).max(64), idempotencyKey: z.string().min(1).max(200), payload: z.unknown() })
      .strict(),
    result: z.object({ id: z.string(), duplicate: z.boolean() }),
  },
  'outbox.list': {
    params: z.object({ limit: z.number().int().min(1).max(1_000).optional() }).strict(),
    result: z.object({
      items: z.array(OutboxItemSchema),
      counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
      delivery: z.enum(['idle', 'delivering', 'offline', 'not_connected']),
    }),
  },
  'outbox.retry': { params: z.object({ id: z.string().min(1).max(300) }).strict(), result: Ok },
  'outbox.discard': { params: z.object({ id: z.string().min(1).max(300) }).strict(), result: Ok },
  /** Delivers everything pending now (ignoring backoff) and resolves when the round is over. */
  'outbox.flush': {
    params: z.object({}).strict(),
    result: z.object({
      counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
      delivery: z.enum(['idle', 'delivering', 'offline', 'not_connected']),
    }),
  },
  'ledger.list': {
    params: z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict(),
    result: z.object({
      entries: z.array(LedgerEntrySchema),
      count: z.number().int(),
      totalBytesOut: z.number(),
      totalBytesIn: z.number(),
    }),
  },
} satisfies MethodMap;
