/**
 * Sync integrity against the sandbox, on both databases: every property the worker writes exists after portal setup,
 * 207 answers are honoured per record, a record HubSpot refuses is dead-lettered alone, attempts are per job, a lost
 * create answer never duplicates a note even with search lagging and throttled, and a batch without a token gives
 * its rate-limit slot back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../test-support/test-databases';
import { eventually, startHarness, type Harness } from '../test-support/app-harness';
import { personaItem } from '../test-support/personas';
import { enqueueCampaignEvents, enqueuePersonas } from './enqueue';
import { engagementsOf } from './batch';
import { CONTACT_PROPERTIES } from './properties';
import { migrate } from '../db/migrations';
import { HubSpotClient } from '../hubspot/hubspot-client';
import { SyncWorker } from './worker';
import { createLogger } from '../logger';
import type { ClaimedJob } from './jobs';

const PORTAL = 101;

interface JobRow {
  contact_key: string;
  status: string;
  attempts: number;
  last_error: string | null;
}

const event = (i: number, channel: 'note' | 'email' = 'note') => ({
  idempotencyKey: `ev-${i}`,
  email: `c${i}@x.io`,
  channel,
  ...(channel === 'email' ? { subject: `Subject ${i}` } : {}),
  body: `Result ${i}`,
  occurredAt: '2026-12-01T10:00:00.000Z',
});

describe.each(DATABASE_KINDS)('sync integrity on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const jobs = async () =>
    (
      await database().db.query<JobRow>(
        'SELECT contact_key, status, attempts, last_error FROM outbox_jobs ORDER BY contact_key, id',
      )
    ).rows;
  const settled = async () => (await jobs()).every((j) => j.status === 'succeeded' || j.status === 'dead');

  it('sets up every property the worker writes, on every object type, and delivers notes and emails', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }] });
    const h = harness;
    await h.install();
    const portal = h.sandbox.state.portals.get(PORTAL);
    const written = engagementsOf(
      [event(1, 'note'), event(2, 'email')].map((e, i): ClaimedJob => ({
        id: String(i),
        kind: 'campaign.event',
        attempts: 1,
        contactKey: e.email,
        payload: {
          eventId: e.idempotencyKey,
          channel: e.channel,
          subject: e.subject,
          body: e.body,
          occurredAt: e.occurredAt,
        },
      })),
    );
    for (const engagement of written) {
      const defined = portal?.engagementProperties[engagement.type];
      for (const name of Object.keys(engagement.properties))
        expect(defined?.has(name), `${engagement.type}.${name}`).toBe(true);
    }
    for (const property of CONTACT_PROPERTIES) expect(portal?.properties.has(property.name)).toBe(true);

    await enqueueCampaignEvents(database().db, PORTAL, [event(1, 'note'), event(2, 'email')]);
    await eventually(settled);
    expect((await jobs()).map((j) => j.status)).toEqual(['succeeded', 'succeeded']);
    expect(portal?.engagements.notes.size).toBe(1);
    expect(portal?.engagements.emails.size).toBe(1);
  });

  it('installs when the token answer lacks hub_id, reading the portal from the token info', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }], tokenResponseWithoutHubId: true });
    expect(await harness.install()).toMatchObject({ installed: true, portalId: PORTAL });
  });

  it('honours a 207 per record: the refused contact is dead-lettered alone, the others are delivered', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }] });
    const h = harness;
    await h.install();
    h.sandbox.state.faults.refuseRecords = ['c2@x.io'];
    await enqueueCampaignEvents(
      database().db,
      PORTAL,
      [1, 2, 3].map((i) => event(i)),
    );
    await eventually(settled);
    const rows = await jobs();
    expect(rows.map((j) => [j.contact_key, j.status])).toEqual([
      ['c1@x.io', 'succeeded'],
      ['c2@x.io', 'dead'],
      ['c3@x.io', 'succeeded'],
    ]);
    expect(rows[1]?.last_error).toContain('refused');
    const notes = [...(h.sandbox.state.portals.get(PORTAL)?.engagements.notes.values() ?? [])];
    expect(notes.map((n) => n.properties.closer_event_id).sort()).toEqual([`${PORTAL}:ev-1`, `${PORTAL}:ev-3`]);

    // The extension learns which items HubSpot has, and sees the dead letter with its reason.
    const token = await h.devToken(PORTAL);
    const api = (path: string, body?: unknown) =>
      fetch(`${h.server.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    const status = await api('/v1/sync/status', { keys: ['ev-1', 'ev-2', 'nope'] });
    expect(status.body.items).toEqual({
      'ev-1': { state: 'delivered' },
      'ev-2': { state: 'dead', reason: expect.stringContaining('refused') },
      nope: { state: 'unknown' },
    });
    const listed = (await api('/v1/sync/dead-letters')).body.deadLetters as { id: string; email: string }[];
    expect(listed.map((d) => d.email)).toEqual(['c2@x.io']);

    // The settings page (signed, with the userEmail hubspot.fetch appends) lists it too and sends it again.
    const query = `portalId=${PORTAL}&userId=7&userEmail=ada%2Bops%40x.io&appId=1`;
    const card = await h.signedFetch('GET', `/v1/card/dead-letters?${query}`);
    expect(card.status).toBe(200);
    expect(((await card.json()) as { deadLetters: unknown[] }).deadLetters).toHaveLength(1);
    h.sandbox.state.faults.refuseRecords = [];
    const retried = await h.signedFetch(
      'POST',
      `/v1/card/dead-letters/retry?${query}`,
      JSON.stringify({ ids: listed.map((d) => d.id) }),
    );
    expect(await retried.json()).toEqual({ retried: listed.map((d) => d.id) });
    await eventually(async () => (await jobs()).every((j) => j.status === 'succeeded'));
    expect((await api('/v1/sync/status', { keys: ['ev-2'] })).body.items).toEqual({ 'ev-2': { state: 'delivered' } });
  });

  it('dead-letters a note HubSpot refuses in a 207 alone, and delivers the rest of its batch', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }] });
    const h = harness;
    await h.install();
    h.sandbox.state.faults.refuseRecords = [`${PORTAL}:ev-5`];
    await enqueueCampaignEvents(
      database().db,
      PORTAL,
      Array.from({ length: 10 }, (_, i) => event(i)),
    );
    await eventually(settled);
    const rows = await jobs();
    expect(rows.filter((j) => j.status === 'dead').map((j) => j.contact_key)).toEqual(['c5@x.io']);
    expect(h.sandbox.state.portals.get(PORTAL)?.engagements.notes.size).toBe(9);
  });

  it('finds the one record a 400 refuses for the whole batch, and delivers the other nine', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }] });
    const h = harness;
    await h.install();
    // Not a number: HubSpot refuses the whole batch request with 400 "Property values were not valid".
    const bad = personaItem('bad', 'bad@x.io', { label: 'X' });
    await enqueuePersonas(database().db, PORTAL, [
      ...Array.from({ length: 9 }, (_, i) => personaItem(`k${i}`, `c${i}@x.io`, { label: 'L' })),
      bad,
    ]);
    await database().db.query(
      `UPDATE outbox_jobs SET payload = jsonb_set(payload, '{properties,closer_persona_confidence}', '"very"')
        WHERE contact_key = 'bad@x.io'`,
    );
    await eventually(settled);
    const rows = await jobs();
    expect(rows.filter((j) => j.status === 'dead').map((j) => j.contact_key)).toEqual(['bad@x.io']);
    expect(rows.find((j) => j.status === 'dead')?.last_error).toContain('400');
    expect(h.sandbox.state.portals.get(PORTAL)?.contacts.size).toBe(9);
  });

  it('counts attempts per job: a fresh job next to one on its last attempt survives a 5xx', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }] }, { SYNC_MAX_ATTEMPTS: '3' });
    const h = harness;
    await h.install();
    h.sandbox.state.faults.errorRate = 1;
    h.sandbox.state.faults.paths = /contacts\/batch\/upsert$/;
    // One statement: both jobs become due together and are claimed as one batch.
    await database().db.query(
      `INSERT INTO outbox_jobs (portal_id, kind, payload, idempotency_key, contact_key, attempts)
       VALUES ($1, 'persona.upsert', '{"properties":{"closer_persona_label":"Old"}}', 'old', 'old@x.io', 2),
              ($1, 'persona.upsert', '{"properties":{"closer_persona_label":"New"}}', 'new', 'new@x.io', 0)`,
      [PORTAL],
    );
    await eventually(async () => (await jobs()).some((j) => j.status === 'dead'));
    h.sandbox.state.faults.errorRate = 0;
    await eventually(settled);
    expect((await jobs()).map((j) => [j.contact_key, j.status, j.attempts])).toEqual([
      ['new@x.io', 'succeeded', 2],
      ['old@x.io', 'dead', 3],
    ]);
  });

  it('never creates a note twice when create answers are lost, with search lagging and throttled', async () => {
    harness = await startHarness(
      database().db,
      { portals: [{ id: PORTAL }], searchPerSecond: 2, faults: { searchLagMs: 400 }, faultSeed: 3 },
      { SYNC_SEARCH_LAG_GUARD_MS: '600', SYNC_MAX_ATTEMPTS: '30' },
    );
    const h = harness;
    await h.install();
    const portal = h.sandbox.state.portals.get(PORTAL);
    // Every notes create is cut off, half before and half after HubSpot applied it, until one was applied unanswered.
    Object.assign(h.sandbox.state.faults, { dropRate: 1, paths: /notes\/batch\/create$/ });
    await enqueueCampaignEvents(
      database().db,
      PORTAL,
      Array.from({ length: 10 }, (_, i) => event(i)),
    );
    await eventually(() => (portal?.engagements.notes.size ?? 0) > 0, 30_000);
    h.sandbox.state.faults.dropRate = 0;
    await eventually(settled, 60_000);
    expect((await jobs()).filter((j) => j.status !== 'succeeded')).toEqual([]);
    expect(portal?.engagements.notes.size).toBe(10);
    expect(h.sandbox.state.duplicates(PORTAL)).toEqual({ contacts: 0, engagements: 0 });
    expect(h.sandbox.state.searches(PORTAL)).toBeGreaterThanOrEqual(10);
    // Lost answers were looked up through search only: the ten-second window never answered 429.
    expect(h.sandbox.state.rateLimited(PORTAL) - h.sandbox.state.searchThrottled(PORTAL)).toBe(0);
  });

  it('dead-letters, with the reason, an event whose lookup search stays throttled', async () => {
    harness = await startHarness(
      database().db,
      { portals: [{ id: PORTAL }], searchPerSecond: 0, faults: { dropRate: 1, paths: /notes\/batch\/create$/ } },
      { SYNC_SEARCH_LAG_GUARD_MS: '100', SYNC_MAX_ATTEMPTS: '3' },
    );
    const h = harness;
    h.sandbox.state.faults.dropRate = 0;
    await h.install();
    h.sandbox.state.faults.dropRate = 1;
    await enqueueCampaignEvents(database().db, PORTAL, [event(1)]);
    await eventually(settled, 30_000);
    const [row] = await jobs();
    expect(row).toMatchObject({ status: 'dead', attempts: 3 });
    expect(row?.last_error).toMatch(/search.*429/);
  });

  it('gives the batch’s rate-limit slot back when the portal has no access token', async () => {
    const { db } = database();
    await migrate(db);
    await db.query('INSERT INTO portals (portal_id) VALUES ($1)', [PORTAL]);
    await db.query('INSERT INTO installs (portal_id) VALUES ($1)', [PORTAL]);
    await enqueuePersonas(db, PORTAL, [personaItem('k1', 'c1@x.io', { label: 'L' })]);
    const client = new HubSpotClient('http://127.0.0.1:9', {
      accessToken: () => Promise.reject(new Error(`portal ${PORTAL} has no active install`)),
    });
    const worker = new SyncWorker(
      db,
      client,
      { concurrency: 1, leaseMs: 5_000, maxAttempts: 5, idleMs: 10 },
      createLogger({ level: 'silent' }),
    );
    (worker as unknown as { running: boolean }).running = true;
    expect(await worker.tick()).toBe(true);
    expect((await jobs())[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(client.limiter(PORTAL).inWindow()).toBe(0);
    // The limiter lets one request at a time through until HubSpot's first answer: a kept slot would block this.
    const next = await Promise.race([
      client.limiter(PORTAL).acquire(),
      new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), 500)),
    ]);
    expect(next).not.toBe('blocked');
  });
});
