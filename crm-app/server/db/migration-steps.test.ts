/**
 * One block of checks per migration file, run right after that step on both databases. Adding a migration without
 * adding its checks here fails the first test.
 */
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../test-support/test-databases';
import type { Database } from './database';
import { loadMigrations, migrate } from './migrations';

type StepCheck = (db: Database) => Promise<void>;

async function columns(db: Database, table: string): Promise<string[]> {
  const { rows } = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.column_name);
}

const STEP_CHECKS: Record<number, StepCheck> = {
  1: async (db) => {
    expect(await columns(db, 'portals')).toEqual(['portal_id', 'created_at', 'updated_at']);
    expect(await columns(db, 'installs')).toEqual([
      'portal_id',
      'scopes',
      'refresh_token_ciphertext',
      'access_token_ciphertext',
      'access_token_expires_at',
      'status',
      'installed_at',
      'uninstalled_at',
    ]);
    expect(await columns(db, 'outbox_jobs')).toEqual([
      'id',
      'portal_id',
      'kind',
      'payload',
      'idempotency_key',
      'status',
      'attempts',
      'run_after',
      'last_error',
      'created_at',
      'updated_at',
    ]);

    await db.query('INSERT INTO portals (portal_id) VALUES ($1)', [4242]);
    await db.query('INSERT INTO installs (portal_id, scopes) VALUES ($1, $2)', [4242, ['crm.objects.contacts.read']]);

    // A new job gets defaults the worker relies on; its id is an int8, returned as a string.
    const job = await db.query<Record<string, unknown>>(
      `INSERT INTO outbox_jobs (portal_id, kind, payload, idempotency_key)
       VALUES ($1, 'persona.push', $2::jsonb, 'k-1') RETURNING id, status, attempts, payload, run_after`,
      [4242, JSON.stringify({ contactId: '1' })],
    );
    expect(job.rows[0]).toMatchObject({ status: 'pending', attempts: 0, payload: { contactId: '1' } });
    expect(job.rows[0]?.id).toEqual(expect.stringMatching(/^\d+$/));
    expect(job.rows[0]?.run_after).toBeInstanceOf(Date);

    // Enqueueing the same work twice is refused, so callers can use ON CONFLICT DO NOTHING.
    await expect(
      db.query(`INSERT INTO outbox_jobs (portal_id, kind, payload, idempotency_key) VALUES (4242, 'x', '{}', 'k-1')`),
    ).rejects.toThrow(/duplicate key/);
    const again = await db.query(
      `INSERT INTO outbox_jobs (portal_id, kind, payload, idempotency_key) VALUES (4242, 'x', '{}', 'k-1')
       ON CONFLICT (idempotency_key) DO NOTHING`,
    );
    expect(again.rowCount).toBe(0);

    for (const bad of [
      `INSERT INTO outbox_jobs (portal_id, kind, payload, idempotency_key, status) VALUES (4242, 'x', '{}', 'k-2', 'lost')`,
      `INSERT INTO outbox_jobs (portal_id, kind, payload, idempotency_key) VALUES (4242, 'Bad Kind', '{}', 'k-3')`,
      `INSERT INTO outbox_jobs (portal_id, kind, payload, idempotency_key) VALUES (4242, 'x', '{}', '')`,
      `INSERT INTO outbox_jobs (portal_id, kind, payload, idempotency_key) VALUES (999, 'x', '{}', 'k-4')`,
      `INSERT INTO installs (portal_id, status) VALUES (4242, 'uninstalled')`,
      `INSERT INTO portals (portal_id) VALUES (0)`,
    ]) {
      await expect(db.query(bad), bad).rejects.toThrow(/violates/);
    }

    // Deleting a portal removes its install and its jobs.
    await db.query('DELETE FROM portals WHERE portal_id = 4242');
    const left = await db.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM installs)::int + (SELECT count(*) FROM outbox_jobs)::int AS n',
    );
    expect(left.rows[0]?.n).toBe(0);
  },
  2: async (db) => {
    expect(await columns(db, 'outbox_jobs')).toEqual(expect.arrayContaining(['contact_key', 'claimed_by']));
    expect(await columns(db, 'extension_tokens')).toEqual([
      'id',
      'portal_id',
      'user_id',
      'token_hash',
      'created_at',
      'revoked_at',
    ]);
    expect(await columns(db, 'contact_personas')).toEqual([
      'portal_id',
      'email',
      'properties',
      'hubspot_id',
      'event_count',
      'last_event_at',
      'updated_at',
    ]);
    await db.query('INSERT INTO portals (portal_id) VALUES (1), (2)');
    const insert = (portal: number) =>
      db.query(
        `INSERT INTO outbox_jobs (portal_id, kind, payload, idempotency_key) VALUES ($1, 'x', '{}', 'same')
         ON CONFLICT (portal_id, idempotency_key) DO NOTHING`,
        [portal],
      );
    // Idempotency keys are per portal: the same key in another portal is new work, in the same portal a no-op.
    expect((await insert(1)).rowCount).toBe(1);
    expect((await insert(2)).rowCount).toBe(1);
    expect((await insert(1)).rowCount).toBe(0);
    await expect(
      db.query(`INSERT INTO extension_tokens (portal_id, user_id, token_hash) VALUES (1, '', 'x')`),
    ).rejects.toThrow(/violates/);
  },
  3: async (db) => {
    expect(await columns(db, 'device_codes')).toEqual([
      'id',
      'device_code_hash',
      'user_code',
      'client_name',
      'status',
      'portal_id',
      'user_id',
      'expires_at',
      'last_polled_at',
      'created_at',
      'decided_at',
      'redeemed_at',
    ]);
    expect(await columns(db, 'oauth_states')).toContain('device_code_id');
    expect(await columns(db, 'contact_personas')).toContain('persona');
    const code = await db.query<{ id: string; status: string }>(
      `INSERT INTO device_codes (device_code_hash, user_code, expires_at)
       VALUES ('\\x01', 'BCDF-GHJK', now() + interval '10 minutes') RETURNING id, status`,
    );
    expect(code.rows[0]?.status).toBe('pending');
    for (const bad of [
      // Not a user code, a second live row with the same code, an unknown status, approved without portal and user.
      `INSERT INTO device_codes (device_code_hash, user_code, expires_at) VALUES ('\\x02', 'abcd-efgh', now())`,
      `INSERT INTO device_codes (device_code_hash, user_code, expires_at) VALUES ('\\x03', 'BCDF-GHJK', now())`,
      `INSERT INTO device_codes (device_code_hash, user_code, expires_at, status) VALUES ('\\x04', 'BCDF-GHJM', now(), 'lost')`,
      `UPDATE device_codes SET status = 'approved' WHERE user_code = 'BCDF-GHJK'`,
    ]) {
      await expect(db.query(bad), bad).rejects.toThrow(/violates|duplicate key/);
    }
    // An OAuth state started from /connect goes away with its device code.
    await db.query(`INSERT INTO oauth_states (state, device_code_id) VALUES ('s-1', $1)`, [code.rows[0]?.id]);
    await db.query('DELETE FROM device_codes');
    expect((await db.query('SELECT 1 FROM oauth_states')).rows).toHaveLength(0);
  },
  4: async (db) => {
    expect(await columns(db, 'campaign_results')).toEqual([
      'id',
      'portal_id',
      'idempotency_key',
      'user_id',
      'campaign_id',
      'campaign_name',
      'variant_id',
      'variant_name',
      'channel',
      'segment',
      'email',
      'outcome',
      'sentiment',
      'intent',
      'occurred_at',
      'received_at',
    ]);
    await db.query('INSERT INTO portals (portal_id) VALUES (1), (2)');
    const insert = (portal: number, key: string, outcome = 'sent', sentiment: string | null = null) =>
      db.query(
        `INSERT INTO campaign_results (portal_id, idempotency_key, user_id, campaign_id, campaign_name, variant_id,
                                       variant_name, channel, email, outcome, sentiment, occurred_at)
         VALUES ($1, $2, 'rep', 'c', 'C', 'v', 'V', 'email', 'a@b.io', $3, $4, now())
         ON CONFLICT (portal_id, idempotency_key) DO NOTHING`,
        [portal, key, outcome, sentiment],
      );
    // Keys are per portal, like the outbox's.
    expect((await insert(1, 'k')).rowCount).toBe(1);
    expect((await insert(2, 'k')).rowCount).toBe(1);
    expect((await insert(1, 'k')).rowCount).toBe(0);
    await expect(insert(1, 'k2', 'won')).rejects.toThrow(/violates/);
    await expect(insert(1, 'k3', 'replied', 'ecstatic')).rejects.toThrow(/violates/);
    const indexes = await db.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'outbox_jobs'`,
    );
    expect(indexes.rows.map((r) => r.indexname)).toContain('outbox_jobs_contact_open_idx');
    // A portal's results go with the portal.
    await db.query('DELETE FROM portals WHERE portal_id = 1');
    expect((await db.query('SELECT portal_id FROM campaign_results')).rows).toEqual([{ portal_id: '2' }]);
  },
  5: async (db) => {
    expect(await columns(db, 'team_catalogue')).toEqual([
      'portal_id',
      'item_id',
      'kind',
      'name',
      'description',
      'tags',
      'url',
      'updated_at',
      'updated_by',
      'deleted',
      'changed_at',
    ]);
    await db.query('INSERT INTO portals (portal_id) VALUES (1), (2)');
    const insert = (portal: number, id: string, kind: string | null, name: string | null, deleted = false) =>
      db.query(
        `INSERT INTO team_catalogue (portal_id, item_id, kind, name, description, updated_at, updated_by, deleted)
         VALUES ($1, $2, $3, $4, $5, now(), 'rep', $6)`,
        [portal, id, kind, name, deleted ? null : '', deleted],
      );
    // Ids are per portal; a live item needs its content, a deleted one keeps none.
    await insert(1, 'a', 'product', 'A');
    await insert(2, 'a', 'content', 'A');
    await insert(1, 'gone', null, null, true);
    await expect(insert(1, 'a', 'product', 'A')).rejects.toThrow(/duplicate key/);
    await expect(insert(1, 'b', 'service', 'B')).rejects.toThrow(/violates/);
    await expect(insert(1, 'c', null, null)).rejects.toThrow(/violates/);
    await expect(insert(1, 'd', 'product', 'D', true)).rejects.toThrow(/violates/);
    await db.query('DELETE FROM portals WHERE portal_id = 1');
    expect((await db.query('SELECT portal_id FROM team_catalogue')).rows).toEqual([{ portal_id: '2' }]);
  },
  6: async (db) => {
    const cols = await columns(db, 'device_codes');
    expect(cols.slice(-2)).toEqual(['code_challenge', 'failed_redeems']);
    const insert = (userCode: string, challenge: string | null) =>
      db.query(
        `INSERT INTO device_codes (device_code_hash, user_code, expires_at, code_challenge)
         VALUES (decode(md5($1), 'hex'), $1, now(), $2)`,
        [userCode, challenge],
      );
    // A code from before this step has no challenge; a new one has a 43-character base64url S256 challenge.
    await insert('BCDF-GHJK', null);
    await insert('BCDF-GHJM', 'A'.repeat(43));
    await expect(insert('BCDF-GHJN', 'too-short')).rejects.toThrow(/violates/);
    const { rows } = await db.query<{ failed_redeems: number }>('SELECT failed_redeems FROM device_codes');
    expect(rows.map((r) => r.failed_redeems)).toEqual([0, 0]);
  },
  7: async (db) => {
    await db.query('INSERT INTO portals (portal_id) VALUES (7001), (7002) ON CONFLICT DO NOTHING');
    const write = (portal: number, eventId: string, type: string, state: string, hubspotId: string | null) =>
      db.query(
        `INSERT INTO engagement_writes (portal_id, event_id, object_type, state, hubspot_id) VALUES ($1, $2, $3, $4, $5)`,
        [portal, eventId, type, state, hubspotId],
      );
    // Pending before the create leaves, created with HubSpot's id after; one row per event and portal.
    await write(7001, 'e1', 'notes', 'pending', null);
    await write(7001, 'e2', 'emails', 'created', '9001');
    await write(7002, 'e1', 'notes', 'pending', null);
    await expect(write(7001, 'e1', 'notes', 'pending', null)).rejects.toThrow(/duplicate key/);
    await expect(write(7001, 'e3', 'notes', 'created', null)).rejects.toThrow(/violates/);
    await expect(write(7001, 'e4', 'notes', 'pending', '9002')).rejects.toThrow(/violates/);
    await expect(write(7001, 'e5', 'tasks', 'pending', null)).rejects.toThrow(/violates/);
    await expect(write(7001, '', 'notes', 'pending', null)).rejects.toThrow(/violates/);
    const { rows } = await db.query<{ sent_at: unknown }>('SELECT sent_at FROM engagement_writes LIMIT 1');
    expect(rows[0]?.sent_at).toBeInstanceOf(Date);
    // A portal's rows go with it.
    await db.query('DELETE FROM portals WHERE portal_id = 7001');
    const left = await db.query<{ portal_id: string }>('SELECT DISTINCT portal_id FROM engagement_writes');
    expect(left.rows).toEqual([{ portal_id: '7002' }]);
  },
};

const migrations = loadMigrations();

it('every migration file has step checks', () => {
  expect(Object.keys(STEP_CHECKS).map(Number)).toEqual(migrations.map((m) => m.version));
});

describe.each(DATABASE_KINDS)('migration steps on %s', (kind) => {
  const database = useTestDatabase(kind);

  it.each(migrations.map((m) => [m.file, m.version] as const))('%s', async (_file, version) => {
    const { db } = database();
    await migrate(db, { migrations, targetVersion: version - 1 });

    expect(await migrate(db, { migrations, targetVersion: version })).toEqual({ applied: [version], version });
    await STEP_CHECKS[version]?.(db);
  });
});
