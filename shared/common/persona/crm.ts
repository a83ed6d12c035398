import { z } from 'zod';

/**
 * What a persona is grounded on: the contact's CRM record (from the companion backend) and the on-device history
 * of their replies (intent and sentiment per message, never the text). Validated where it crosses into the AI host.
 */

const numericId = z.string().regex(/^\d{1,20}$/);

export const CrmEngagementSchema = z.object({
  id: z.string().min(1).max(64),
  type: z.string().max(40),
  /** Milliseconds since the epoch, or an ISO date. */
  at: z.union([z.number(), z.string().max(40)]),
  title: z.string().max(500).optional(),
  text: z.string().max(5_000).optional(),
});
export type CrmEngagement = z.infer<typeof CrmEngagementSchema>;

export const CrmContactSchema = z.object({
  portalId: numericId,
  contactId: numericId,
  email: z.string().max(254).nullable(),
  name: z.string().max(200).optional(),
  /** HubSpot property name → value (firstname, lastname, jobtitle, company, industry, lifecyclestage, …). */
  properties: z.record(z.string().max(100), z.string().max(2_000).nullable()),
  engagements: z.array(CrmEngagementSchema).max(50),
});
export type CrmContact = z.infer<typeof CrmContactSchema>;

export const MessageSignalSchema = z.object({
  id: z.string().min(1).max(256),
  at: z.number(),
  sentiment: z.object({ label: z.enum(['negative', 'neutral', 'positive']), score: z.number() }).optional(),
  intent: z.string().max(64).optional(),
});
export type MessageSignal = z.infer<typeof MessageSignalSchema>;

/** CRM properties the persona may use, in the order the prompt lists them (the rest of the record stays out). */
export const PERSONA_CRM_PROPERTIES = [
  'firstname',
  'lastname',
  'jobtitle',
  'company',
  'industry',
  'numemployees',
  'annualrevenue',
  'lifecyclestage',
  'hs_lead_status',
  'city',
  'country',
  'hs_timezone',
  'hs_language',
] as const;

/** The contact's display name from the record. */
export function crmName(contact: CrmContact): string {
  const p = contact.properties;
  const full = [p.firstname, p.lastname].filter(Boolean).join(' ').trim();
  return full || contact.name || contact.email || `Contact ${contact.contactId}`;
}

/** The persona store's key for a HubSpot contact: the same contact in two portals is two people to us. */
export const personaKey = (portalId: string | number, contactId: string) => `hs:${portalId}:${contactId}`;
