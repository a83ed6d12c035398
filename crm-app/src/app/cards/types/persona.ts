import { z } from 'zod';

/** One persona as the backend describes a contact. Mirrors `crm-app/server/routes/persona.ts`. */
export const PersonaSchema = z.object({
  label: z.string().min(1),
  summary: z.string(),
  confidence: z.number().min(0).max(1),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Persona = z.infer<typeof PersonaSchema>;

/** `GET /v1/contacts/{contactId}/persona`: `persona` is null until the sync has produced one. */
export const PersonaResponseSchema = z.object({
  contactId: z.string().regex(/^\d+$/),
  persona: PersonaSchema.nullable(),
});
export type PersonaResponse = z.infer<typeof PersonaResponseSchema>;
