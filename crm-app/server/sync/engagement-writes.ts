/**
 * The idempotency record of each note or email the worker creates (table engagement_writes): what decides whether a
 * retried campaign event was already created in HubSpot. Search is only consulted for a row left 'pending' (the create
 * request left and its answer never came back), because HubSpot's search lags writes.
 */
import type { Queryable } from '../db/database';

export interface EngagementWrite {
  eventId: string;
  state: 'pending' | 'created';
  hubspotId: string | null;
  /** Milliseconds since the last create request for it left. */
  sentAgoMs: number;
}

export async function readWrites(
  db: Queryable,
  portalId: number,
  eventIds: string[],
): Promise<Map<string, EngagementWrite>> {
  if (eventIds.length === 0) return new Map();
  const { rows } = await db.query<{
    event_id: string;
    state: 'pending' | 'created';
    hubspot_id: string | null;
    ago: number;
  }>(
    `SELECT event_id, state, hubspot_id, (extract(epoch FROM now() - sent_at) * 1000)::float8 AS ago
       FROM engagement_writes WHERE portal_id = $1 AND event_id = ANY($2::text[])`,
    [portalId, eventIds],
  );
  return new Map(
    rows.map((r) => [
      r.event_id,
      { eventId: r.event_id, state: r.state, hubspotId: r.hubspot_id, sentAgoMs: Number(r.ago) },
    ]),
  );
}

/** Marks events as about to be sent (before the request leaves). */
export async function markPending(
  db: Queryable,
  portalId: number,
  events: { eventId: string; type: 'notes' | 'emails' }[],
): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO engagement_writes (portal_id, event_id, object_type, state)
     SELECT $1, e.event_id, e.type, 'pending' FROM jsonb_to_recordset($2::jsonb) AS e(event_id text, type text)
     ON CONFLICT (portal_id, event_id) DO UPDATE SET state = 'pending', hubspot_id = NULL, sent_at = now(),
       updated_at = now() WHERE engagement_writes.state = 'pending'`,
    [portalId, JSON.stringify(events.map((e) => ({ event_id: e.eventId, type: e.type })))],
  );
}

/** Records the HubSpot ids of created engagements. */
export async function markCreated(
  db: Queryable,
  portalId: number,
  created: [eventId: string, id: string][],
): Promise<void> {
  if (created.length === 0) return;
  await db.query(
    `UPDATE engagement_writes w SET state = 'created', hubspot_id = c.id, updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS c(event_id text, id text)
      WHERE w.portal_id = $1 AND w.event_id = c.event_id`,
    [portalId, JSON.stringify(created.map(([eventId, id]) => ({ event_id: eventId, id })))],
  );
}

/** Forgets pending rows HubSpot answered definitely did not get created (an error for that record). */
export async function forgetPending(db: Queryable, portalId: number, eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await db.query(
    `DELETE FROM engagement_writes WHERE portal_id = $1 AND event_id = ANY($2::text[]) AND state = 'pending'`,
    [portalId, eventIds],
  );
}
