/**
 * Graceful shutdown of the sync worker inside the server, on both databases: on close() (what SIGTERM does) it stops
 * claiming at once, lets batches in flight finish, releases those that outlast the drain, and returns within the lease.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../test-support/test-databases';
import { eventually, startHarness, type Harness } from '../test-support/app-harness';
import { personaItem } from '../test-support/personas';
import { enqueuePersonas } from './enqueue';
import { claimJobs } from './jobs';

const PORTAL = 101;
const persona = (i: number) => personaItem(`k${i}`, `c${i}@x.io`, { label: `L${i}` });

interface JobRow {
  idempotency_key: string;
  status: string;
  attempts: number;
  due: boolean;
  last_error: string | null;
}

describe.each(DATABASE_KINDS)('sync worker shutdown on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const jobs = async () =>
    (
      await database().db.query<JobRow>(
        `SELECT idempotency_key, status, attempts, run_after <= now() AS due, last_error
           FROM outbox_jobs ORDER BY idempotency_key`,
      )
    ).rows;
  const running = async () => (await jobs()).some((j) => j.status === 'running');

  it('stops claiming, finishes the batch in flight, and leaves later jobs untouched', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }] }, { SYNC_LEASE_MS: '20000' });
    const h = harness;
    await h.install();
    // Each HubSpot answer takes 1.5 s: the batch is surely in flight when the server is told to stop.
    h.sandbox.state.faults.latencyMs = 1_500;
    await enqueuePersonas(database().db, PORTAL, [persona(1), persona(2), persona(3)]);
    await eventually(running, 10_000);

    const started = Date.now();
    const closing = h.server.close();
    // Arrives after the stop: a stopping worker must not claim it.
    await enqueuePersonas(database().db, PORTAL, [persona(4), persona(5)]);
    await closing;
    const tookMs = Date.now() - started;

    expect(tookMs).toBeLessThan(20_000);
    const rows = await jobs();
    expect(rows.map((j) => [j.idempotency_key, j.status, j.attempts])).toEqual([
      ['persona:k1', 'succeeded', 1],
      ['persona:k2', 'succeeded', 1],
      ['persona:k3', 'succeeded', 1],
      ['persona:k4', 'pending', 0],
      ['persona:k5', 'pending', 0],
    ]);
    expect([...(h.sandbox.state.portals.get(PORTAL)?.contacts.values() ?? [])]).toHaveLength(3);
  });

  it('releases a batch that outlasts the drain, within the lease, for another instance to take at once', async () => {
    // Lease 4 s: the drain is half of it (2 s); HubSpot answers after 5 s.
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }] }, { SYNC_LEASE_MS: '4000' });
    const h = harness;
    await h.install();
    h.sandbox.state.faults.latencyMs = 5_000;
    await enqueuePersonas(database().db, PORTAL, [persona(1), persona(2)]);
    await eventually(running, 10_000);

    const started = Date.now();
    await h.server.close();
    const tookMs = Date.now() - started;

    expect(tookMs).toBeGreaterThanOrEqual(1_900);
    expect(tookMs).toBeLessThan(4_000);
    const rows = await jobs();
    // Due now, not in 4 s; the attempt is kept, so the next claim is a retry (it checks what already reached HubSpot).
    expect(rows).toEqual([
      expect.objectContaining({ idempotency_key: 'persona:k1', status: 'pending', attempts: 1, due: true }),
      expect.objectContaining({ idempotency_key: 'persona:k2', status: 'pending', attempts: 1, due: true }),
    ]);
    expect(rows[0]?.last_error).toMatch(/released: the server shut down/);
    const taken = await claimJobs(database().db, PORTAL, 10, 60_000, 'other-instance');
    expect(taken.map((j) => [j.contactKey, j.attempts])).toEqual([
      ['c1@x.io', 2],
      ['c2@x.io', 2],
    ]);
  });
});
