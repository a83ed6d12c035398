/**
 * `/oauth/install` is rate-limited per address and purges expired OAuth states (issue 17): a flood neither fills
 * the state table nor turns the backend into a redirect pump. Runs on both databases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from './test-support/test-databases';
import { startHarness, type Harness } from './test-support/app-harness';

describe.each(DATABASE_KINDS)('/oauth/install limits on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  const states = async () =>
    (await database().db.query<{ n: number }>('SELECT count(*)::int AS n FROM oauth_states')).rows[0]?.n;

  it('answers 429 past the per-address budget and writes no state for refused requests', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0', DEVICE_AUTHORIZE_PER_MINUTE: '3' });
    const install = () => fetch(`${harness!.server.url}/oauth/install`, { redirect: 'manual' });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await install()).status);
    // Eight requests against three a minute: even if the minute turns once in between, one bucket overflows.
    const passed = statuses.filter((s) => s === 302).length;
    expect(statuses.every((s) => s === 302 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(await states()).toBe(passed);
  });

  it('purges expired states when an install starts', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    await database().db.query(
      `INSERT INTO oauth_states (state, created_at) VALUES ('old-state', now() - interval '11 minutes')`,
    );
    expect((await fetch(`${harness.server.url}/oauth/install`, { redirect: 'manual' })).status).toBe(302);
    const { rows } = await database().db.query<{ state: string }>('SELECT state FROM oauth_states');
    expect(rows.map((r) => r.state)).not.toContain('old-state');
    expect(rows).toHaveLength(1);
  });
});
