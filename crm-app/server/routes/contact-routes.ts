/**
 * Live HubSpot contact reads for the extension (the HubSpot-page panel and bulk enrichment): one contact with its
 * recent engagements and the persona Closer synced, and a contact search. Bearer-token authenticated like the rest
 * of the extension API; HubSpot is called through the portal's shared rate limiter.
 */
import { z } from 'zod';
import type { ContactSearchPage, LiveContact } from '../../../shared/common/persona/contact-reads';
import { jsonBody } from '../extension/schemas';
import { authenticate, type TokenOwner } from '../extension/tokens';
import { ContactReader } from '../hubspot/contact-reader';
import { parseRequest } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { personaByHubSpotId } from '../sync/persona-store';
import type { AppServices } from '../services';

const ContactParams = z.object({
  contactId: z.string().regex(/^\d{1,20}$/, 'must be a HubSpot record id (digits only)'),
});
const SearchRequest = z.strictObject({
  query: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  after: z
    .string()
    .regex(/^[A-Za-z0-9_=-]{1,200}$/, 'must be the `next` value of a previous page')
    .optional(),
});

export function contactRoutes(services: AppServices): Route[] {
  const { db } = services;
  const reader = new ContactReader(services.hubspot);
  const authed =
    (handler: (ctx: RequestContext, owner: TokenOwner) => Promise<{ status: number; body: unknown }>) =>
    async (ctx: RequestContext) => {
      const header = ctx.headers.authorization;
      const owner = await authenticate(db, Array.isArray(header) ? header[0] : header);
      services.tokenRateLimit.check(owner.tokenId);
      return handler(ctx, owner);
    };
  return [
    {
      method: 'GET',
      path: '/v1/hubspot/contacts/:contactId',
      handler: authed(async (ctx, owner) => {
        const { contactId } = parseRequest(ContactParams, ctx.params, 'path');
        const [live, stored] = await Promise.all([
          reader.contact(owner.portalId, contactId),
          personaByHubSpotId(db, owner.portalId, contactId),
        ]);
        const body: LiveContact = { ...live, persona: stored?.persona ?? null };
        return { status: 200, body };
      }),
    },
    {
      method: 'POST',
      path: '/v1/hubspot/contacts:search',
      handler: authed(async (ctx, owner) => {
        const { query, limit, after } = parseRequest(SearchRequest, jsonBody(ctx.body) ?? {}, 'contact search');
        const body: ContactSearchPage = await reader.search(owner.portalId, query, limit, after);
        return { status: 200, body };
      }),
    },
  ];
}
