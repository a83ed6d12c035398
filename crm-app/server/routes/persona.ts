import { z } from 'zod';
import { parseRequest } from '../http/errors';
import type { Route } from '../http/router';

const Params = z.object({
  contactId: z.string().regex(/^\d{1,20}$/, 'must be a HubSpot record id (digits only)'),
});

/** Response contract shared with the card (`src/app/cards/types/persona.ts`); a contract test keeps them in step. */
export const PersonaResponse = z.object({
  contactId: z.string().regex(/^\d+$/),
  persona: z
    .object({
      label: z.string().min(1),
      summary: z.string(),
      confidence: z.number().min(0).max(1),
      updatedAt: z.iso.datetime({ offset: true }),
    })
    .nullable(),
});
export type PersonaResponse = z.infer<typeof PersonaResponse>;

/**
 * `GET /v1/contacts/:contactId/persona`, called by the persona card through `hubspot.fetch`. A placeholder until
 * persona sync lands: every contact has no persona yet. That work adds the v3 request-signature check here.
 */
export function personaRoute(): Route {
  return {
    method: 'GET',
    path: '/v1/contacts/:contactId/persona',
    handler: async ({ params }) => {
      const { contactId } = parseRequest(Params, params, 'path');
      const body: PersonaResponse = PersonaResponse.parse({ contactId, persona: null });
      return { status: 200, body };
    },
  };
}
