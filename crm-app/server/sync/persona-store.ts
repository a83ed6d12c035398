/** Reads the persona Closer last synced for a HubSpot contact (contact_personas.persona, merged per field). */
import type { Queryable } from '../db/database';
import type { StoredPersona } from './properties';

export interface StoredContactPersona {
  email: string;
  persona: StoredPersona | null;
  eventCount: number;
}

export async function personaByHubSpotId(
  db: Queryable,
  portalId: number,
  hubspotId: string,
): Promise<StoredContactPersona | null> {
  // Two local rows can point at one record after a merge; the most recently updated one is what Closer last wrote.
  const { rows } = await db.query<{ email: string; persona: StoredPersona | null; event_count: number }>(
    `SELECT email, persona, event_count FROM contact_personas WHERE portal_id = $1 AND hubspot_id = $2
      ORDER BY (persona IS NULL), updated_at DESC LIMIT 1`,
    [portalId, hubspotId],
  );
  const row = rows[0];
  return row ? { email: row.email, persona: row.persona, eventCount: row.event_count } : null;
}
