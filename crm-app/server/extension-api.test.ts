/**
 * Bad input on the extension API and on the HubSpot-signed endpoints: every refusal is a clear 4xx JSON error and
 * leaves the database unchanged. Runs on both databases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from './test-support/test-databases';
import { startHarness, type Harness } from './test-support/app-harness';

const ORIGIN = `chrome-extension://${'a'.repeat(32)}`;

describe.each(DATABASE_KINDS)('extension API and signed endpoints on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const jobCount = async () =>
    (await database().db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_jobs')).rows[0]?.n;

  it('refuses malformed, invalid, oversized and unauthenticated writes with 4xx and changes nothing', async () => {
    harness = await startHarness(
      database().db,
      {},
      { SYNC_WORKER: '0', CLOSER_EXTENSION_ORIGIN: ORIGIN, EXTENSION_RATE_PER_MINUTE: '8' },
    );
    const h = harness;
    const token = await h.devToken(101);
    const post = (body: string, auth = `Bearer ${token}`) =>
      fetch(`${h.server.url}/v1/personas:batchUpsert`, { method: 'POST', headers: { authorization: auth }, body });

    const malformed = await post('{"items": [');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid_request' } });
    const invalid = await post(
      JSON.stringify({ items: [{ idempotencyKey: 'k', email: 'not-an-email', persona: { label: '' } }] }),
    );
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(/items\.0\.email/);
    const huge = await post(
      JSON.stringify({ items: [{ idempotencyKey: 'k', email: 'a@b.io', persona: { label: 'x'.repeat(1_100_000) } }] }),
    );
    expect(huge.status).toBe(413);
    expect((await post('{}', 'Bearer clx_wrongwrongwrongwrongwrong')).status).toBe(401);
    expect(await jobCount()).toBe(0);

    // CORS only for the configured extension origin.
    const preflight = await fetch(`${h.server.url}/v1/personas:batchUpsert`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const foreign = await fetch(`${h.server.url}/v1/team/priors`, {
      headers: { origin: 'https://evil.test', authorization: `Bearer ${token}` },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    // Per-token rate limit (8/min here; 3 authenticated requests were made with this token so far).
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push(
        (await fetch(`${h.server.url}/v1/team/priors`, { headers: { authorization: `Bearer ${token}` } })).status,
      );
    expect(statuses).toContain(429);

    // Revocation: the token stops working at once.
    const other = await h.devToken(101, 'user-2');
    expect(
      (
        await fetch(`${h.server.url}/v1/tokens/current`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${other}` },
        })
      ).status,
    ).toBe(200);
    expect(
      (await fetch(`${h.server.url}/v1/team/priors`, { headers: { authorization: `Bearer ${other}` } })).status,
    ).toBe(401);
    const stored = await database().db.query<{ h: Uint8Array }>('SELECT token_hash AS h FROM extension_tokens');
    expect(stored.rows.every((r) => !Buffer.from(r.h).toString('utf8').includes('clx_'))).toBe(true);
  });

  it('rejects unsigned, wrongly signed and stale card and webhook requests', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    const h = harness;
    await database().db.query(`INSERT INTO portals (portal_id) VALUES (101)`);
    await database().db.query(
      `INSERT INTO contact_personas (portal_id, email, hubspot_id) VALUES (101, 'a@b.io', '5')`,
    );
    const card = '/v1/card/persona?portalId=101&objectId=5';
    expect((await fetch(`${h.server.url}${card}`)).status).toBe(401);
    expect((await h.signedFetch('GET', card, '', Date.now() - 6 * 60_000)).status).toBe(401);
    expect((await h.signedFetch('GET', card)).status).toBe(200);
    const body = JSON.stringify([{ portalId: 101, subscriptionType: 'contact.deletion', objectId: 5 }]);
    const forged = await fetch(`${h.server.url}/webhooks/hubspot`, {
      method: 'POST',
      headers: { 'x-hubspot-signature-v3': 'AAAA', 'x-hubspot-request-timestamp': String(Date.now()) },
      body,
    });
    expect(forged.status).toBe(401);
    expect((await h.signedFetch('POST', '/webhooks/hubspot', body, Date.now() - 6 * 60_000)).status).toBe(401);
    expect((await h.signedFetch('POST', '/webhooks/hubspot', '[{"portalId": "x"}]')).status).toBe(400);
    const left = await database().db.query('SELECT 1 FROM contact_personas');
    expect(left.rows).toHaveLength(1);
  });
});
