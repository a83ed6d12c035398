import { z } from 'zod';

// The list is generated from shared/common (`npm run gen:card-fields`): the card's package cannot import outside its
// folder. `.js` resolves to the .ts file under both this package's Node16 settings and the repository's.
import { PERSONA_FIELD_NAMES } from './persona-fields.generated.js';

export { PERSONA_FIELD_NAMES };
export type PersonaFieldName = (typeof PERSONA_FIELD_NAMES)[number];

/** Where a field's evidence came from: the email thread, CRM fields, an inference, or the rules fallback. */
export const PersonaSourceSchema = z.enum(['thread', 'crm', 'inferred', 'rules']);
export type PersonaSource = z.infer<typeof PersonaSourceSchema>;

export const PersonaFieldSchema = z.object({
  name: z.enum(PERSONA_FIELD_NAMES),
  value: z.string().min(1),
  confidence: z.number().min(0).max(1),
  source: PersonaSourceSchema,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type PersonaField = z.infer<typeof PersonaFieldSchema>;

/** One persona as the backend describes a contact. Mirrors `crm-app/server/routes/persona.ts`. */
export const PersonaSchema = z.object({
  label: z.string().min(1),
  summary: z.string(),
  confidence: z.number().min(0).max(1),
  /** `llm`: drafted by the on-device model and approved; `rules`: the fallback from CRM fields and history. */
  origin: z.enum(['llm', 'rules']),
  updatedAt: z.iso.datetime({ offset: true }),
  fields: z.array(PersonaFieldSchema),
});
export type Persona = z.infer<typeof PersonaSchema>;

/** `GET /v1/card/persona?objectId=…` (signed by hubspot.fetch): `persona` is null until one was approved and synced. */
export const PersonaResponseSchema = z.object({
  contactId: z.string().regex(/^\d+$/),
  persona: PersonaSchema.nullable(),
  campaignEvents: z.number().int().min(0),
});
export type PersonaResponse = z.infer<typeof PersonaResponseSchema>;
