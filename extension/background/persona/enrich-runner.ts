import type { CrmContact } from '../../../shared/common/persona/crm';
import {
  viewOf,
  type BuildPersonaResult,
  type EnrichContact,
  type EnrichStatus,
  type PersonaView,
} from '../../messaging/persona-methods';
import type { Expectation } from '../../messaging/methods';
import type { CloserDb } from '../../storage/db';
import type { EnrichJobRecord } from '../../storage/schema';

/** A job as stored: the record plus what the list or search showed, the fallback when the backend is away. */
export type EnrichJob = EnrichJobRecord & { properties?: Record<string, string> };

/** Attempts per job before it is marked failed (each attempt is one host call that did not come back). */
export const MAX_ATTEMPTS = 3;
/** Done jobs the time-left estimate looks at. */
const ETA_WINDOW = 20;

export interface EnrichDeps {
  db: () => Promise<CloserDb>;
  /** host.buildPersona through the AI host connection. */
  buildPersona: (params: {
    requestId: string;
    contact: CrmContact;
    expect: Expectation;
    fallback: 'rules';
    jobId: string;
  }) => Promise<BuildPersonaResult>;
  /** The contact's CRM record through the companion backend; null when it cannot be had (offline, signed out). */
  fetchContact: (portalId: string, contactId: string) => Promise<CrmContact | null>;
  expect: () => Promise<Expectation>;
  paused: { get: () => Promise<boolean>; set: (paused: boolean) => Promise<void> };
  /** Wakes the worker while jobs are left (it outlives the worker and a browser restart). */
  alarm: { set: () => Promise<void>; clear: () => Promise<void> };
  now?: () => number;
  newId?: () => string;
}

/** What the job itself knows about the contact, as a CRM record. */
export function crmFromJob(job: EnrichJob): CrmContact {
  const [firstname, ...rest] = (job.name ?? '').split(' ');
  return {
    portalId: String(job.portalId),
    contactId: job.contactId,
    email: job.email ?? null,
    ...(job.name ? { name: job.name } : {}),
    properties: { ...(firstname ? { firstname, lastname: rest.join(' ') } : {}), ...job.properties },
    engagements: [],
  };
}

/**
 * Bulk enrichment, driven from the service worker and done by the AI host, one contact at a time. Every state
 * change is written to `enrichJobs` before the next step, so pausing, a killed worker or a browser restart resume
 * exactly where they stopped: a `running` job is picked up again first, and the host's transaction makes sure a job
 * completes (persona stored, job done) once. The alarm and the worker's start-up call `kick`.
 */
