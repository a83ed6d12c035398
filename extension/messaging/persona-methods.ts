import { z } from 'zod';
import type { MethodMap } from '../../shared/common/protocol/define';
import { ExpectationSchema } from '../../shared/common/llm/expectation';
import { CrmContactSchema, MessageSignalSchema } from '../../shared/common/persona/crm';
import { PERSONA_FIELD_NAMES } from '../../shared/common/llm/structured/persona-schema';
import type { PersonaRecord } from '../storage/schema';

/**
 * Request/response methods of the persona area, merged into the catalogue in `methods.ts`. One file per area keeps
 * each feature's protocol in one place. `host.*` runs in the AI host (where the correspondence is read and the model
 * runs); `persona.*` and `enrich.*` in the service worker.
 */

const numericId = z.string().regex(/^\d{1,20}$/);
export const PersonaFieldNameSchema = z.enum(PERSONA_FIELD_NAMES as [string, ...string[]]);

export const LocalFieldSchema = z.object({
  value: z.string().trim().min(1).max(1_000),
  confidence: z.number().min(0).max(1),
  source: z.string().min(1).max(200),
  approved: z.boolean(),
});

/** A persona as the panel and the side panel see it (the `personas` store's record of a HubSpot contact). */
export const PersonaViewSchema = z.object({
  key: z.string().min(1).max(100),
  portalId: numericId,
  contactId: numericId,
  email: z.string().max(254).nullable(),
  name: z.string().max(200).optional(),
  fields: z.partialRecord(PersonaFieldNameSchema, LocalFieldSchema),
  origin: z.enum(['llm', 'rules']),
  status: z.enum(['draft', 'approved']),
  promptVersion: z.string().max(64).optional(),
  updatedAt: z.number(),
  approvedAt: z.number().optional(),
});
export type PersonaView = z.infer<typeof PersonaViewSchema>;

/**
 * A stored record as the view the UI edits. It sits with the view's schema so the AI host and the service worker,
 * which both hand out views, map a record the same way.
 */
export function viewOf(record: PersonaRecord): PersonaView | null {
  const [, portalId, contactId] = record.contactId.split(':');
  if (!portalId || !contactId) return null;
  return {
    key: record.contactId,
    portalId,
    contactId,
    email: record.email ?? null,
    ...((record as PersonaRecord & { name?: string }).name ? { name: (record as { name?: string }).name } : {}),
    fields: record.fields as PersonaView['fields'],
    origin: record.origin ?? 'llm',
    status: record.status ?? 'draft',
    ...(record.promptVersion ? { promptVersion: record.promptVersion } : {}),
    updatedAt: record.updatedAt,
    ...(record.approvedAt ? { approvedAt: record.approvedAt } : {}),
  };
}

/** Why a build produced nothing. Nothing is stored or queued in any of these cases. */
export const BuildErrorKindSchema = z.enum([
  'protected_attribute',
  'schema',
  'truncated',
  'no_json',
  'no_generator',
  'engine',
  'cancelled',
]);
export type BuildErrorKind = z.infer<typeof BuildErrorKindSchema>;

export const BuildPersonaResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), persona: PersonaViewSchema, attempts: z.number().int(), ms: z.number() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      kind: BuildErrorKindSchema,
      message: z.string().max(2_000),
      issues: z.array(z.string().max(500)).max(10),
    }),
  }),
]);
export type BuildPersonaResult = z.infer<typeof BuildPersonaResultSchema>;

export const EnrichContactSchema = z.object({
  contactId: numericId,
  email: z.string().max(254).nullable().optional(),
  name: z.string().max(200).optional(),
  /** What the list or search already showed (jobtitle, company, …): the fallback when the backend is away. */
  properties: z.record(z.string().max(100), z.string().max(2_000)).optional(),
});
export type EnrichContact = z.infer<typeof EnrichContactSchema>;

export const EnrichStatusSchema = z.object({
  paused: z.boolean(),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  left: z.number().int(),
  running: z.boolean(),
  /** From the mean time of the latest jobs; null until one is done. */
  etaSeconds: z.number().nullable(),
  failures: z.array(
    z.object({ jobId: z.string(), contactId: z.string(), name: z.string().optional(), error: z.string() }),
  ),
});
export type EnrichStatus = z.infer<typeof EnrichStatusSchema>;

export const personaMethods = {
  /**
   * Builds (or refreshes) one contact's persona in the AI host: the model grounded on the CRM record and the local
   * reply history, or the rules fallback when no generator exists (`fallback: 'rules'`). On success the draft is
   * stored (approvals of unchanged fields kept); with `jobId` it also completes that enrichment job, once.
   */
  'host.buildPersona': {
    params: z
      .object({
        requestId: z.string().min(1).max(64),
        contact: CrmContactSchema,
        expect: ExpectationSchema,
        fallback: z.enum(['rules', 'none']),
        jobId: z.string().min(1).max(128).optional(),
      })
      .strict(),
    result: BuildPersonaResultSchema,
  },
  'host.cancelPersona': {
    params: z.object({ requestId: z.string().min(1).max(64) }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
  /** The local persona of an address (Gmail contact card): the newest one built for it on any portal. */
  'persona.byEmail': {
    params: z.object({ email: z.email().max(254) }).strict(),
    result: PersonaViewSchema.nullable(),
  },
  'persona.get': {
    params: z.object({ portalId: numericId, contactId: numericId }).strict(),
    result: PersonaViewSchema.nullable(),
  },
  /** Saves a person's edits and approvals. Only fields marked approved are ever turned into a sync item. */
  'persona.save': {
    params: z.object({ persona: PersonaViewSchema }).strict(),
    result: z.object({ ok: z.literal(true), updatedAt: z.number() }),
  },
  /** This contact's replies as analysed on this device (intent, sentiment) and their campaign events. */
  'persona.history': {
    params: z.object({ email: z.string().min(3).max(254) }).strict(),
    result: z.object({
      messages: z.array(MessageSignalSchema),
      events: z.array(
        z.object({
          id: z.string(),
          type: z.string(),
          at: z.number(),
          campaignId: z.string().optional(),
          variantId: z.string().optional(),
        }),
      ),
    }),
  },
  'enrich.queue': {
    params: z.object({ portalId: numericId, contacts: z.array(EnrichContactSchema).min(1).max(1_000) }).strict(),
    result: z.object({ batchId: z.string(), queued: z.number().int(), skipped: z.number().int() }),
  },
  'enrich.status': { params: z.object({}).strict(), result: EnrichStatusSchema },
  'enrich.setPaused': { params: z.object({ paused: z.boolean() }).strict(), result: EnrichStatusSchema },
  'enrich.retryFailed': { params: z.object({}).strict(), result: z.object({ requeued: z.number().int() }) },
  /** Drafts made by bulk enrichment that wait for a person's review. */
  'enrich.review': {
    params: z.object({ limit: z.number().int().min(1).max(1_000).optional() }).strict(),
    result: z.object({ personas: z.array(PersonaViewSchema), total: z.number().int() }),
  },
} satisfies MethodMap;
