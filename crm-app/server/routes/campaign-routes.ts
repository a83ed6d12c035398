/**
 * Campaign results: the extension delivers them (bearer token) and reads the team's priors; the HubSpot card reads
 * one contact's results and the team view (both verified with HubSpot's v3 signature).
 */
import { z } from 'zod';
import { CampaignResultItemSchema } from '../../../shared/common/campaigns/synced';
import { acceptCampaignResults } from '../campaigns/accept-results';
import { contactResults, emailsOfContact, teamResults, variantPriors } from '../campaigns/result-queries';
import { jsonBody } from '../extension/schemas';
import { authenticate, type TokenOwner } from '../extension/tokens';
import { verifyV3 } from '../hubspot/signature';
import { parseRequest } from '../http/errors';
import type { JsonResponse, RequestContext, Route } from '../http/router';
import type { AppServices } from '../services';

/** `POST /v1/campaign-results`: 1 to 100 results, the shared contract of the extension's outbox. */
export const CampaignResultBatch = z.strictObject({ items: z.array(CampaignResultItemSchema).min(1).max(100) });

const Id = z.string().min(1).max(200);
const PortalQuery = z.object({ portalId: z.coerce.number().int().positive() });
const ContactQuery = PortalQuery.extend({ contactId: z.string().regex(/^\d{1,20}$/, 'must be a HubSpot record id') });

export function campaignRoutes(services: AppServices): Route[] {
  const { db, config } = services;
  const authed =
    (handler: (ctx: RequestContext, owner: TokenOwner) => Promise<JsonResponse>) => async (ctx: RequestContext) => {
      const owner = await authenticate(db, firstHeader(ctx.headers.authorization));
      services.tokenRateLimit.check(owner.tokenId);
      return handler(ctx, owner);
    };
  const signed = (handler: (ctx: RequestContext) => Promise<JsonResponse>) => async (ctx: RequestContext) => {
    verifyV3(
      config.clientSecret,
      ctx.method,
      `${config.publicUrl}${ctx.rawTarget ?? `${ctx.url.pathname}${ctx.url.search}`}`,
      ctx.body,
      ctx.headers,
    );
    return handler(ctx);
  };
  const query = (ctx: RequestContext) => Object.fromEntries(ctx.url.searchParams);

  return [
    {
      method: 'POST',
      path: '/v1/campaign-results',
      handler: authed(async (ctx, owner) => {
        const { items } = parseRequest(CampaignResultBatch, jsonBody(ctx.body), 'campaign results');
        return { status: 202, body: await acceptCampaignResults(db, owner.portalId, owner.userId, items) };
      }),
    },
    {
      method: 'GET',
      path: '/v1/team/variant-priors',
      handler: authed(async (ctx, owner) => {
        const { campaignId } = parseRequest(z.object({ campaignId: Id.optional() }), query(ctx), 'query');
        return { status: 200, body: { priors: await variantPriors(db, owner.portalId, campaignId) } };
      }),
    },
    {
      method: 'GET',
      path: '/v1/card/campaigns',
      handler: signed(async (ctx) => {
        const { portalId, contactId } = parseRequest(ContactQuery, query(ctx), 'query');
        const emails = await emailsOfContact(db, portalId, contactId);
        return { status: 200, body: { contactId, ...(await contactResults(db, portalId, emails)) } };
      }),
    },
    {
      method: 'GET',
      path: '/v1/card/team-results',
      handler: signed(async (ctx) => {
        const { portalId } = parseRequest(PortalQuery, query(ctx), 'query');
        return { status: 200, body: await teamResults(db, portalId) };
      }),
    },
  ];
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
