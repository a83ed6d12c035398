/**
 * The end-to-end path on both databases: install on the sandbox portal via OAuth, portal setup, personas and
 * campaign events through the extension API, seen in the sandbox, read back through the signed card endpoint.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from './test-support/test-databases';
import { eventually, startHarness, type Harness } from './test-support/app-harness';
import { personaItem } from './test-support/personas';

const PORTAL = 101;

describe.each(DATABASE_KINDS)('install, sync and card on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('installs via OAuth, syncs personas and events to HubSpot, and serves them on the signed card', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL, tier: 'free' }] });
    const h = harness;

    const installed = await h.install();
    expect(installed).toMatchObject({
      installed: true,
      portalId: PORTAL,
      setup: { group: 'created', customObject: 'unavailable' },
    });
    // Setup is idempotent: a second install creates nothing new.
    expect((await h.install()).setup).toMatchObject({ group: 'existed', propertiesCreated: [] });
    // Tokens are stored encrypted, not in clear text.
    const install = await database().db.query<{ a: Uint8Array }>('SELECT access_token_ciphertext AS a FROM installs');
    expect(Buffer.from(install.rows[0]?.a ?? []).toString('utf8')).not.toContain('sbx-at-');

    const token = await h.devToken(PORTAL);
    const post = (path: string, body: unknown) =>
      fetch(`${h.server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const personas = {
      items: [
        personaItem('p1', 'Ada@Example.com', { label: 'Skeptic', confidence: 0.4, approvedAt: '2026-11-20T10:00:00Z' }),
        personaItem('p2', 'ada@example.com', {
          label: 'Champion',
          summary: 'Loves it',
          confidence: 0.9,
          approvedAt: '2026-11-21T10:00:00Z',
        }),
        personaItem('p3', 'bob@example.com', { label: 'Buyer' }),
      ],
    };
    expect(await (await post('/v1/personas:batchUpsert', personas)).json()).toEqual({ accepted: 3, duplicates: 0 });
    expect(await (await post('/v1/personas:batchUpsert', personas)).json()).toEqual({ accepted: 0, duplicates: 3 });
    const events = {
      events: [
        {
          idempotencyKey: 'e1',
          email: 'ada@example.com',
          channel: 'note',
          body: 'Opened the deck',
          occurredAt: '2026-11-20T10:00:00Z',
        },
        {
          idempotencyKey: 'e2',
          email: 'ada@example.com',
          channel: 'email',
          subject: 'Hi',
          body: 'Replied',
          occurredAt: '2026-11-21T10:00:00Z',
        },
      ],
    };
    expect((await post('/v1/campaign-events', events)).status).toBe(202);

    const sandboxContacts = async () =>
      (
        (await (await fetch(`${h.sandbox.url}/__sandbox/contacts?portalId=${PORTAL}`)).json()) as {
          results: { id: string; properties: Record<string, string> }[];
        }
      ).results;
    await eventually(async () => {
      const stats = (await (await fetch(`${h.sandbox.url}/__sandbox/stats`)).json()) as {
        notes: number;
        emails: number;
      };
      return stats.notes === 1 && stats.emails === 1;
    });
    // HubSpot has the writes a moment before the worker commits their outcome (record ids) locally: wait for both.
    await eventually(async () => {
      const { rows } = await database().db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_jobs WHERE status IN ('pending', 'running')`,
      );
      return rows[0]?.n === 0;
    });
    const contacts = await sandboxContacts();
    const ada = contacts.find((c) => c.properties.email === 'ada@example.com');
    expect(contacts).toHaveLength(2);
    expect(ada?.properties).toMatchObject({
      closer_persona_label: 'Champion',
      closer_persona_summary: 'Loves it',
      closer_campaign_events: '2',
    });
    const portal = h.sandbox.state.portals.get(PORTAL);
    expect(portal?.associations.get(`contacts:${ada?.id}`)?.size).toBe(2);
    expect(h.sandbox.state.duplicates(PORTAL)).toEqual({ contacts: 0, engagements: 0 });

    const card = await h.signedFetch('GET', `/v1/card/persona?portalId=${PORTAL}&objectId=${ada?.id}`);
    expect(card.status).toBe(200);
    expect(await card.json()).toMatchObject({
      contactId: ada?.id,
      persona: { label: 'Champion', confidence: 0.9 },
      campaignEvents: 2,
    });

    const summary = await fetch(`${h.server.url}/v1/contacts/ada@example.com/summary`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await summary.json()).toMatchObject({
      hubspotId: ada?.id,
      persona: { label: 'Champion' },
      campaignEvents: 2,
      pendingSync: 0,
    });
    const priors = await fetch(`${h.server.url}/v1/team/priors`, { headers: { authorization: `Bearer ${token}` } });
    expect(await priors.json()).toMatchObject({ contacts: 2 });

    // GDPR deletion webhook removes the local rows; the card then knows nothing.
    const webhook = JSON.stringify([
      { portalId: PORTAL, subscriptionType: 'contact.deletion', objectId: Number(ada?.id) },
    ]);
    const deleted = await h.signedFetch('POST', '/webhooks/hubspot', webhook);
    expect(await deleted.json()).toEqual({ deleted: 1, merged: 0 });
    const after = await h.signedFetch('GET', `/v1/card/persona?portalId=${PORTAL}&objectId=${ada?.id}`);
    expect(await after.json()).toMatchObject({ persona: null });
    const left = await database().db.query(`SELECT 1 FROM contact_personas WHERE email = 'ada@example.com'`);
    expect(left.rows).toHaveLength(0);
  });

  it('refreshes the access token before it expires and keeps syncing', async () => {
    // Tokens that live 2 s are always inside the refresh margin: every use must go through a refresh.
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }], accessTokenTtlS: 2 });
    const h = harness;
    await h.install();
    const before = await database().db.query<{ a: Uint8Array }>('SELECT access_token_ciphertext AS a FROM installs');
    await new Promise((r) => setTimeout(r, 2100));
    const token = await h.devToken(PORTAL);
    await fetch(`${h.server.url}/v1/personas:batchUpsert`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ items: [personaItem('r1', 'r@x.io', { label: 'Fresh' })] }),
    });
    await eventually(() => h.sandbox.state.portals.get(PORTAL)?.contacts.size === 1);
    const after = await database().db.query<{ a: Uint8Array }>('SELECT access_token_ciphertext AS a FROM installs');
    expect(Buffer.from(after.rows[0]?.a ?? []).equals(Buffer.from(before.rows[0]?.a ?? []))).toBe(false);
  });

  it('detects an Enterprise portal and creates the custom object there', async () => {
    harness = await startHarness(database().db, { portals: [{ id: 202, tier: 'enterprise' }] });
    const typeId = expect.stringMatching(/^2-\d+$/);
    expect((await harness.install()).setup).toMatchObject({ customObject: 'created', customObjectTypeId: typeId });
    const { rows } = await database().db.query<{ setup: unknown }>('SELECT setup FROM installs');
    expect(rows[0]?.setup).toMatchObject({ customObject: 'created', customObjectTypeId: typeId });
    // Setup again (a reinstall) finds the object instead of creating another.
    expect((await harness.install()).setup).toMatchObject({ customObject: 'existed', customObjectTypeId: typeId });
    expect(harness.sandbox.state.portals.get(202)?.schemas).toHaveLength(1);
  });
});
