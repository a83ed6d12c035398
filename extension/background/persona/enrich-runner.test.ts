import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createHostService } from '../../ai-host/host-service';
import { createPersonaBuildHandlers } from '../../ai-host/persona/persona-build-handlers';
import { TestEngine } from '../../../shared/common/llm/test-engine';
import { personaDraft } from '../../../shared/common/llm/structured/persona-fixtures';
import { PROTOCOL } from '../../../shared/common/protocol/envelopes';
import { openCloserDb } from '../../storage/db';
import { DB_VERSION } from '../../storage/migrations';
import { BuildPersonaResultSchema } from '../../messaging/persona-methods';
import { createEnrichRunner, MAX_ATTEMPTS, type EnrichDeps } from './enrich-runner';

const REPLY = JSON.stringify(personaDraft({ role: { value: 'Buyer', confidence: 0.7, source: 'crm' } }));

async function world() {
  const db = await openCloserDb(DB_VERSION, `enrich-${Math.random()}`);
  const host = createHostService({
    createEngine: async (e, script) => new TestEngine(e.model, script),
    generatingHandlers: [createPersonaBuildHandlers({ db: async () => db })],
  });
  const route = async (method: string, params: unknown) => {
    const res = await host.route({ protocol: PROTOCOL, kind: 'request', id: String(Math.random()), method, params });
    if (!res.ok) throw new Error(res.error.message);
    return res.result;
  };
  await route('host.testScript', { rules: [{ match: 'persona', reply: REPLY }], faults: [] });
  let paused = false;
  let alarm = false;
  let hostCalls = 0;
  const deps = (over: Partial<EnrichDeps> = {}): EnrichDeps => ({
    db: async () => db,
    buildPersona: async (params) => {
      hostCalls += 1;
      return BuildPersonaResultSchema.parse(await route('host.buildPersona', params));
    },
    fetchContact: async () => null,
    expect: async () => ({ engine: 'test', model: 'm' }),
    paused: { get: async () => paused, set: async (p) => void (paused = p) },
    alarm: { set: async () => void (alarm = true), clear: async () => void (alarm = false) },
    ...over,
  });
  return {
    db,
    deps,
    setPaused: (p: boolean) => (paused = p),
    alarmSet: () => alarm,
    hostCalls: () => hostCalls,
  };
}

const contacts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    contactId: String(1000 + i),
    email: `c${i}@example.com`,
    name: `Contact ${i}`,
    properties: { jobtitle: 'VP Sales' },
  }));

const enrichedEvents = async (w: Awaited<ReturnType<typeof world>>) =>
  (await w.db.getAll('events')).filter((e) => e.type === 'persona.enriched');

describe('bulk enrichment', () => {
  it('works through the queue one at a time, each job done once, with progress and review', async () => {
    const w = await world();
    const runner = createEnrichRunner(w.deps());
    const first = await runner.queue('12345', contacts(12));
    expect(first).toMatchObject({ queued: 12, skipped: 0 });
    expect(w.alarmSet()).toBe(true);
    // Queueing the same contacts while they are pending adds nothing.
    expect(await runner.queue('12345', contacts(3))).toMatchObject({ queued: 0, skipped: 3 });
    await runner.kick();
    const status = await runner.status();
    expect(status).toMatchObject({ total: 12, done: 12, left: 0, failed: 0, running: false });
    expect(w.alarmSet()).toBe(false);
    expect(await enrichedEvents(w)).toHaveLength(12);
    const review = await runner.review();
    expect(review.total).toBe(12);
    expect(review.personas[0]).toMatchObject({ status: 'draft', origin: 'llm', fields: { role: { value: 'Buyer' } } });
  });

  it('pauses, and a new worker resumes a job left running without doing any job twice', async () => {
    const w = await world();
    let built = 0;
    const pausing = createEnrichRunner(
      w.deps({
        buildPersona: async (params) => {
          built += 1;
          const res = await w.deps().buildPersona(params);
          if (built === 4) w.setPaused(true);
          return res;
        },
      }),
    );
    await pausing.queue('12345', contacts(10));
    await pausing.kick();
    expect(await pausing.status()).toMatchObject({ done: 4, left: 6, paused: true });

    // A worker that died mid-job: the next job is marked running, and nothing else happened.
    const [next] = await w.db.getAllFromIndex('enrichJobs', 'by-status', 'queued', 1);
    await w.db.put('enrichJobs', { ...next!, status: 'running', attempts: 1 });

    w.setPaused(false);
    const restarted = createEnrichRunner(w.deps());
    await restarted.kick();
    expect(await restarted.status()).toMatchObject({ done: 10, left: 0, failed: 0 });
    const events = await enrichedEvents(w);
    expect(events).toHaveLength(10);
    expect(new Set(events.map((e) => e.contactId)).size).toBe(10);
  });

  it('marks a job failed after repeated host failures, keeps going, and can retry', async () => {
    const w = await world();
    let failing = true;
    const runner = createEnrichRunner(
      w.deps({
        buildPersona: async (params) => {
          if (failing && params.contact.contactId === '1000') throw new Error('host gone');
          return w.deps().buildPersona(params);
        },
      }),
    );
    await runner.queue('12345', contacts(3));
    for (let i = 0; i < MAX_ATTEMPTS + 1; i++) await runner.kick();
    const status = await runner.status();
    expect(status).toMatchObject({ done: 2, failed: 1, left: 0 });
    expect(status.failures[0]).toMatchObject({ contactId: '1000', error: 'host gone' });
    failing = false;
    expect(await runner.retryFailed()).toEqual({ requeued: 1 });
    await runner.kick();
    expect(await runner.status()).toMatchObject({ done: 3, failed: 0 });
  });
});
