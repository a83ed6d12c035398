/**
 * The durable job queue (table outbox_jobs). Enqueueing is idempotent per portal and key; claiming takes a lease
 * (run_after = lease expiry while 'running'), so a job whose worker died is claimed again once the lease lapses.
 */
import type { Database, Queryable } from '../db/database';

export type JobKind = 'persona.upsert' | 'campaign.event';

export interface NewJob {
  kind: JobKind;
  idempotencyKey: string;
  /** Lower-cased email of the contact the job writes to. */
  contactKey: string;
  payload: Record<string, unknown>;
}

export interface ClaimedJob {
  id: string;
  kind: JobKind;
  payload: Record<string, unknown>;
  attempts: number;
  contactKey: string;
}

/** Inserts the jobs whose key is new for the portal; returns the keys actually inserted (repeats are no-ops). */
export async function enqueueJobs(tx: Queryable, portalId: number, jobs: NewJob[]): Promise<Set<string>> {
  if (jobs.length === 0) return new Set();
  const rows = jobs.map((j) => ({ kind: j.kind, key: j.idempotencyKey, contact: j.contactKey, payload: j.payload }));
  const { rows: inserted } = await tx.query<{ idempotency_key: string }>(
    `INSERT INTO outbox_jobs (portal_id, kind, payload, idempotency_key, contact_key)
     SELECT $1, t.kind, t.payload, t.key, t.contact
       FROM jsonb_to_recordset($2::jsonb) AS t(kind text, key text, contact text, payload jsonb)
     ON CONFLICT (portal_id, idempotency_key) DO NOTHING
     RETURNING idempotency_key`,
    [portalId, JSON.stringify(rows)],
  );
  return new Set(inserted.map((r) => r.idempotency_key));
}

/**
 * Claims up to `limit` due jobs of a portal, oldest first, skipping rows another transaction holds (SKIP LOCKED) and
 * contacts that have a job leased or backing off, so one contact's writes reach HubSpot in order (never two batches
 * of one contact in flight at once). On PGlite
 * (one connection) the single UPDATE ... RETURNING is atomic by itself; the lease keeps concurrent callers apart.
 */
export async function claimJobs(
  db: Database,
  portalId: number,
  limit: number,
  leaseMs: number,
  worker: string,
): Promise<ClaimedJob[]> {
  return db.transaction(async (tx) => {
    // Claims of one portal take turns (across processes too). Without this, two workers claiming at the same moment
    // on PostgreSQL could split one contact's jobs between them: SKIP LOCKED passes over the rows the other is still
    // locking, and the `blocked` check cannot see its uncommitted leases, so an older write could land last. The
    // claim statement below runs after the lock is held, so its snapshot sees every earlier claim committed.
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [portalId]);
    // Pin the plan to index scans: the claim index walked in id order, stopping at `limit` rows. Left to itself the
    // planner follows table statistics, which the embedded database lacks (it read and sorted every pending job: 26 ms
    // a claim at 60,000 queued jobs, against 4.7 ms) and which mislead it where they exist (leases and finished jobs
    // share run_after: after an ANALYZE it scanned the whole table for `blocked`, 30-40 ms a claim).
    await tx.exec('SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off');
    const { rows } = await tx.query<{
      id: string;
      kind: JobKind;
      payload: Record<string, unknown>;
      attempts: number;
      contact_key: string;
    }>(
      `WITH blocked AS MATERIALIZED (
         SELECT DISTINCT b.contact_key FROM outbox_jobs b
          WHERE b.portal_id = $1 AND (b.status = 'running' OR (b.status = 'pending' AND b.attempts > 0))
            AND b.run_after > now() AND b.contact_key IS NOT NULL),
       picked AS MATERIALIZED (
         SELECT c.id FROM outbox_jobs c
          WHERE c.portal_id = $1 AND c.status IN ('pending', 'running') AND c.run_after <= now()
            AND (c.contact_key IS NULL OR c.contact_key NOT IN (SELECT contact_key FROM blocked))
          ORDER BY c.id LIMIT $2
          FOR UPDATE SKIP LOCKED)
       UPDATE outbox_jobs AS j
          SET status = 'running', attempts = j.attempts + 1, claimed_by = $4,
              run_after = now() + $3 * interval '1 millisecond', updated_at = now()
         FROM picked WHERE j.id = picked.id
       RETURNING j.id, j.kind, j.payload, j.attempts, j.contact_key`,
      [portalId, limit, leaseMs, worker],
    );
    return rows
      .map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, attempts: r.attempts, contactKey: r.contact_key }))
      .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  });
}

