import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createHostService } from '../host-service';
import { createPersonaBuildHandlers } from './persona-build-handlers';
import { TestEngine } from '../../../shared/common/llm/test-engine';
import { personaDraft } from '../../../shared/common/llm/structured/persona-fixtures';
import { PROTOCOL } from '../../../shared/common/protocol/envelopes';
import { openCloserDb } from '../../storage/db';
import { DB_VERSION } from '../../storage/migrations';
import type { BuildPersonaResult } from '../../messaging/persona-methods';

let n = 0;
async function setup() {
  const db = await openCloserDb(DB_VERSION, `persona-test-${++n}-${Math.random()}`);
  const host = createHostService({
    createEngine: async (e, script) => new TestEngine(e.model, script),
    generatingHandlers: [createPersonaBuildHandlers({ db: async () => db })],
  });
  const call = async (method: string, params: unknown) => {
    const res = await host.route({ protocol: PROTOCOL, kind: 'request', id: `r${Math.random()}`, method, params });
    if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
    return res.result;
  };
  const script = (reply: string) => call('host.testScript', { rules: [{ match: 'persona', reply }], faults: [] });
  return { db, host, call, script };
}

const contact = {
  portalId: '12345',
  contactId: '678',
  email: 'jane@example.com',
  properties: { firstname: 'Jane', lastname: 'Doe', jobtitle: 'Head of Revenue Operations', lifecyclestage: 'lead' },
  engagements: [],
};
const GOOD = JSON.stringify(
  personaDraft({
    role: { value: 'Head of Revenue Operations', confidence: 0.95, source: 'crm' },
    seniority: { value: 'director', confidence: 0.8, source: 'inferred' },
    painPoints: [{ value: 'Manual pipeline reports', confidence: 0.7, source: 'thread' }],
  }),
);
const TEST_ENGINE = { engine: 'test', model: 'test-model' };
const build = (call: (m: string, p: unknown) => Promise<unknown>, extra: object = {}) =>
  call('host.buildPersona', {
    requestId: `b${Math.random()}`.slice(0, 20),
    contact,
    expect: TEST_ENGINE,
    fallback: 'none',
    ...extra,
  }) as Promise<BuildPersonaResult>;

describe('host.buildPersona', () => {
  it('builds a persona with the model, keeps each field source, stores it as a draft', async () => {
    const { db, call, script } = await setup();
    await db.put('messages', {
      id: 'm1',
      threadId: 't',
      contactId: 'jane@example.com',
      intent: 'objection_price',
      analysedAt: 5,
    });
    await script(GOOD);
    const res = await build(call);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.persona).toMatchObject({
      key: 'hs:12345:678',
      origin: 'llm',
      status: 'draft',
      promptVersion: 'persona@1',
    });
    expect(res.persona.fields.role).toEqual({
      value: 'Head of Revenue Operations',
      confidence: 0.95,
      source: 'crm:jobtitle',
      approved: false,
    });
    expect(res.persona.fields.painPoints?.source).toBe('thread');
    expect((await db.get('personas', 'hs:12345:678'))?.fields.seniority?.value).toBe('director');
  });

  it('rejects a persona that infers a protected attribute, with a clear message, and stores nothing', async () => {
    const { db, call, script } = await setup();
    await script(
      JSON.stringify({
        ...JSON.parse(GOOD),
        interests: [{ value: 'Her religion and church events', confidence: 0.6, source: 'inferred' }],
      }),
    );
    const res = await build(call);
    expect(res).toMatchObject({ ok: false, error: { kind: 'protected_attribute' } });
    if (res.ok) return;
    expect(res.error.message).toContain('religion');
    expect(res.error.message).toContain('Nothing was saved or queued');
    expect(await db.count('personas')).toBe(0);
  });

  it('rejects a broken schema and a cut-off answer', async () => {
    const { db, call, script } = await setup();
    await script('{"role": "Head of RevOps"}');
    expect(await build(call)).toMatchObject({ ok: false, error: { kind: 'schema' } });
    await script(`{"role": {"value": "${'very '.repeat(1_500)}`);
    expect(await build(call)).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    expect(await db.count('personas')).toBe(0);
  });

  it('falls back to rules when no generator exists, and says so when the fallback is off', async () => {
    const { call } = await setup();
    const auto = { engine: 'auto', model: '' };
    const res = await build(call, { expect: auto, fallback: 'rules' });
    expect(res).toMatchObject({ ok: true, persona: { origin: 'rules', fields: { seniority: { value: 'director' } } } });
    expect(await build(call, { expect: auto })).toMatchObject({ ok: false, error: { kind: 'no_generator' } });
  });

  it('completes an enrichment job exactly once, even when asked twice', async () => {
    const { db, call, script } = await setup();
    await script(GOOD);
    await db.put('enrichJobs', {
      id: 'job-1',
      batchId: 'b1',
      portalId: 12345,
      contactId: '678',
      status: 'running',
      attempts: 1,
      createdAt: 1,
      updatedAt: 1,
    });
    const [a, b] = await Promise.all([build(call, { jobId: 'job-1' }), build(call, { jobId: 'job-1' })]);
    const c = await build(call, { jobId: 'job-1' });
    expect([a.ok, b.ok, c.ok]).toEqual([true, true, true]);
    expect((await db.get('enrichJobs', 'job-1'))?.status).toBe('done');
    const events = (await db.getAll('events')).filter((e) => e.type === 'persona.enriched');
    expect(events).toHaveLength(1);
  });

  it('cancels a running build and keeps nothing', async () => {
    const db = await openCloserDb(DB_VERSION, `persona-cancel-${Math.random()}`);
    const host = createHostService({
      createEngine: async (e, script) => new TestEngine(e.model, script, { tokenDelayMs: 5 }),
      generatingHandlers: [createPersonaBuildHandlers({ db: async () => db })],
    });
    const route = (method: string, params: unknown) =>
      host.route({ protocol: PROTOCOL, kind: 'request', id: `r${Math.random()}`, method, params });
    await route('host.testScript', { rules: [{ match: 'persona', reply: GOOD }], faults: [] });
    const pending = route('host.buildPersona', { requestId: 'c1', contact, expect: TEST_ENGINE, fallback: 'none' });
    await new Promise((r) => setTimeout(r, 30));
    expect(await route('host.cancelPersona', { requestId: 'c1' })).toMatchObject({
      ok: true,
      result: { cancelled: true },
    });
    expect(await pending).toMatchObject({ ok: true, result: { ok: false, error: { kind: 'cancelled' } } });
    expect(await db.count('personas')).toBe(0);
  });
});
