/**
 * The sync worker: `concurrency` loops, each taking a rate-limit slot for a portal, claiming up to 100 due jobs,
 * sending them as one batch upsert (plus engagement creation for campaign events), then recording the outcome.
 * Retryable failures (429, 5xx, network) go back with exponential backoff and jitter; others, and jobs out of
 * attempts, become dead letters with their reason.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import { errorFields, type Logger } from '../logger';
import { backoffMs } from './backoff';
import { resultObjectProperties } from '../hubspot/campaign-result-object';
import { coalesce, engagementsOf, type ContactRecord, type EngagementInput } from './batch';
import { HubSpotError, NoAccessTokenError, type HubSpotClient } from '../hubspot/hubspot-client';
import { forgetPending, markCreated, markPending, readWrites } from './engagement-writes';
import { fieldsJson } from './properties';
import { deadLetter, portalsWithDueJobs, renewLease, retryJobs, type ClaimedJob } from './jobs';
import { runProcedure } from './procedures';

export const BATCH_SIZE = 100;
const ENGAGEMENT_TO_CONTACT: Record<EngagementInput['type'], number> = { notes: 202, emails: 198 };

export interface WorkerOptions {
  concurrency: number;
  leaseMs: number;
  maxAttempts: number;
  idleMs: number;
  /**
   * After a batch that was not full (the worker has caught up), a portal's next claim waits this long so jobs gather
   * into fuller batches. Without it, 8 loops sent every few arriving jobs as a batch of their own: HubSpot's whole
   * 10 s budget went in the first seconds of each window, and the claims and finishes of those small batches took a
   * third of the embedded database's time in bursts (bench:api's slow seconds). A backlog still goes at full speed.
   */
  lingerMs?: number;
  /**
   * How long after a create request whose answer was lost the worker waits before asking search whether it created
   * the record: HubSpot's search indexes writes with a delay, and a search too early would miss it and the record
   * would be created twice. HubSpot publishes no figure; default 30 s.
   */
  searchLagGuardMs?: number;
}

export class SyncWorker {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly id = `w-${process.pid}-${randomUUID().slice(0, 8)}`;
  private claims = 0;
  private portals: number[] = [];
  private nextPortal = 0;
  private portalsRefreshedAt = 0;
  private readonly objectTypes = new Map<number, { typeId: string | undefined; at: number }>();
  /** Per portal: no claim before this time (set after a batch that was not full). */
  private readonly lingerUntil = new Map<number, number>();
  /** The ids of each batch claimed and not yet finished, failed or released. */
  private readonly inFlight = new Set<string[]>();
  /**
   * Portals a loop is claiming for, from its linger check to its claim: one claim at a time per portal, because the
   * linger is only known once a claim returns. Otherwise the other loops passed the check meanwhile, queued on the
   * paced slot (one grant per 76 ms at 110 requests per 10 s) and each then claimed the few jobs that had arrived:
   * a small batch per loop per linger, the more so the slower the machine made the wait between check and claim.
   */
  private readonly claiming = new Set<number>();

  private get searchLagGuardMs(): number {
    return this.options.searchLagGuardMs ?? 30_000;
  }

  constructor(
    private readonly db: Database,
    private readonly hubspot: HubSpotClient,
    private readonly options: WorkerOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = Array.from({ length: this.options.concurrency }, () => this.loop());
  }

