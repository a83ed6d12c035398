/**
 * Accepting work from the extension: jobs are inserted and the local persona view updated in one transaction, so
 * an accepted item is never lost and a repeated idempotency key changes nothing.
 */
import type { Database } from '../db/database';
import { enqueueJobs, type NewJob } from './jobs';
import { personaProperties, type Persona } from './properties';

export interface PersonaItem {
  idempotencyKey: string;
  email: string;
  persona: Persona;
}

export interface CampaignEventItem {
  idempotencyKey: string;
  email: string;
  channel: 'note' | 'email';
  subject?: string | undefined;
  body: string;
  occurredAt: string;
}

export interface EnqueueResult {
  accepted: number;
  duplicates: number;
}

export async function enqueuePersonas(db: Database, portalId: number, items: PersonaItem[]): Promise<EnqueueResult> {
  const jobs: NewJob[] = items.map((item) => ({
    kind: 'persona.upsert',
    idempotencyKey: `persona:${item.idempotencyKey}`,
    contactKey: item.email,
    payload: { properties: personaProperties(item.persona) },
  }));
  return db.transaction(async (tx) => {
    const inserted = await enqueueJobs(tx, portalId, jobs);
    const merged = new Map<string, Record<string, string>>();
    for (const job of jobs) {
      if (!inserted.has(job.idempotencyKey)) continue;
      merged.set(job.contactKey, {
        ...merged.get(job.contactKey),
        ...(job.payload.properties as Record<string, string>),
      });
    }
    if (merged.size > 0) {
      await tx.query(
        `INSERT INTO contact_personas (portal_id, email, properties)
         SELECT $1, v.email, v.properties FROM jsonb_to_recordset($2::jsonb) AS v(email text, properties jsonb)
         ON CONFLICT (portal_id, email) DO UPDATE
           SET properties = contact_personas.properties || EXCLUDED.properties, updated_at = now()`,
        [portalId, JSON.stringify([...merged].map(([email, properties]) => ({ email, properties })))],
      );
    }
    return { accepted: inserted.size, duplicates: jobs.length - inserted.size };
  });
}

export async function enqueueCampaignEvents(
  db: Database,
  portalId: number,
  items: CampaignEventItem[],
): Promise<EnqueueResult> {
  const jobs: NewJob[] = items.map((item) => ({
    kind: 'campaign.event',
    idempotencyKey: `event:${item.idempotencyKey}`,
    contactKey: item.email,
    payload: {
      eventId: `${portalId}:${item.idempotencyKey}`,
      channel: item.channel,
      ...(item.subject === undefined ? {} : { subject: item.subject }),
      body: item.body,
      occurredAt: item.occurredAt,
    },
  }));
  return db.transaction(async (tx) => {
    const inserted = await enqueueJobs(tx, portalId, jobs);
    const counts = new Map<string, { n: number; last: string }>();
    for (const [i, job] of jobs.entries()) {
      if (!inserted.has(job.idempotencyKey)) continue;
      const at = items[i]?.occurredAt ?? new Date().toISOString();
      const current = counts.get(job.contactKey);
      counts.set(job.contactKey, { n: (current?.n ?? 0) + 1, last: current && current.last > at ? current.last : at });
    }
    if (counts.size > 0) {
      await tx.query(
        `INSERT INTO contact_personas (portal_id, email, event_count, last_event_at)
         SELECT $1, v.email, v.n, v.last FROM jsonb_to_recordset($2::jsonb) AS v(email text, n int, last timestamptz)
         ON CONFLICT (portal_id, email) DO UPDATE
           SET event_count = contact_personas.event_count + EXCLUDED.event_count,
               last_event_at = greatest(contact_personas.last_event_at, EXCLUDED.last_event_at), updated_at = now()`,
        [portalId, JSON.stringify([...counts].map(([email, c]) => ({ email, n: c.n, last: c.last })))],
      );
    }
    return { accepted: inserted.size, duplicates: jobs.length - inserted.size };
  });
}
