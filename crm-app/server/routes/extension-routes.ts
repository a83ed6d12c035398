/**
 * The extension-facing API: bearer token per portal and user, zod-validated bodies, per-token rate limit.
 * Writes only enqueue (durably); the sync worker delivers them to HubSpot.
 */
import { z } from 'zod';
import type { ContactSummary } from '../../../shared/common/persona/contact-reads';
import { authenticate, issueExtensionToken, renewToken, revokeToken, type TokenOwner } from '../extension/tokens';
import { CampaignEvents, DevTokenRequest, jsonBody, PersonaBatch } from '../extension/schemas';
import { HttpError, parseRequest } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { enqueueCampaignEvents } from '../sync/enqueue';
import { runProcedure } from '../sync/procedures';
import { deliveryStates, listDeadLetters, retryDeadLetters } from '../sync/dead-letters';

const DeadLetterRetry = z.strictObject({
  ids: z
    .array(z.string().regex(/^\d{1,19}$/))
    .min(1)
    .max(200),
});
const DeliveryQuery = z.strictObject({ keys: z.array(z.string().min(1).max(200)).min(1).max(500) });
import type { AppServices } from '../services';

export function extensionRoutes(services: AppServices): Route[] {
  const { db } = services;
  const authed =
    (handler: (ctx: RequestContext, owner: TokenOwner) => Promise<{ status: number; body: unknown }>) =>
    async (ctx: RequestContext) => {
      const owner = await authenticate(db, firstHeader(ctx.headers.authorization));
      services.tokenRateLimit.check(owner.tokenId);
      return handler(ctx, owner);
    };

  const routes: Route[] = [
    {
      method: 'POST',
      path: '/v1/personas:batchUpsert',
      handler: authed(async (ctx, owner) => {
        const { items } = parseRequest(PersonaBatch, jsonBody(ctx.body), 'persona batch');
        return { status: 202, body: await runProcedure(db, 'enqueuePersonas', owner.portalId, items) };
      }),
    },
    {
      method: 'POST',
      path: '/v1/campaign-events',
      handler: authed(async (ctx, owner) => {
        const { events } = parseRequest(CampaignEvents, jsonBody(ctx.body), 'campaign events');
        return { status: 202, body: await enqueueCampaignEvents(db, owner.portalId, events) };
      }),
    },
    {
      method: 'GET',
      path: '/v1/contacts/:email/summary',
      handler: authed(async (ctx, owner) => {
        const { email } = parseRequest(z.object({ email: z.email().max(254) }), ctx.params, 'path');
        const { rows } = await db.query<{
          properties: Record<string, string>;
          hubspot_id: string | null;
          event_count: number;
          last_event_at: Date | null;
          pending: number;
        }>(
          `SELECT c.properties, c.hubspot_id, c.event_count, c.last_event_at,
                  (SELECT count(*)::int FROM outbox_jobs j WHERE j.portal_id = c.portal_id AND j.contact_key = c.email
                      AND j.status IN ('pending', 'running')) AS pending
             FROM contact_personas c WHERE c.portal_id = $1 AND c.email = $2`,
          [owner.portalId, email.toLowerCase()],
        );
        const row = rows[0];
        if (!row) throw new HttpError(404, 'not_found', 'No Closer data for this contact');
        const summary: ContactSummary = {
          email: email.toLowerCase(),
          hubspotId: row.hubspot_id,
          persona: row.properties.closer_persona_label
            ? {
                label: row.properties.closer_persona_label,
                summary: row.properties.closer_persona_summary ?? '',
                confidence: Number(row.properties.closer_persona_confidence ?? 0),
                updatedAt: row.properties.closer_persona_updated_at,
              }
            : null,
          campaignEvents: row.event_count,
          lastCampaignEventAt: row.last_event_at?.toISOString() ?? null,
          pendingSync: row.pending,
        };
        return { status: 200, body: summary };
      }),
    },
    {
      method: 'GET',
      path: '/v1/team/priors',
      handler: authed(async (_ctx, owner) => {
        // Team-wide persona mix: the extension uses it as a prior for contacts it knows nothing about yet.
        const { rows } = await db.query<{ label: string; n: number }>(
          `SELECT properties->>'closer_persona_label' AS label, count(*)::int AS n FROM contact_personas
            WHERE portal_id = $1 AND properties ? 'closer_persona_label' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`,
          [owner.portalId],
        );
        const total = rows.reduce((sum, r) => sum + r.n, 0);
        return {
          status: 200,
          body: { contacts: total, personas: rows.map((r) => ({ label: r.label, count: r.n, share: r.n / total })) },
        };
      }),
    },
    {
      method: 'GET',
      path: '/v1/sync/dead-letters',
      handler: authed(async (_ctx, owner) => ({
        status: 200,
        body: { deadLetters: await listDeadLetters(db, owner.portalId) },
      })),
    },
    {
      method: 'POST',
      path: '/v1/sync/dead-letters/retry',
      handler: authed(async (ctx, owner) => {
        const { ids } = parseRequest(DeadLetterRetry, jsonBody(ctx.body), 'dead letter retry');
        return { status: 200, body: { retried: await retryDeadLetters(db, owner.portalId, ids) } };
      }),
    },
    {
      // The extension's outbox asks this before counting items delivered: 202 only meant "accepted".
      method: 'POST',
      path: '/v1/sync/status',
      handler: authed(async (ctx, owner) => {
        const { keys } = parseRequest(DeliveryQuery, jsonBody(ctx.body), 'delivery query');
        return { status: 200, body: { items: await deliveryStates(db, owner.portalId, keys) } };
      }),
    },
    {
      // The extension renews its token daily while in use: idle tokens expire, used ones never need a new sign-in.
      method: 'POST',
      path: '/v1/tokens/current:renew',
      handler: authed(async (_ctx, owner) => ({ status: 200, body: await renewToken(db, owner) })),
    },
    {
      method: 'DELETE',
      path: '/v1/tokens/current',
      handler: authed(async (_ctx, owner) => {
        await revokeToken(db, owner.tokenId);
        return { status: 200, body: { revoked: true } };
      }),
    },
  ];
  if (services.config.devTokens) {
    routes.push({
      method: 'POST',
      path: '/v1/dev/tokens',
      handler: async (ctx) => {
        const { portalId, userId } = parseRequest(DevTokenRequest, jsonBody(ctx.body), 'token request');
        return { status: 201, body: { token: await issueExtensionToken(db, portalId, userId), portalId, userId } };
      },
    });
  }
  return routes;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
