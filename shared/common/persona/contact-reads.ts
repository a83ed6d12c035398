import { z } from 'zod';

/**
 * What the companion backend answers when the extension reads HubSpot contacts through it (crm-app/server/routes/
 * contact-routes.ts and extension-routes.ts). The backend types its answers with these schemas and the extension
 * checks them when they arrive and again where the service worker hands them to a page, so the two cannot drift
 * apart. Loose objects: a field the backend adds later does not break an older extension.
 */

/** A note or a logged email on the contact, as plain text. */
export const EngagementSchema = z.looseObject({
  id: z.string(),
  type: z.enum(['note', 'email']),
  at: z.string(),
  title: z.string().optional(),
  text: z.string().optional(),
});
export type Engagement = z.infer<typeof EngagementSchema>;

/** `GET /v1/hubspot/contacts/:contactId`: the live HubSpot record, its recent engagements and the stored persona. */
export const LiveContactSchema = z.looseObject({
  contactId: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  engagements: z.array(EngagementSchema).default([]),
  persona: z.unknown().nullable().default(null),
});
export type LiveContact = z.infer<typeof LiveContactSchema>;

/** `POST /v1/hubspot/contacts:search`: one page of contacts; `next` is the cursor for `after`. */
export const ContactSearchPageSchema = z.looseObject({
  contacts: z.array(
    z.looseObject({
      id: z.string(),
      email: z.string().nullable(),
      firstname: z.string().nullable(),
      lastname: z.string().nullable(),
      company: z.string().nullable(),
      jobtitle: z.string().nullable(),
    }),
  ),
  next: z.string().nullable(),
});
export type ContactSearchPage = z.infer<typeof ContactSearchPageSchema>;

/** `GET /v1/contacts/:email/summary`: what the team synced for an address (the Gmail contact card). */
export const ContactSummarySchema = z.looseObject({
  email: z.string(),
  hubspotId: z.string().nullable(),
  persona: z
    .looseObject({
      label: z.string(),
      summary: z.string(),
      confidence: z.number(),
      updatedAt: z.string().optional(),
    })
    .nullable(),
  campaignEvents: z.number().int(),
  lastCampaignEventAt: z.string().nullable().optional(),
  pendingSync: z.number().int(),
});
export type ContactSummary = z.infer<typeof ContactSummarySchema>;
