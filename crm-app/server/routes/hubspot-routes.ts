/**
 * Endpoints HubSpot calls, all verified with the v3 request signature: the persona card and the settings page (via
 * hubspot.fetch) and webhooks (contact deletions remove our local data, GDPR; merges move it to the surviving contact).
 */
import { z } from 'zod';
import { portalSettings } from '../hubspot/portal-settings';
import { verifyV3 } from '../hubspot/signature';
import { parseRequest } from '../http/errors';
import type { RequestContext, Route } from '../http/router';
import { jsonBody } from '../extension/schemas';
import { personaByHubSpotId } from '../sync/persona-store';
import { listDeadLetters, retryDeadLetters } from '../sync/dead-letters';
import type { AppServices } from '../services';
import { cardPersona, type PersonaResponse } from './persona';

const WebhookEvents = z
  .array(
    z.object({
      portalId: z.number().int().positive(),
      subscriptionType: z.string(),
      objectId: z.number().int().positive(),
      mergedObjectIds: z.array(z.number().int()).optional(),
      primaryObjectId: z.number().int().optional(),
    }),
  )
  .max(1000);

/** The webhook subscriptions this route acts on; src/app/webhooks/webhooks-hsmeta.json subscribes to exactly these. */
export const HANDLED_SUBSCRIPTIONS = ['contact.deletion', 'contact.privacyDeletion', 'contact.merge'] as const;

/** hubspot.fetch appends portalId (and userId, userEmail, appId) to every card request; other parameters pass. */
const PortalQuery = z.object({ portalId: z.coerce.number().int().positive() });

export function hubspotRoutes(services: AppServices): Route[] {
  const { db, config } = services;
  const verify = (ctx: RequestContext) =>
    verifyV3(
      config.clientSecret,
      ctx.method,
      `${config.publicUrl}${ctx.rawTarget ?? `${ctx.url.pathname}${ctx.url.search}`}`,
      ctx.body,
      ctx.headers,
    );

  return [
    {
      method: 'GET',
      path: '/v1/card/persona',
      handler: async (ctx) => {
        verify(ctx);
        const query = parseRequest(
          z.object({ portalId: z.coerce.number().int().positive(), objectId: z.string().regex(/^\d{1,20}$/) }),
          Object.fromEntries(ctx.url.searchParams),
          'query',
        );
        const stored = await personaByHubSpotId(db, query.portalId, query.objectId);
        const body: PersonaResponse = {
          contactId: query.objectId,
          persona: cardPersona(stored?.persona ?? null),
          campaignEvents: stored?.eventCount ?? 0,
        };
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      path: '/v1/card/settings',
      handler: async (ctx) => {
        verify(ctx);
        const { portalId } = parseRequest(
          z.object({ portalId: z.coerce.number().int().positive() }),
          Object.fromEntries(ctx.url.searchParams),
          'query',
        );
        return { status: 200, body: await portalSettings(db, services.hubspot, portalId) };
      },
    },
    {
      // The app's settings page: the portal's dead letters with their reasons.
      method: 'GET',
      path: '/v1/card/dead-letters',
      handler: async (ctx) => {
        verify(ctx);
        const { portalId } = parseRequest(PortalQuery, Object.fromEntries(ctx.url.searchParams), 'query');
        return { status: 200, body: { deadLetters: await listDeadLetters(db, portalId) } };
      },
    },
    {
      method: 'POST',
      path: '/v1/card/dead-letters/retry',
      handler: async (ctx) => {
        verify(ctx);
        const { portalId } = parseRequest(PortalQuery, Object.fromEntries(ctx.url.searchParams), 'query');
        const { ids } = parseRequest(
          z.strictObject({
            ids: z
              .array(z.string().regex(/^\d{1,19}$/))
              .min(1)
              .max(200),
          }),
          jsonBody(ctx.body),
          'dead letter retry',
        );
        return { status: 200, body: { retried: await retryDeadLetters(db, portalId, ids) } };
      },
    },
    {
      method: 'POST',
      path: '/webhooks/hubspot',
      handler: async (ctx) => {
        verify(ctx);
        const events = parseRequest(WebhookEvents, jsonBody(ctx.body), 'webhook events');
        let deleted = 0;
        let merged = 0;
        for (const event of events) {
          if (event.subscriptionType === 'contact.deletion' || event.subscriptionType === 'contact.privacyDeletion') {
            deleted += await deleteContact(ctx, event.portalId, String(event.objectId));
          } else if (event.subscriptionType === 'contact.merge') {
            const primary = String(event.primaryObjectId ?? event.objectId);
            for (const id of event.mergedObjectIds ?? []) {
              if (String(id) === primary) continue;
              // The merged-away contact's data now belongs to the primary; drop the stale mapping.
              const { rowCount } = await db.query(
                'UPDATE contact_personas SET hubspot_id = $3 WHERE portal_id = $1 AND hubspot_id = $2',
                [event.portalId, String(id), primary],
              );
              merged += rowCount;
            }
          }
        }
        return { status: 200, body: { deleted, merged } };
      },
    },
  ];

  async function deleteContact(ctx: RequestContext, portalId: number, hubspotId: string): Promise<number> {
    return db.transaction(async (tx) => {
      const { rows } = await tx.query<{ email: string }>(
        'DELETE FROM contact_personas WHERE portal_id = $1 AND hubspot_id = $2 RETURNING email',
        [portalId, hubspotId],
      );
      const emails = rows.map((r) => r.email);
      if (emails.length > 0) {
        // Pending jobs would re-create the contact in HubSpot: drop them with the rest of its data.
        await tx.query(`DELETE FROM outbox_jobs WHERE portal_id = $1 AND contact_key = ANY($2::text[])`, [
          portalId,
          emails,
        ]);
        await tx.query(`DELETE FROM campaign_results WHERE portal_id = $1 AND email = ANY($2::text[])`, [
          portalId,
          emails,
        ]);
      }
      ctx.log.info('webhook.contact_deleted', { portalId, rows: emails.length });
      return emails.length;
    });
  }
}