export function createEnrichRunner(deps: EnrichDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  let running: Promise<void> | null = null;

  async function nextJob(db: CloserDb): Promise<EnrichJob | undefined> {
    // Ids sort by queueing time, so each status index hands jobs out first in, first out.
    const [resumed] = await db.getAllFromIndex('enrichJobs', 'by-status', 'running', 1);
    if (resumed) return resumed;
    const [queued] = await db.getAllFromIndex('enrichJobs', 'by-status', 'queued', 1);
    return queued;
  }

  async function markFailed(db: CloserDb, job: EnrichJob, error: string) {
    const current = await db.get('enrichJobs', job.id);
    if (!current || current.status === 'done') return;
    await db.put('enrichJobs', { ...current, status: 'failed', error: error.slice(0, 500), updatedAt: now() });
  }

  async function loop(): Promise<void> {
    for (;;) {
      if (await deps.paused.get()) return;
      const db = await deps.db();
      const job = await nextJob(db);
      if (!job) {
        await deps.alarm.clear();
        return;
      }
      if (job.attempts >= MAX_ATTEMPTS) {
        await markFailed(db, job, `Stopped after ${MAX_ATTEMPTS} attempts: the AI host did not finish this contact.`);
        continue;
      }
      const attempt: EnrichJob = { ...job, status: 'running', attempts: job.attempts + 1, updatedAt: now() };
      await db.put('enrichJobs', attempt);
      const crm = (await deps.fetchContact(String(job.portalId), job.contactId).catch(() => null)) ?? crmFromJob(job);
      let result: BuildPersonaResult;
      try {
        result = await deps.buildPersona({
          requestId: newId().slice(0, 64),
          contact: crm,
          expect: await deps.expect(),
          fallback: 'rules',
          jobId: job.id,
        });
      } catch (err) {
        // The host is unreachable or restarting: the job stays `running` and the alarm tries again.
        if (attempt.attempts >= MAX_ATTEMPTS)
          await markFailed(db, attempt, String(err instanceof Error ? err.message : err));
        return;
      }
      if (!result.ok) await markFailed(db, attempt, result.error.message);
    }
  }

  /** Starts working through the queue unless already working (one runner per worker). */
  function kick(): Promise<void> {
    running ??= loop()
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
    return running;
  }

  async function status(): Promise<EnrichStatus> {
    const db = await deps.db();
    const count = (s: EnrichJobRecord['status']) => db.countFromIndex('enrichJobs', 'by-status', s);
    const [done, failed, queued, runningCount, total, paused] = await Promise.all([
      count('done'),
      count('failed'),
      count('queued'),
      count('running'),
      db.count('enrichJobs'),
      deps.paused.get(),
    ]);
    const left = queued + runningCount;
    let etaSeconds: number | null = null;
    if (left > 0 && done > 0) {
      const recent = (await db.getAllFromIndex('enrichJobs', 'by-status', 'done'))
        .sort((a, b) => b.updatedAt - a.updatedAt)
        .slice(0, ETA_WINDOW);
      const first = recent.at(-1) as EnrichJobRecord;
      const last = recent[0] as EnrichJobRecord;
      // The pace of the latest jobs (wall clock, fetch included); a single job's own time before that.
      const perJob =
        recent.length >= 2 && last.updatedAt > first.updatedAt
          ? (last.updatedAt - first.updatedAt) / (recent.length - 1)
          : (last.ms ?? 0);
      etaSeconds = Math.round((perJob * left) / 100) / 10;
    }
    const failures = (await db.getAllFromIndex('enrichJobs', 'by-status', 'failed'))
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, 20)
      .map((j) => ({ jobId: j.id, contactId: j.contactId, ...(j.name ? { name: j.name } : {}), error: j.error ?? '' }));
    return { paused, total, done, failed, left, running: running !== null, etaSeconds, failures };
  }

  async function queue(portalId: string, contacts: readonly EnrichContact[]) {
    const db = await deps.db();
    const batchId = `${now().toString(36)}-${newId().slice(0, 8)}`;
    const tx = db.transaction('enrichJobs', 'readwrite');
    const seen = new Set<string>();
    let queued = 0;
    let skipped = 0;
    for (const [i, c] of contacts.entries()) {
      const existing = await tx.store.index('by-contact').getAll(c.contactId);
      const active = existing.some(
        (j) => String(j.portalId) === portalId && (j.status === 'queued' || j.status === 'running'),
      );
      if (active || seen.has(c.contactId)) {
        skipped += 1;
        continue;
      }
      seen.add(c.contactId);
      const job: EnrichJob = {
        id: `${batchId}-${String(i).padStart(5, '0')}`,
        batchId,
        portalId: Number(portalId),
        contactId: c.contactId,
        ...(c.email ? { email: c.email.toLowerCase() } : {}),
        ...(c.name ? { name: c.name } : {}),
        ...(c.properties ? { properties: c.properties } : {}),
        status: 'queued',
        attempts: 0,
        createdAt: now(),
        updatedAt: now(),
      };
      await tx.store.put(job);
      queued += 1;
    }
    await tx.done;
    if (queued > 0) {
      await deps.alarm.set();
      void kick();
    }
    return { batchId, queued, skipped };
  }

  async function setPaused(paused: boolean) {
    await deps.paused.set(paused);
    if (!paused) {
      await deps.alarm.set();
      void kick();
    }
    return status();
  }

  async function retryFailed() {
    const db = await deps.db();
    const failed = await db.getAllFromIndex('enrichJobs', 'by-status', 'failed');
    for (const j of failed) {
      const retry: EnrichJobRecord = { ...j, status: 'queued', attempts: 0, updatedAt: now() };
      delete retry.error;
      await db.put('enrichJobs', retry);
    }
    if (failed.length > 0) {
      await deps.alarm.set();
      void kick();
    }
    return { requeued: failed.length };
  }

  /** Drafts made by enrichment that nobody reviewed yet, newest first. */
  async function review(limit = 200): Promise<{ personas: PersonaView[]; total: number }> {
    const db = await deps.db();
    const done = await db.getAllFromIndex('enrichJobs', 'by-status', 'done');
    const keys = [...new Set(done.map((j) => `hs:${j.portalId}:${j.contactId}`))];
    const records = await Promise.all(keys.map((k) => db.get('personas', k)));
    const drafts = records
      .filter((r) => r && r.status !== 'approved')
      .sort((a, b) => (b?.updatedAt ?? 0) - (a?.updatedAt ?? 0))
      .map((r) => viewOf(r as NonNullable<typeof r>))
      .filter((v): v is PersonaView => v !== null);
    return { personas: drafts.slice(0, limit), total: drafts.length };
  }

  return { kick, status, queue, setPaused, retryFailed, review };
}
export type EnrichRunner = ReturnType<typeof createEnrichRunner>;