  /**
   * Stops claiming at once, gives the batches in flight `drainMs` to finish, then releases the ones still out (due
   * now, for any instance to claim) instead of leaving them leased, so a rolling restart does not hold their contacts
   * back for a whole lease. Released jobs keep their attempt count: the next claim counts as a retry and looks
   * engagements up before creating them, in case the abandoned request still reached HubSpot.
   */
  async stop(drainMs = Math.min(5_000, this.options.leaseMs / 2)): Promise<{ released: number }> {
    this.running = false;
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      Promise.all(this.loops).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), drainMs))),
    ]);
    clearTimeout(timer);
    if (drained) return { released: 0 };
    const ids = [...this.inFlight].flat();
    this.inFlight.clear();
    if (ids.length === 0) return { released: 0 };
    // Only rows still leased by this worker: a lease that lapsed may already belong to another instance.
    const { rows } = await this.db.query<{ id: string }>(
      `UPDATE outbox_jobs SET status = 'pending', run_after = now(), last_error = $3, updated_at = now()
        WHERE id = ANY($1::bigint[]) AND status = 'running' AND starts_with(claimed_by, $2)
        RETURNING id`,
      [ids, `${this.id}:`, 'released: the server shut down before the batch finished'],
    );
    this.log.warn('sync.released_at_shutdown', { jobs: rows.length, drainMs });
    return { released: rows.length };
  }

  /** Processes one batch for some portal; false when nothing was due. Exposed for tests. */
  async tick(): Promise<boolean> {
    const portalId = await this.pickPortal();
    if (portalId === undefined) return false;
    if ((this.lingerUntil.get(portalId) ?? 0) > Date.now() || this.claiming.has(portalId)) return false;
    this.claiming.add(portalId);
    const limiter = this.hubspot.limiter(portalId);
    let stamp: number;
    let jobs: ClaimedJob[];
    let claim: string;
    try {
      // Paced: a backlog's batches spread over HubSpot's window instead of all leaving at once, every window.
      stamp = await limiter.acquire({ paced: true });
      // Stopping may have begun while this loop waited for a slot: claim nothing more.
      if (!this.running) {
        limiter.release(stamp);
        return false;
      }
      // Each claim has its own token: a lease is renewed, and checked, by the batch that holds it (see renewLease).
      claim = `${this.id}:${(this.claims += 1)}`;
      jobs = await runProcedure(this.db, 'claimJobs', portalId, BATCH_SIZE, this.options.leaseMs, claim);
      if (jobs.length === 0) {
        limiter.release(stamp);
        this.portalsRefreshedAt = 0;
        return false;
      }
      if (jobs.length < BATCH_SIZE && this.options.lingerMs) {
        this.lingerUntil.set(portalId, Date.now() + this.options.lingerMs);
      }
    } finally {
      this.claiming.delete(portalId);
    }
    const ids = jobs.map((j) => j.id);
    if (!this.running) {
      // Claimed while stopping began: hand them straight back rather than start a batch the drain may cut short.
      limiter.release(stamp);
      await retryJobs(this.db, ids, 0, 'released: the server shut down before the batch started', true);
      return false;
    }
    this.inFlight.add(ids);
    try {
      await this.process(portalId, jobs, stamp, claim);
    } finally {
      this.inFlight.delete(ids);
    }
    return true;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.tick();
      } catch (error) {
        this.log.error('sync.tick_failed', errorFields(error));
      }
      if (!worked) await new Promise((r) => setTimeout(r, this.options.idleMs));
    }
  }

  private async pickPortal(): Promise<number | undefined> {
    if (Date.now() - this.portalsRefreshedAt > 500) {
      this.portals = await portalsWithDueJobs(this.db);
      this.portalsRefreshedAt = Date.now();
    }
    if (this.portals.length === 0) return undefined;
    this.nextPortal = (this.nextPortal + 1) % this.portals.length;
    return this.portals[this.nextPortal];
  }

  private async process(portalId: number, jobs: ClaimedJob[], stamp: number, claim: string): Promise<void> {
    const slot = new HeldSlot(this.hubspot, portalId, stamp);
    const outcome = new BatchOutcome();
    try {
      const records = coalesce(jobs);
      const events = engagementsOf(jobs);
      await this.addStoredProperties(
        portalId,
        records,
        events.length > 0,
        jobs.some((j) => j.kind === 'persona.upsert'),
      );
      const ids = await this.upsertContacts(portalId, records, slot, outcome);
      // Only events whose contact was written (and whose job has not failed) go on; the others wait with their contact.
      const ready = events.filter((e) => !outcome.failed.has(e.jobId));
      for (const event of ready.filter((e) => !ids.has(e.email))) {
        outcome.fail([event.jobId], {
          reason: 'engagements: the contact is not resolved in HubSpot yet',
          retryable: true,
        });
      }
      const resolved = ready.filter((e) => ids.has(e.email));
      if (resolved.length > 0) {
        await this.createEngagements(portalId, resolved, ids, outcome, claim);
        await this.writeResultObjects(
          portalId,
          resolved.filter((e) => !outcome.failed.has(e.jobId)),
          ids,
          outcome,
        );
      }
      const done = jobs.filter((j) => !outcome.failed.has(j.id));
      const doneEmails = new Set(done.map((j) => j.contactKey));
      await runProcedure(
        this.db,
        'finishBatch',
        portalId,
        done.map((j) => j.id),
        [...ids].filter(([email]) => doneEmails.has(email)),
      );
    } catch (error) {
      // The batch as a whole failed (a 5xx, 429 or cut connection on a request for all of it, or our own database).
      const failure = failureOf(error, outcome.stage);
      outcome.fail(
        jobs.filter((j) => !outcome.failed.has(j.id)).map((j) => j.id),
        failure,
      );
    } finally {
      slot.release();
    }
    await this.settle(jobs, outcome);
  }

  /**
   * Properties that come from the local view at send time, so HubSpot gets the current whole and not a job's slice:
   * campaign roll-ups (event count, last event; the view counted every accepted event) and the persona's evidence
   * JSON (confidence and source of every merged field; computed in SQL so only the small result crosses over).
   */
  private async addStoredProperties(
    portalId: number,
    records: ContactRecord[],
    rollups: boolean,
    evidence: boolean,
  ): Promise<void> {
    if (!rollups && !evidence) return;
    const { rows } = await this.db.query<{
      email: string;
      event_count: number;
      last_event_at: Date | null;
      evidence: Record<string, { confidence: number; source: string }> | null;
    }>(
      `SELECT email, event_count, last_event_at,
              CASE WHEN $3 THEN (SELECT jsonb_object_agg(f.key, jsonb_build_object('confidence', f.value->'confidence',
                                       'source', f.value->'source'))
                                  FROM jsonb_each(persona->'fields') AS f) END AS evidence
         FROM contact_personas WHERE portal_id = $1 AND email = ANY($2::text[])`,
      [portalId, records.map((r) => r.email), evidence],
    );
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    for (const record of records) {
      const row = byEmail.get(record.email);
      if (!row) continue;
      if (evidence && row.evidence) record.properties.closer_persona_fields_json = fieldsJson({ fields: row.evidence });
      if (!rollups || row.event_count === 0) continue;
      record.properties.closer_campaign_events = String(row.event_count);
      if (row.last_event_at) record.properties.closer_last_campaign_event_at = row.last_event_at.toISOString();
    }
  }

  /**
   * Writes the contacts: records that name their HubSpot id are updated by id (the persona was built on that record,
   * whatever its email now is); the rest, and ids HubSpot no longer knows (deleted or merged away), are upserted by
   * email. The first request uses the slot the batch already holds. A record HubSpot refuses (in a 207's errors, or
   * alone in a 400) fails alone; the others are written.
   */
  private async upsertContacts(
    portalId: number,
    records: ContactRecord[],
    slot: HeldSlot,
    outcome: BatchOutcome,
  ): Promise<Map<string, string>> {
    outcome.stage = 'contacts';
    const ids = new Map<string, string>();
    const failRecord = (record: ContactRecord, failure: Failure) => outcome.fail(record.jobIds, failure);
    let byEmail = records.filter((r) => r.hubspotContactId === undefined);
    const byId = records.filter((r) => r.hubspotContactId !== undefined);
    if (byId.length > 0) {
      const fallback: ContactRecord[] = [];
      await isolating(
        byId,
        async (part) => {
          const { body } = await slot.request<BatchAnswer>('POST', '/crm/v3/objects/contacts/batch/update', {
            inputs: part.map((r) => ({ id: r.hubspotContactId, properties: r.properties })),
          });
          const updated = new Set((body.results ?? []).map((r) => r.id));
          const errors = errorsById(body);
          for (const record of part) {
            const id = record.hubspotContactId ?? '';
            const error = errors.get(id);
            if (updated.has(id)) ids.set(record.email, id);
            // Deleted or merged away: the contact is found (or created) by email instead.
            else if (!error || error.category === 'OBJECT_NOT_FOUND') fallback.push(record);
            else failRecord(record, recordFailure('contacts', error));
          }
        },
        (record, error) => failRecord(record, failureOf(error, 'contacts')),
      );
      byEmail = [...byEmail, ...fallback];
    }
    if (byEmail.length > 0) {
      await isolating(
        byEmail,
        async (part) => {
          const { body } = await slot.request<BatchAnswer>('POST', '/crm/v3/objects/contacts/batch/upsert', {
            // `email` among the properties too: HubSpot's answer lists the properties a request wrote, so each result
            // names the contact it belongs to. Nothing guarantees results come back in input order.
            inputs: part.map((r) => ({
              idProperty: 'email',
              id: r.email,
              properties: { ...r.properties, email: r.email },
            })),
          });
          for (const result of body.results ?? []) {
            const email = result.properties?.email;
            if (email) ids.set(email.toLowerCase(), result.id);
          }
          const errors = errorsById(body);
          for (const record of part) {
            const error = errors.get(record.email) ?? errors.get(record.email.toLowerCase());
            if (error) failRecord(record, recordFailure('contacts', error));
          }
        },
        (record, error) => failRecord(record, failureOf(error, 'contacts')),
      );
      // Written but not named in the answer: read their ids by email before giving up on them.
      const unnamed = byEmail.filter((r) => !ids.has(r.email) && !r.jobIds.some((id) => outcome.failed.has(id)));
      if (unnamed.length > 0) {
        const { body } = await slot.request<BatchAnswer>('POST', '/crm/v3/objects/contacts/batch/read', {
          idProperty: 'email',
          properties: ['email'],
          inputs: unnamed.map((r) => ({ id: r.email })),
        });
        for (const result of body.results ?? []) {
          const email = result.properties?.email;
          if (email) ids.set(email.toLowerCase(), result.id);
        }
        for (const record of unnamed.filter((r) => !ids.has(r.email))) {
          failRecord(record, { reason: 'contacts: HubSpot did not name the contact it wrote', retryable: true });
        }
      }
    }
    return ids;
  }

  /**
   * Creates notes/emails associated with their contact, each at most once. Our own record per event decides
   * (engagement_writes): an event confirmed created is skipped; one whose create answer was lost is looked up by
   * closer_event_id through HubSpot's search (its own limiter), and only once HubSpot's indexing lag has passed since
   * that request, since a search too soon can miss a record that exists.
   */
  private async createEngagements(
    portalId: number,
    events: EngagementInput[],
    ids: Map<string, string>,
    outcome: BatchOutcome,
    claim: string,
  ): Promise<void> {
    outcome.stage = 'engagements';
    const writes = await readWrites(
      this.db,
      portalId,
      events.map((e) => e.eventId),
    );
    const todo: EngagementInput[] = [];
    // Lookups are slow (a few searches a second): a batch that spent a quarter of its lease on them defers the rest,
    // so it finishes well within its lease. One that outlived it would be claimed again while still running, and two
    // batches would then look up and create the same events at once.
    const lookupDeadline = Date.now() + this.options.leaseMs / 4;
    let lookups = 0;
    for (const event of events) {
      const write = writes.get(event.eventId);
      if (write?.state === 'created') continue;
      // No record: no create request for it ever left (the record is written before one does).
      if (write === undefined) {
        todo.push(event);
        continue;
      }
      if (write.sentAgoMs < this.searchLagGuardMs) {
        outcome.fail([event.jobId], {
          reason: 'engagements: waiting for HubSpot search to index an earlier attempt',
          retryable: true,
          waitMs: this.searchLagGuardMs - write.sentAgoMs,
        });
        continue;
      }
      if (lookups > 0 && Date.now() > lookupDeadline) {
        outcome.fail([event.jobId], {
          reason: 'engagements: lookup deferred to the next batch',
          retryable: true,
          waitMs: 0,
        });
        continue;
      }
      lookups += 1;
      // Pending: did the request whose answer was lost create it?
      try {
        const { body } = await this.hubspot.request<{ total: number; results?: { id: string }[] }>(
          portalId,
          'POST',
          `/crm/v3/objects/${event.type}/search`,
          {
            filterGroups: [{ filters: [{ propertyName: 'closer_event_id', operator: 'EQ', value: event.eventId }] }],
            properties: ['closer_event_id'],
            limit: 1,
          },
          { search: true },
        );
        const found = body.results?.[0]?.id;
        if (found) await markCreated(this.db, portalId, [[event.eventId, found]]);
        else todo.push(event);
      } catch (error) {
        // A throttled search counts as an attempt like any failure: after the usual limit, a dead letter with the reason.
        outcome.fail([event.jobId], { ...failureOf(error, 'engagements (search)'), throttled: false });
      }
    }
    for (const type of ['notes', 'emails'] as const) {
      const batch = todo.filter((e) => e.type === type);
      if (batch.length === 0) continue;
      await isolating(
        batch,
        async (whole) => {
          // Creating is the one write that is not idempotent: only for jobs this batch still holds, with their lease
          // renewed, so no other batch can claim them while the request is out.
          const owned = await renewLease(
            this.db,
            whole.map((e) => e.jobId),
            claim,
            this.options.leaseMs,
          );
          const part = whole.filter((e) => owned.has(e.jobId));
          for (const event of whole.filter((e) => !owned.has(e.jobId))) {
            outcome.fail([event.jobId], { reason: 'engagements: lease lost', retryable: true, leaseLost: true });
          }
          if (part.length === 0) return;
          await markPending(this.db, portalId, part);
          let answer: { body: BatchAnswer };
          try {
            answer = await this.hubspot.request<BatchAnswer>(
              portalId,
              'POST',
              `/crm/v3/objects/${type}/batch/create`,
              {
                inputs: part.map((e) => ({
                  properties: e.properties,
                  // Names the input in HubSpot's answer, result or error (spec: SimplePublicObjectInputForCreate).
                  objectWriteTraceId: e.eventId,
                  associations: [
                    {
                      to: { id: ids.get(e.email) },
                      types: [
                        { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: ENGAGEMENT_TO_CONTACT[type] },
                      ],
                    },
                  ],
                })),
              },
              { paced: true },
            );
          } catch (error) {
            // An answer that refused the request means nothing was created; no answer leaves the rows pending.
            if (error instanceof HubSpotError && error.status >= 400 && error.status < 500) {
              await forgetPending(
                this.db,
                portalId,
                part.map((e) => e.eventId),
              );
            }
            throw error;
          }
          const created: [string, string][] = [];
          for (const result of answer.body.results ?? []) {
            const eventId = result.objectWriteTraceId ?? result.properties?.closer_event_id;
            if (eventId) created.push([eventId, result.id]);
          }
          await markCreated(this.db, portalId, created);
          const createdIds = new Set(created.map(([eventId]) => eventId));
          const errors = errorsById(answer.body);
          const refused: string[] = [];
          for (const event of part.filter((e) => !createdIds.has(e.eventId))) {
            const error = errors.get(event.eventId);
            if (error) refused.push(event.eventId);
            outcome.fail(
              [event.jobId],
              error
                ? recordFailure('engagements', error)
                : { reason: 'engagements: HubSpot did not confirm the record', retryable: true },
            );
          }
          await forgetPending(this.db, portalId, refused);
        },
        (event, error) => outcome.fail([event.jobId], failureOf(error, 'engagements')),
      );
    }
  }

  /**
   * On portals whose setup created the campaign-result custom object (Enterprise), each result is also upserted as
   * a record by its event id and associated with its contact; both calls are idempotent, so a retried batch repeats
   * them harmlessly. Other tiers keep the notes alone.
   */
  private async writeResultObjects(
    portalId: number,
    events: EngagementInput[],
    ids: Map<string, string>,
    outcome: BatchOutcome,
  ) {
    outcome.stage = 'custom-object';
    const results = events.flatMap((e) => (e.result && ids.has(e.email) ? [{ ...e, result: e.result }] : []));
    if (results.length === 0) return;
    const objectTypeId = await this.resultObjectType(portalId);
    if (objectTypeId === undefined) return;
    const recordOf = new Map<string, string>();
    await isolating(
      results,
      async (part) => {
        const { body } = await this.hubspot.request<BatchAnswer>(
          portalId,
          'POST',
          `/crm/v3/objects/${objectTypeId}/batch/upsert`,
          {
            inputs: part.map((e) => ({
              idProperty: 'closer_event_id',
              id: e.eventId,
              properties: resultObjectProperties(e.eventId, e.occurredAt, e.result),
            })),
          },
          { paced: true },
        );
        for (const r of body.results ?? []) {
          const eventId = r.properties?.closer_event_id;
          if (eventId) recordOf.set(eventId, r.id);
        }
        const errors = errorsById(body);
        for (const e of part.filter((x) => !recordOf.has(x.eventId))) {
          const error = errors.get(e.eventId);
          outcome.fail(
            [e.jobId],
            error
              ? recordFailure('custom-object', error)
              : { reason: 'custom-object: HubSpot did not confirm the record', retryable: true },
          );
        }
      },
      (e, error) => outcome.fail([e.jobId], failureOf(error, 'custom-object')),
    );
    const links = results.flatMap((e) => {
      const from = recordOf.get(e.eventId);
      const to = ids.get(e.email);
      return from && to ? [{ from: { id: from }, to: { id: to } }] : [];
    });
    if (links.length === 0) return;
    await this.hubspot.request(
      portalId,
      'POST',
      `/crm/v4/associations/${objectTypeId}/contacts/batch/associate/default`,
      { inputs: links },
      // HubSpot exempts default associations from the ten-second limit; they take no slot.
      { exempt: true },
    );
  }

  /** The portal's campaign-result object type, from its setup; read once a minute at most. */
  private async resultObjectType(portalId: number): Promise<string | undefined> {
    const cached = this.objectTypes.get(portalId);
    if (cached && Date.now() - cached.at < 60_000) return cached.typeId;
    const { rows } = await this.db.query<{ type_id: string | null }>(
      "SELECT setup->>'customObjectTypeId' AS type_id FROM installs WHERE portal_id = $1",
      [portalId],
    );
    const typeId = rows[0]?.type_id ?? undefined;
    this.objectTypes.set(portalId, { typeId, at: Date.now() });
    return typeId;
  }

  /**
   * Records each job's outcome: delivered jobs were finished already; each failed job is retried or dead-lettered on
   * its own attempt count (a fresh job next to one on its last attempt gets its own retries), with its own reason.
   */
  private async settle(jobs: ClaimedJob[], outcome: BatchOutcome): Promise<void> {
    const retries = new Map<string, { ids: string[]; delay: number; reason: string; refund: boolean }>();
    const dead = new Map<string, string[]>();
    const backoffs = new Map<number, number>();
    const backoffOf = (attempts: number) => {
      const delay = backoffs.get(attempts) ?? backoffMs(attempts);
      backoffs.set(attempts, delay);
      return delay;
    };
    for (const job of jobs) {
      const failure = outcome.failed.get(job.id);
      // A job whose lease another batch took is that batch's to settle.
      if (!failure || failure.leaseLost) continue;
      const refund = failure.throttled === true || failure.waitMs !== undefined;
      if (failure.retryable && (refund || job.attempts < this.options.maxAttempts)) {
        // One jittered delay per attempt count: jobs of a batch that failed together stay together, instead of
        // coming back one by one as batches of a few (which spent the rate limit on small batches).
        const delay = failure.waitMs ?? (failure.throttled ? 1_000 : backoffOf(job.attempts));
        const key = `${delay}\u0000${failure.reason}\u0000${refund}`;
        const group = retries.get(key) ?? { ids: [], delay, reason: failure.reason, refund };
        group.ids.push(job.id);
        retries.set(key, group);
      } else {
        const reason = failure.retryable
          ? `${failure.reason} (gave up after ${job.attempts} attempts)`
          : failure.reason;
        dead.set(reason, [...(dead.get(reason) ?? []), job.id]);
      }
    }
    for (const group of retries.values()) {
      this.log.warn('sync.jobs_retry', { jobs: group.ids.length, delay: group.delay, reason: group.reason });
      await retryJobs(this.db, group.ids, group.delay, group.reason, group.refund);
    }
    for (const [reason, ids] of dead) {
      this.log.error('sync.jobs_dead', { jobs: ids.length, reason });
      await deadLetter(this.db, ids, reason);
    }
  }
}