/**
 * Marks a delivered batch done and records the HubSpot ids it learned, in one transaction: the jobs and the contacts'
 * ids change together or not at all.
 */
export async function finishBatch(
  db: Database,
  portalId: number,
  jobIds: string[],
  hubspotIds: [email: string, id: string][],
): Promise<void> {
  await db.transaction(async (tx) => {
    await completeJobs(tx, jobIds);
    if (hubspotIds.length === 0) return;
    // Lock the rows in email order first, as enqueueing does: an UPDATE … FROM joins in hash order, and two
    // transactions locking one set of contacts in different orders deadlock (seen under bench:api load).
    await tx.query(
      'SELECT 1 FROM contact_personas WHERE portal_id = $1 AND email = ANY($2::text[]) ORDER BY email FOR UPDATE',
      [portalId, hubspotIds.map(([email]) => email).sort()],
    );
    await tx.query(
      `UPDATE contact_personas c SET hubspot_id = v.id
         FROM jsonb_to_recordset($2::jsonb) AS v(email text, id text)
        WHERE c.portal_id = $1 AND c.email = v.email`,
      [portalId, JSON.stringify(hubspotIds.map(([email, id]) => ({ email, id })))],
    );
  });
}

export async function completeJobs(db: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE outbox_jobs SET status = 'succeeded', last_error = NULL, updated_at = now() WHERE id = ANY($1::bigint[])`,
    [ids],
  );
}

/** Puts jobs back for a later attempt; `refund` undoes the attempt count (a 429 is not the job's fault). */
export async function retryJobs(
  db: Queryable,
  ids: string[],
  delayMs: number,
  reason: string,
  refund = false,
): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE outbox_jobs SET status = 'pending', run_after = now() + $2 * interval '1 millisecond', last_error = $3,
            attempts = CASE WHEN $4 THEN greatest(attempts - 1, 0) ELSE attempts END, updated_at = now()
      WHERE id = ANY($1::bigint[])`,
    [ids, delayMs, reason.slice(0, 2000), refund],
  );
}

/** Extends the lease of the jobs `claim` still holds; returns their ids (the others lapsed and were claimed again). */
export async function renewLease(db: Queryable, ids: string[], claim: string, leaseMs: number): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `UPDATE outbox_jobs SET run_after = now() + $3 * interval '1 millisecond', updated_at = now()
      WHERE id = ANY($1::bigint[]) AND status = 'running' AND claimed_by = $2
      RETURNING id`,
    [ids, claim, leaseMs],
  );
  return new Set(rows.map((r) => String(r.id)));
}

export async function deadLetter(db: Queryable, ids: string[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE outbox_jobs SET status = 'dead', last_error = $2, updated_at = now() WHERE id = ANY($1::bigint[])`,
    [ids, reason.slice(0, 2000)],
  );
}

export async function portalsWithDueJobs(db: Database): Promise<number[]> {
  const { rows } = await db.query<{ portal_id: string }>(
    `SELECT i.portal_id FROM installs i WHERE i.status = 'active' AND EXISTS (
       SELECT 1 FROM outbox_jobs j WHERE j.portal_id = i.portal_id AND j.status IN ('pending', 'running') AND j.run_after <= now())`,
  );
  return rows.map((r) => Number(r.portal_id));
}
