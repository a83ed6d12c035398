import { z } from 'zod';
import { PERSONA_FIELD_NAMES, PersonaSourceSchema } from '../llm/structured/persona-schema';

/**
 * What leaves the device for one contact's persona: only fields a person approved, each value already passed through
 * PII redaction, with its confidence and where it came from. The extension's outbox sends it and the companion
 * backend accepts exactly this shape (both import this file), so the two cannot drift apart.
 */

/** `rules`: the non-LLM fallback built the field from CRM fields and the on-device intent/sentiment history. */
export const SyncedSourceSchema = z.union([PersonaSourceSchema, z.literal('rules')]);
export type SyncedSource = z.infer<typeof SyncedSourceSchema>;

export const SyncedFieldSchema = z.strictObject({
  /** List fields (goals, pain points, …) are joined with "; " before they leave. */
  value: z.string().trim().min(1).max(1_000),
  confidence: z.number().min(0).max(1),
  source: SyncedSourceSchema,
});
export type SyncedField = z.infer<typeof SyncedFieldSchema>;

export const SyncedFieldNameSchema = z.enum(PERSONA_FIELD_NAMES as [string, ...string[]]);

export const SyncedPersonaSchema = z.strictObject({
  /** Short label shown in HubSpot, e.g. "Director · mid-market fintech". */
  label: z.string().trim().min(1).max(100),
  // At most 1,000 characters: the outbox refuses longer strings as possible message text.
  summary: z.string().max(1_000).optional(),
  /** Mean confidence of the approved fields. */
  confidence: z.number().min(0).max(1),
  /** `llm` when the on-device model drafted it, `rules` for the fallback. */
  origin: z.enum(['llm', 'rules']),
  fields: z.partialRecord(SyncedFieldNameSchema, SyncedFieldSchema),
  approvedAt: z.iso.datetime({ offset: true }),
  promptVersion: z.string().max(64).optional(),
});
export type SyncedPersona = z.infer<typeof SyncedPersonaSchema>;

/** One persona upsert as the extension sends it (`POST /v1/personas:batchUpsert`, items of up to 100). */
export const PersonaUpsertItemSchema = z.strictObject({
  idempotencyKey: z.string().min(1).max(200),
  email: z.email().max(254),
  /** The HubSpot record id when the persona was built on a contact record. */
  hubspotContactId: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional(),
  persona: SyncedPersonaSchema,
});
export type PersonaUpsertItem = z.infer<typeof PersonaUpsertItemSchema>;