/** Why a job failed this time, and whether another attempt may succeed. */
interface Failure {
  reason: string;
  retryable: boolean;
  /** HubSpot's ten-second window was full (429): not the job's fault, the attempt is refunded. */
  throttled?: boolean;
  /** Not a failure but a wait (search indexing): retry after this long, attempt refunded. */
  waitMs?: number;
  /** The job's lease lapsed and another batch claimed it: leave it alone. */
  leaseLost?: boolean;
}

/** Per job, the first failure of this batch; jobs absent from it were delivered. */
class BatchOutcome {
  readonly failed = new Map<string, Failure>();
  stage = 'contacts';

  fail(jobIds: string[], failure: Failure): void {
    for (const id of jobIds) if (!this.failed.has(id)) this.failed.set(id, failure);
  }
}

function failureOf(error: unknown, stage: string): Failure {
  const hubspotError = error instanceof HubSpotError ? error : new HubSpotError(0, String(error));
  return {
    reason: `${stage}: ${error instanceof Error ? error.message : String(error)}`,
    retryable: hubspotError.retryable,
    // The ten-second window's 429 is refunded; a search 429 is not (its caller says so), or it would retry forever.
    throttled: hubspotError.status === 429,
  };
}

/** A record's error in a 207 answer: a validation problem is final, anything else (HubSpot's own trouble) is retried. */
function recordFailure(stage: string, error: RecordError): Failure {
  const final = new Set(['VALIDATION_ERROR', 'INVALID_EMAIL', 'PROPERTY_DOESNT_EXIST', 'INVALID_OPTION', 'CONFLICT']);
  return {
    reason: `${stage}: HubSpot refused the record: ${error.category ?? 'error'}: ${error.message ?? ''}`,
    retryable: !final.has(error.category ?? ''),
  };
}

