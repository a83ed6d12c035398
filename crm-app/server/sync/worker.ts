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
import { HubSpotError, type HubSpotClient } from '../hubspot/hubspot-client';
import { fieldsJson } from './properties';
import { deadLetter, portalsWithDueJobs, retryJobs, type ClaimedJob } from './jobs';
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
}

interface UpsertResult {
  id: string;
  properties: Record<string, string | null>;
}

export class SyncWorker {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly id = `w-${process.pid}-${randomUUID().slice(0, 8)}`;
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
        WHERE id = ANY($1::bigint[]) AND status = 'running' AND claimed_by = $2
        RETURNING id`,
      [ids, this.id, 'released: the server shut down before the batch finished'],
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
    try {
      // Paced: a backlog's batches spread over HubSpot's window instead of all leaving at once, every window.
      stamp = await limiter.acquire({ paced: true });
      // Stopping may have begun while this loop waited for a slot: claim nothing more.
      if (!this.running) {
        limiter.release(stamp);
        return false;
      }
      jobs = await runProcedure(this.db, 'claimJobs', portalId, BATCH_SIZE, this.options.leaseMs, this.id);
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
      await this.process(portalId, jobs, stamp);
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

  private async process(portalId: number, jobs: ClaimedJob[], stamp: number): Promise<void> {
    const records = coalesce(jobs);
    const events = engagementsOf(jobs);
    let stage = 'contacts';
    try {
      await this.addStoredProperties(
        portalId,
        records,
        events.length > 0,
        jobs.some((j) => j.kind === 'persona.upsert'),
      );
      const ids = await this.upsertContacts(portalId, records, stamp);
      if (events.length > 0) {
        stage = 'engagements';
        await this.createEngagements(portalId, events, ids, jobs);
        stage = 'custom-object';
        await this.writeResultObjects(portalId, events, ids);
      }
      await runProcedure(
        this.db,
        'finishBatch',
        portalId,
        jobs.map((j) => j.id),
        [...ids],
      );
    } catch (error) {
      await this.fail(jobs, error, stage);
    }
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
   * email. The first request uses the slot the batch already holds.
   */
  private async upsertContacts(
    portalId: number,
    records: ContactRecord[],
    stamp: number,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    let slot: number | undefined = stamp;
    const opts = () => {
      const taken = slot;
      slot = undefined;
      // Every request of a batch is paced, not only its first: with only the first paced, a batch's note creation after
      // its upsert would double the rate the pacing allows, and the window's budget would go in its first half.
      return taken === undefined ? { paced: true } : { slotStamp: taken };
    };
    let byEmail = records.filter((r) => r.hubspotContactId === undefined);
    const byId = records.filter((r) => r.hubspotContactId !== undefined);
    if (byId.length > 0) {
      const { body } = await this.hubspot.request<{
        results?: UpsertResult[];
        errors?: { context?: { ids?: string[] } }[];
      }>(
        portalId,
        'POST',
        '/crm/v3/objects/contacts/batch/update',
        { inputs: byId.map((r) => ({ id: r.hubspotContactId, properties: r.properties })) },
        opts(),
      );
      const updated = new Set((body.results ?? []).map((r) => r.id));
      for (const record of byId) {
        if (record.hubspotContactId && updated.has(record.hubspotContactId))
          ids.set(record.email, record.hubspotContactId);
        else byEmail = [...byEmail, record];
      }
    }
    if (byEmail.length > 0) {
      const { body } = await this.hubspot.request<{ results: UpsertResult[] }>(
        portalId,
        'POST',
        '/crm/v3/objects/contacts/batch/upsert',
        { inputs: byEmail.map((r) => ({ idProperty: 'email', id: r.email, properties: r.properties })) },
        opts(),
      );
      for (const result of body.results ?? []) {
        const email = result.properties.email;
        if (email) ids.set(email.toLowerCase(), result.id);
      }
    }
    if (slot !== undefined) this.hubspot.limiter(portalId).release(slot);
    return ids;
  }

  /**
   * Creates notes/emails associated with their contact. A retried job may already have created its engagement
   * (the answer was lost): those are looked up by closer_event_id first, so nothing is created twice.
   */
  private async createEngagements(
    portalId: number,
    events: EngagementInput[],
    ids: Map<string, string>,
    jobs: ClaimedJob[],
  ) {
    const retried = new Set(jobs.filter((j) => j.attempts > 1).map((j) => j.id));
    let todo = events;
    if (retried.size > 0) {
      const existing = new Set<string>();
      for (const event of events.filter((e) => retried.has(e.jobId))) {
        const { body } = await this.hubspot.request<{ total: number }>(
          portalId,
          'POST',
          `/crm/v3/objects/${event.type}/search`,
          {
            filterGroups: [{ filters: [{ propertyName: 'closer_event_id', operator: 'EQ', value: event.eventId }] }],
            limit: 1,
          },
          { exempt: true },
        );
        if (body.total > 0) existing.add(event.eventId);
      }
      todo = events.filter((e) => !existing.has(e.eventId));
    }
    for (const type of ['notes', 'emails'] as const) {
      const batch = todo.filter((e) => e.type === type);
      if (batch.length === 0) continue;
      await this.hubspot.request(
        portalId,
        'POST',
        `/crm/v3/objects/${type}/batch/create`,
        {
          inputs: batch.map((e) => ({
            properties: e.properties,
            associations: [
              {
                to: { id: ids.get(e.email) },
                types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: ENGAGEMENT_TO_CONTACT[type] }],
              },
            ],
          })),
        },
        { paced: true },
      );
    }
  }

  /**
   * On portals whose setup created the campaign-result custom object (Enterprise), each result is also upserted as
   * a record by its event id and associated with its contact; both calls are idempotent, so a retried batch repeats
   * them harmlessly. Other tiers keep the notes alone.
   */
  private async writeResultObjects(portalId: number, events: EngagementInput[], ids: Map<string, string>) {
    const results = events.flatMap((e) => (e.result && ids.has(e.email) ? [{ ...e, result: e.result }] : []));
    if (results.length === 0) return;
    const objectTypeId = await this.resultObjectType(portalId);
    if (objectTypeId === undefined) return;
    const { body } = await this.hubspot.request<{ results: UpsertResult[] }>(
      portalId,
      'POST',
      `/crm/v3/objects/${objectTypeId}/batch/upsert`,
      {
        inputs: results.map((e) => ({
          idProperty: 'closer_event_id',
          id: e.eventId,
          properties: resultObjectProperties(e.eventId, e.occurredAt, e.result),
        })),
      },
      { paced: true },
    );
    const recordOf = new Map((body.results ?? []).map((r) => [r.properties.closer_event_id, r.id]));
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

  private async fail(jobs: ClaimedJob[], error: unknown, stage: string): Promise<void> {
    const ids = jobs.map((j) => j.id);
    const hubspotError = error instanceof HubSpotError ? error : new HubSpotError(0, String(error));
    const reason = `${stage}: ${hubspotError.message}`;
    const attempts = Math.max(...jobs.map((j) => j.attempts));
    if (hubspotError.retryable && (hubspotError.status === 429 || attempts < this.options.maxAttempts)) {
      const delay = hubspotError.status === 429 ? 1_000 : backoffMs(attempts);
      this.log.warn('sync.batch_retry', { status: hubspotError.status, jobs: ids.length, delay, stage });
      await retryJobs(this.db, ids, delay, reason, hubspotError.status === 429);
    } else {
      this.log.error('sync.batch_dead', { status: hubspotError.status, jobs: ids.length, stage, reason });
      await deadLetter(this.db, ids, reason);
    }
  }
}
