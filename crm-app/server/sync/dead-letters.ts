/**
 * Dead letters (outbox jobs HubSpot refused for good, or that ran out of attempts): listed with their reason for the
 * app's settings page and the extension's Outbox tab, and sent again on request. Also the delivery state of given
 * items, so the extension counts an item delivered only once HubSpot has it, not when the backend accepted it.
 */
import type { Queryable } from '../db/database';

export interface DeadLetter {
  id: string;
  kind: string;
  idempotencyKey: string;
  email: string | null;
  attempts: number;
  reason: string | null;
  deadAt: string;
}

export async function listDeadLetters(db: Queryable, portalId: number, limit = 200): Promise<DeadLetter[]> {
  const { rows } = await db.query<DeadLetter & { deadAt: Date }>(
    `SELECT id::text AS id, kind, idempotency_key AS "idempotencyKey", contact_key AS email, attempts,
            last_error AS reason, updated_at AS "deadAt"
       FROM outbox_jobs WHERE portal_id = $1 AND status = 'dead' ORDER BY id DESC LIMIT $2`,
    [portalId, limit],
  );
  return rows.map((r) => ({ ...r, deadAt: new Date(r.deadAt).toISOString() }));
}

/**
 * Puts the portal's dead letters with these ids back in the queue with fresh attempts (the reason stays until the
 * next outcome replaces it). Ids of other portals, or of jobs not dead, are ignored. Returns the ids requeued.
 */
export async function retryDeadLetters(db: Queryable, portalId: number, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `UPDATE outbox_jobs SET status = 'pending', attempts = 0, run_after = now(), claimed_by = NULL, updated_at = now()
      WHERE portal_id = $1 AND status = 'dead' AND id = ANY($2::bigint[])
      RETURNING id::text AS id`,
    [portalId, ids],
  );
  return rows.map((r) => r.id).sort();
}

export type DeliveryState = 'queued' | 'delivered' | 'dead' | 'unknown';

/**
 * The delivery state of items by the idempotency key the extension sent them with (`persona:`, `event:` or `result:`
 * as the backend prefixes them): delivered only once the sync worker has HubSpot's confirmation.
 */
export async function deliveryStates(
  db: Queryable,
  portalId: number,
  keys: string[],
): Promise<Record<string, { state: DeliveryState; reason?: string }>> {
  const out: Record<string, { state: DeliveryState; reason?: string }> = {};
  for (const key of keys) out[key] = { state: 'unknown' };
  if (keys.length === 0) return out;
  const { rows } = await db.query<{ key: string; status: string; reason: string | null }>(
    `SELECT k.key, j.status, j.last_error AS reason
       FROM unnest($2::text[]) AS k(key)
       JOIN outbox_jobs j ON j.portal_id = $1 AND j.idempotency_key IN ('persona:' || k.key, 'event:' || k.key, 'result:' || k.key)`,
    [portalId, keys],
  );
  for (const row of rows) {
    const state: DeliveryState = row.status === 'succeeded' ? 'delivered' : row.status === 'dead' ? 'dead' : 'queued';
    out[row.key] = state === 'dead' && row.reason ? { state, reason: row.reason } : { state };
  }
  return out;
}
