import { z } from 'zod';
import { PERSONA_FIELD_NAMES, type PersonaFieldName } from '../../../shared/common/llm/structured/persona-schema';
import { parseRequest } from '../http/errors';
import type { Route } from '../http/router';
import type { StoredPersona } from '../sync/properties';

const Params = z.object({
  contactId: z.string().regex(/^\d{1,20}$/, 'must be a HubSpot record id (digits only)'),
});

/** The card shows the persona fields in the persona schema's order; the card labels each. */
export const CARD_FIELD_NAMES = PERSONA_FIELD_NAMES;

export const CardPersonaField = z.object({
  name: z.enum(PERSONA_FIELD_NAMES as [PersonaFieldName, ...PersonaFieldName[]]),
  value: z.string().min(1),
  confidence: z.number().min(0).max(1),
  source: z.enum(['thread', 'crm', 'inferred', 'rules']),
  updatedAt: z.iso.datetime({ offset: true }),
});

/**
 * Response contract of the signed card endpoint `GET /v1/card/persona`, shared with the card
 * (`src/app/cards/types/persona.ts`); a contract test keeps them in step.
 */
export const PersonaResponse = z.object({
  contactId: z.string().regex(/^\d+$/),
  persona: z
    .object({
      label: z.string().min(1),
      summary: z.string(),
      confidence: z.number().min(0).max(1),
      origin: z.enum(['llm', 'rules']),
      updatedAt: z.iso.datetime({ offset: true }),
      fields: z.array(CardPersonaField),
    })
    .nullable(),
  campaignEvents: z.number().int().min(0),
});
export type PersonaResponse = z.infer<typeof PersonaResponse>;

/** The stored (merged) persona as the card shows it: each approved field with its own last update. */
export function cardPersona(stored: StoredPersona | null): PersonaResponse['persona'] {
  if (!stored) return null;
  return {
    label: stored.label,
    summary: stored.summary ?? '',
    confidence: stored.confidence,
    origin: stored.origin,
    updatedAt: stored.approvedAt,
    fields: CARD_FIELD_NAMES.flatMap((name) => {
      const field = stored.fields[name];
      return field ? [{ name, ...field, source: field.source as z.infer<typeof CardPersonaField>['source'] }] : [];
    }),
  };
}

/**
 * `GET /v1/contacts/:contactId/persona`: the unsigned placeholder the bare server (no HubSpot app configured)
 * answers with; it knows no personas. The card reads the signed `/v1/card/persona` (routes/hubspot-routes.ts).
 */
export function personaRoute(): Route {
  return {
    method: 'GET',
    path: '/v1/contacts/:contactId/persona',
    handler: async ({ params }) => {
      const { contactId } = parseRequest(Params, params, 'path');
      const body: PersonaResponse = PersonaResponse.parse({ contactId, persona: null, campaignEvents: 0 });
      return { status: 200, body };
    },
  };
}
