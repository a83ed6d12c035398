/**
 * The backend's `GET /v1/card/settings` answer (crm-app/server/hubspot/portal-settings.ts), validated before use:
 * the page is a separate bundle and cannot import server code, so the contract is restated here and checked.
 */
import { z } from 'zod';

const Item = z.object({ name: z.string(), label: z.string() });

export const SettingsResponseSchema = z.object({
  portalId: z.number(),
  connected: z.boolean(),
  installedAt: z.string().nullable(),
  properties: z.discriminatedUnion('checked', [
    z.object({ checked: z.literal(true), items: z.array(Item.extend({ exists: z.boolean() })) }),
    z.object({
      checked: z.literal(false),
      reason: z.enum(['not-connected', 'rate-limited', 'hubspot-unavailable', 'timeout']),
      items: z.array(Item.extend({ exists: z.null() })),
    }),
  ]),
  loggedEmails: z.enum(['in-use', 'not-granted']),
  campaignResults: z.object({
    notes: z.literal(true),
    customObject: z.enum(['in-use', 'unavailable', 'not-set-up']),
  }),
});

export type SettingsResponse = z.infer<typeof SettingsResponseSchema>;
export type PropertyCheckReason = Extract<SettingsResponse['properties'], { checked: false }>['reason'];
