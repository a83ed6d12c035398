import { z } from 'zod';

/**
 * Shapes of the companion backend's extension-facing reads (crm-app/server/routes/contact-routes.ts), checked when
 * the answer arrives and again where the service worker hands them to a page. Loose objects: a field the backend adds
 * later does not break an older extension.
 */
export const EngagementSchema = z.looseObject({
  id: z.string(),
  type: z.enum(['note', 'email']),
  at: z.string(),
  title: z.string().optional(),
  text: z.string().optional(),
});

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
  pendingSync: z.number().int(),
});

/** `/v1/team/catalogue`: the shared team catalogue's contract (crm-app/server/routes/catalogue-routes.ts). */
export {
  TeamCatalogueBatchResultSchema,
  TeamCataloguePageSchema,
  type TeamCatalogueChange,
  type TeamCataloguePage,
  type TeamCatalogueWrite,
} from '../../shared/common/recommend/team-catalogue';
