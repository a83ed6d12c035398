/** The durable queue and worker against the sandbox, on both databases: leases, retries, dead letters, rate limit. */
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../test-support/test-databases';
import { eventually, startHarness, type Harness } from '../test-support/app-harness';
import { enqueuePersonas } from './enqueue';
import { claimJobs } from './jobs';
import { migrate } from '../db/migrations';
import { personaItem } from '../test-support/personas';

const PORTAL = 101;
const persona = (i: number, label = `L${i}`) => personaItem(`k${i}`, `c${i}@x.io`, { label });

describe.each(DATABASE_KINDS)('sync engine on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('re-offers a job whose worker died once its lease lapses, and never two batches of one contact at once', async () => {
    const { db } = database();
    await migrate(db);
    await db.query('INSERT INTO portals (portal_id) VALUES ($1)', [PORTAL]);
    await enqueuePersonas(db, PORTAL, [persona(1), persona(2), { ...persona(3), email: 'c1@x.io' }]);
    const first = await claimJobs(db, PORTAL, 1, 1500, 'dead-worker');
    expect(first).toHaveLength(1);
    // c1 is leased: its later job waits; c2 is free.
    expect((await claimJobs(db, PORTAL, 10, 1500, 'w2')).map((j) => j.contactKey)).toEqual(['c2@x.io']);
    expect(await claimJobs(db, PORTAL, 10, 1500, 'w2')).toEqual([]);
    await new Promise((r) => setTimeout(r, 1600));
    const again = await claimJobs(db, PORTAL, 10, 300, 'w3');
    expect(again.map((j) => [j.contactKey, j.attempts])).toEqual([
      ['c1@x.io', 2],
      ['c2@x.io', 2],
      ['c1@x.io', 1],
    ]);
  });

  it('retries 5xx with backoff until delivered, within the rate limit, and dead-letters invalid batches', async () => {
    harness = await startHarness(
      database().db,
      { portals: [{ id: PORTAL }], rateLimit: { max: 8, windowMs: 1000 }, faults: { errorRate: 0.3 }, faultSeed: 6 },
      { SYNC_MAX_ATTEMPTS: '20' },
    );
    const h = harness;
    h.sandbox.state.faults.errorRate = 0;
    await h.install();
    h.sandbox.state.faults.errorRate = 0.3;
    const items = Array.from({ length: 1500 }, (_, i) => persona(i));
    await enqueuePersonas(database().db, PORTAL, items);
    const portal = h.sandbox.state.portals.get(PORTAL);
    await eventually(() => portal?.contacts.size === 1500, 25_000);
    expect(portal?.statusCounts.get(502) ?? 0).toBeGreaterThan(0);
    expect(h.sandbox.state.rateLimited(PORTAL)).toBe(0);
    expect(h.sandbox.state.duplicates(PORTAL)).toEqual({ contacts: 0, engagements: 0 });

    // A property HubSpot does not know makes the batch invalid: dead letter, reason visible through the API.
    h.sandbox.state.faults.errorRate = 0;
    portal?.properties.delete('closer_persona_summary');
    await enqueuePersonas(database().db, PORTAL, [personaItem('bad', 'bad@x.io', { label: 'X', summary: 'y' })]);
    const token = await h.devToken(PORTAL);
    let dead: { deadLetters: { email: string; reason: string }[] } = { deadLetters: [] };
    await eventually(async () => {
      const response = await fetch(`${h.server.url}/v1/sync/dead-letters`, {
        headers: { authorization: `Bearer ${token}` },
      });
      dead = (await response.json()) as typeof dead;
      return dead.deadLetters.length > 0;
    });
    expect(dead.deadLetters[0]).toMatchObject({ email: 'bad@x.io', reason: expect.stringContaining('400') });
  });

  it('gathers a trickle of jobs into fuller batches once it has caught up', async () => {
    // 40 personas, one every 25 ms. Without lingering, four loops polling every 50 ms sent about one batch per poll.
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }] }, { SYNC_LINGER_MS: '400' });
    const h = harness;
    await h.install();
    const portal = h.sandbox.state.portals.get(PORTAL);
    const before = portal?.statusCounts.get(200) ?? 0;
    const started = Date.now();
    for (let i = 0; i < 40; i += 1) {
      await enqueuePersonas(database().db, PORTAL, [persona(i)]);
      await new Promise((r) => setTimeout(r, 25));
    }
    const arrivalMs = Date.now() - started;
    await eventually(() => portal?.contacts.size === 40);
    const batches = (portal?.statusCounts.get(200) ?? 0) - before;
    // At most one batch per 400 ms of arrivals, plus the first, the last and one racing a linger (12 without it).
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThanOrEqual(Math.ceil(arrivalMs / 400) + 3);
  });
});
