/**
 * Accepting work from the extension: jobs are inserted and the local persona view updated in one transaction, so
 * an accepted item is never lost and a repeated idempotency key changes nothing.
 */
import type { Database, Queryable } from '../db/database';
import { enqueueJobs, type NewJob } from './jobs';
import type { PersonaUpsertItem } from '../../../shared/common/persona/synced';
import { LOCAL_PERSONA_PROPERTIES, mergePersona, type StoredPersona } from './properties';

export type PersonaItem = PersonaUpsertItem;

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

/**
 * Accepts approved personas. Contacts' rows are locked while their stored persona is merged with the new approvals
 * (newest approval of each field wins), so concurrent batches for one contact merge in turn; each job carries only
 * what its approval won, plus the HubSpot record id when the persona was built on a contact record.
 */
export async function enqueuePersonas(db: Database, portalId: number, items: PersonaItem[]): Promise<EnqueueResult> {
  const keyOf = (item: PersonaItem) => `persona:${item.idempotencyKey}`;
  return db.transaction(async (tx) => {
    const emails = [...new Set(items.map((i) => i.email.toLowerCase()))];
    // Only items whose key is new may change the stored persona: a repeated request changes nothing.
    const { rows: seen } = await tx.query<{ idempotency_key: string }>(
      'SELECT idempotency_key FROM outbox_jobs WHERE portal_id = $1 AND idempotency_key = ANY($2::text[])',
      [portalId, items.map(keyOf)],
    );
    const known = new Set(seen.map((r) => r.idempotency_key));
    const { rows } = await tx.query<{ email: string; persona: StoredPersona | null; hubspot_id: string | null }>(
      `SELECT email, persona, hubspot_id FROM contact_personas
        WHERE portal_id = $1 AND email = ANY($2::text[]) ORDER BY email FOR UPDATE`,
      [portalId, emails],
    );
    const state = new Map(
      rows.map((r) => [
        r.email,
        { persona: r.persona, hubspotId: r.hubspot_id, properties: {} as Record<string, string> },
      ]),
    );
    const jobs: NewJob[] = [];
    const touched = new Set<string>();
    for (const item of items) {
      const key = keyOf(item);
      if (known.has(key)) continue;
      known.add(key);
      const email = item.email.toLowerCase();
      touched.add(email);
      const current = state.get(email) ?? { persona: null, hubspotId: null, properties: {} };
      const { merged, properties } = mergePersona(current.persona, item.persona);
      state.set(email, {
        persona: merged,
        hubspotId: item.hubspotContactId ?? current.hubspotId,
        properties: { ...current.properties, ...pick(properties, LOCAL_PERSONA_PROPERTIES) },
      });
      jobs.push({
        kind: 'persona.upsert',
        idempotencyKey: key,
        contactKey: email,
        payload: {
          properties,
          ...(item.hubspotContactId === undefined ? {} : { hubspotContactId: item.hubspotContactId }),
        },
      });
    }
    const inserted = await enqueueJobs(tx, portalId, jobs);
    // In email order, like the FOR UPDATE above: concurrent batches lock contacts in one order and cannot deadlock.
    const changed = [...state].filter(([email]) => touched.has(email)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (changed.length > 0) {
      await tx.query(
        `INSERT INTO contact_personas (portal_id, email, properties, persona, hubspot_id)
         SELECT $1, v.email, v.properties, v.persona, v.hubspot_id
           FROM jsonb_to_recordset($2::jsonb) AS v(email text, properties jsonb, persona jsonb, hubspot_id text)
         ON CONFLICT (portal_id, email) DO UPDATE
           SET properties = contact_personas.properties || EXCLUDED.properties, persona = EXCLUDED.persona,
               hubspot_id = coalesce(EXCLUDED.hubspot_id, contact_personas.hubspot_id), updated_at = now()`,
        [
          portalId,
          JSON.stringify(
            changed.map(([email, s]) => ({
              email,
              properties: s.properties,
              persona: s.persona,
              hubspot_id: s.hubspotId,
            })),
          ),
        ],
      );
    }
    return { accepted: inserted.size, duplicates: items.length - inserted.size };
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
    const inserted = await enqueueCampaignEventJobs(tx, portalId, jobs);
    return { accepted: inserted.size, duplicates: jobs.length - inserted.size };
  });
}

/**
 * Inside the caller's transaction: enqueues `campaign.event` jobs (payload `occurredAt` required) and counts the new
 * ones into the contacts' roll-ups (event count, last event), which the worker writes to HubSpot with the engagement.
 * Campaign results use it too, so both reach HubSpot by one path. Returns the keys actually inserted.
 */
export async function enqueueCampaignEventJobs(tx: Queryable, portalId: number, jobs: NewJob[]): Promise<Set<string>> {
  const inserted = await enqueueJobs(tx, portalId, jobs);
  const counts = new Map<string, { n: number; last: string }>();
  for (const job of jobs) {
    if (!inserted.has(job.idempotencyKey)) continue;
    const at = typeof job.payload.occurredAt === 'string' ? job.payload.occurredAt : new Date().toISOString();
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
      // In email order, like every multi-row write of contact_personas, so concurrent batches cannot deadlock.
      [
        portalId,
        JSON.stringify(
          [...counts]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([email, c]) => ({ email, n: c.n, last: c.last })),
        ),
      ],
    );
  }
  return inserted;
}

function pick(properties: Record<string, string>, names: Set<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).filter(([name]) => names.has(name)));
}