interface RecordError {
  category?: string;
  message?: string;
  context?: { ids?: string[]; objectWriteTraceId?: string[] };
}

interface BatchAnswer {
  results?: { id: string; properties?: Record<string, string | null>; objectWriteTraceId?: string }[];
  errors?: RecordError[];
}

/** A batch answer's errors by the id each names (context.ids, or the objectWriteTraceId of a create). */
function errorsById(body: BatchAnswer): Map<string, RecordError> {
  const out = new Map<string, RecordError>();
  for (const error of body.errors ?? []) {
    for (const id of [...(error.context?.ids ?? []), ...(error.context?.objectWriteTraceId ?? [])]) out.set(id, error);
  }
  return out;
}

/**
 * Sends a batch; when HubSpot refuses it whole with a 400 (one bad input refuses all of them), splits it in halves
 * and sends each, down to the inputs it refuses alone, which go to `refuse`. log2(100) splits find one bad record
 * in a full batch with about 14 requests instead of failing 99 good ones.
 */
async function isolating<T>(
  inputs: T[],
  send: (part: T[]) => Promise<void>,
  refuse: (input: T, error: HubSpotError) => void,
): Promise<void> {
  try {
    await send(inputs);
  } catch (error) {
    if (!(error instanceof HubSpotError) || error.status !== 400) throw error;
    if (inputs.length === 1) {
      refuse(inputs[0] as T, error);
      return;
    }
    const half = Math.ceil(inputs.length / 2);
    await isolating(inputs.slice(0, half), send, refuse);
    await isolating(inputs.slice(half), send, refuse);
  }
}

/**
 * The rate-limit slot a batch claimed with: its first request uses it, later ones take paced slots. When the first
 * request never leaves (no access token) or the batch fails before any request, the slot goes back: a slot kept would
 * hold the limiter, which lets one request at a time through until HubSpot's first answer, shut for good.
 */
class HeldSlot {
  constructor(
    private readonly hubspot: HubSpotClient,
    private readonly portalId: number,
    private stamp: number | undefined,
  ) {}

  async request<T>(method: string, path: string, body: unknown): Promise<{ body: T }> {
    const stamp = this.stamp;
    this.stamp = undefined;
    try {
      return await this.hubspot.request<T>(
        this.portalId,
        method,
        path,
        body,
        stamp === undefined ? { paced: true } : { slotStamp: stamp },
      );
    } catch (error) {
      if (stamp !== undefined && error instanceof NoAccessTokenError)
        this.hubspot.limiter(this.portalId).release(stamp);
      throw error;
    }
  }

  release(): void {
    if (this.stamp !== undefined) this.hubspot.limiter(this.portalId).release(this.stamp);
    this.stamp = undefined;
  }
}
