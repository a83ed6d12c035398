/**
 * The team catalogue (products and content for recommendations), shared by a portal's reps through their extension
 * tokens: pull changes since a time, push a batch of edits and deletions (last writer wins by `updatedAt`).
 */
import { z } from 'zod';
import { TeamCatalogueBatchSchema } from '../../../shared/common/recommend/team-catalogue';
import { putTeamCatalogue, teamCatalogueChanges } from '../catalogue/team-catalogue';
import { jsonBody } from '../extension/schemas';
import { authenticate, type TokenOwner } from '../extension/tokens';
import { parseRequest } from '../http/errors';
import type { JsonResponse, RequestContext, Route } from '../http/router';
import type { AppServices } from '../services';

export const MAX_CATALOGUE_PAGE = 1_000;

const PullQuery = z.strictObject({
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_CATALOGUE_PAGE).optional(),
});

export function catalogueRoutes(services: AppServices): Route[] {
  const { db } = services;
  const authed =
    (handler: (ctx: RequestContext, owner: TokenOwner) => Promise<JsonResponse>) => async (ctx: RequestContext) => {
      const owner = await authenticate(db, firstHeader(ctx.headers.authorization));
      services.tokenRateLimit.check(owner.tokenId);
      return handler(ctx, owner);
    };

  return [
    {
      method: 'GET',
      path: '/v1/team/catalogue',
      handler: authed(async (ctx, owner) => {
        const { since, limit } = parseRequest(PullQuery, Object.fromEntries(ctx.url.searchParams), 'query');
        return {
          status: 200,
          body: await teamCatalogueChanges(db, owner.portalId, since, limit ?? MAX_CATALOGUE_PAGE),
        };
      }),
    },
    {
      method: 'POST',
      path: '/v1/team/catalogue:batchPut',
      handler: authed(async (ctx, owner) => {
        const { items } = parseRequest(TeamCatalogueBatchSchema, jsonBody(ctx.body), 'catalogue batch');
        return { status: 200, body: await putTeamCatalogue(db, owner.portalId, owner.userId, items) };
      }),
    },
  ];
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
