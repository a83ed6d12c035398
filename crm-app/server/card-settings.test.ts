/**
 * The settings page's endpoint on both databases: connection, Closer's contact properties as HubSpot has them now
 * (or why they could not be checked), and the tier features campaign results use; signed requests only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROPERTY_CHECK_TIMEOUT_MS } from './hubspot/portal-settings';
import { CONTACT_PROPERTIES } from './sync/properties';
import { DATABASE_KINDS, useTestDatabase } from './test-support/test-databases';
import { startHarness, type Harness } from './test-support/app-harness';

const PORTAL = 303;

describe.each(DATABASE_KINDS)('settings page endpoint on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const settingsOf = async (h: Harness) => {
    const response = await h.signedFetch('GET', `/v1/card/settings?portalId=${PORTAL}`);
    expect(response.status).toBe(200);
    return (await response.json()) as {
      connected: boolean;
      installedAt: string | null;
      properties: { checked: boolean; reason?: string; items: { name: string; exists: boolean | null }[] };
      loggedEmails: string;
      campaignResults: { notes: boolean; customObject: string };
    };
  };

  it('reports a portal that never installed the app as not connected, without asking HubSpot', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }] }, { SYNC_WORKER: '0' });
    const settings = await settingsOf(harness);
    expect(settings).toMatchObject({
      connected: false,
      installedAt: null,
      properties: { checked: false, reason: 'not-connected' },
      campaignResults: { notes: true, customObject: 'not-set-up' },
    });
    expect(settings.properties.items.map((i) => i.exists)).toEqual(CONTACT_PROPERTIES.map(() => null));
    expect(harness.sandbox.state.portals.get(PORTAL)?.statusCounts.size).toBe(0);
  });

  it('lists which of Closer’s properties exist in the portal now, and says when HubSpot could not be asked', async () => {
    harness = await startHarness(
      database().db,
      { portals: [{ id: PORTAL, tier: 'professional' }] },
      { SYNC_WORKER: '0' },
    );
    const h = harness;
    await h.install();
    const first = await settingsOf(h);
    expect(first).toMatchObject({ connected: true, properties: { checked: true } });
    expect(Date.parse(first.installedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(first.properties.items).toHaveLength(CONTACT_PROPERTIES.length);
    expect(first.properties.items.every((i) => i.exists === true)).toBe(true);
    expect(first.campaignResults).toEqual({ notes: true, customObject: 'unavailable' });
    expect(first.loggedEmails).toBe('in-use');

    // Someone deleted a property in HubSpot: the page shows it missing.
    h.sandbox.state.portals.get(PORTAL)?.properties.delete('closer_persona_summary');
    const missing = (await settingsOf(h)).properties.items.filter((i) => !i.exists).map((i) => i.name);
    expect(missing).toEqual(['closer_persona_summary']);

    // HubSpot failing: not a guess, a reason.
    h.sandbox.state.faults.errorRate = 1;
    expect((await settingsOf(h)).properties).toMatchObject({ checked: false, reason: 'hubspot-unavailable' });
    // HubSpot too slow: the page gets its answer within the bound, saying so.
    h.sandbox.state.faults.errorRate = 0;
    h.sandbox.state.faults.latencyMs = PROPERTY_CHECK_TIMEOUT_MS + 1_000;
    const started = Date.now();
    expect((await settingsOf(h)).properties).toMatchObject({ checked: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(PROPERTY_CHECK_TIMEOUT_MS + 1_000);
    h.sandbox.state.faults.latencyMs = 0;

    // HubSpot's ten-second window spent by someone else (another app of the portal): rate-limited, not unavailable.
    const window = h.sandbox.state.portals.get(PORTAL)?.limiter;
    while ((window?.take(Date.now()) ?? -1) >= 0);
    expect((await settingsOf(h)).properties).toMatchObject({ checked: false, reason: 'rate-limited' });
  });

  it('works without the optional sales-email-read scope: installed, says so, and reads contacts with notes only', async () => {
    harness = await startHarness(
      database().db,
      { portals: [{ id: PORTAL, withheldScopes: ['sales-email-read'] }] },
      { SYNC_WORKER: '0' },
    );
    const h = harness;
    await h.install();
    const { rows } = await database().db.query<{ scopes: string[] }>('SELECT scopes FROM installs');
    expect(rows[0]?.scopes).toContain('crm.objects.contacts.write');
    expect(rows[0]?.scopes).not.toContain('sales-email-read');
    expect(rows[0]?.scopes).not.toContain('crm.schemas.custom.write');
    expect((await settingsOf(h)).loggedEmails).toBe('not-granted');

    // A contact with a note and a logged email; HubSpot refuses the email to this install, not the whole read.
    const hs = (path: string, body: unknown) => h.hubspotPost(PORTAL, path, body, ['crm.objects.contacts.write']);
    const contactId =
      (await hs('/crm/v3/objects/contacts/batch/upsert', { inputs: [{ idProperty: 'email', id: 'ada@x.io' }] }))
        .results[0]?.id ?? '';
    const to = (typeId: number) => [
      { to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] },
    ];
    const at = '2026-11-21T09:00:00.000Z';
    await hs('/crm/v3/objects/notes/batch/create', {
      inputs: [{ properties: { hs_timestamp: at, hs_note_body: 'Call' }, associations: to(202) }],
    });
    await hs('/crm/v3/objects/emails/batch/create', {
      inputs: [{ properties: { hs_timestamp: at, hs_email_text: 'Hi' }, associations: to(198) }],
    });
    const live = await fetch(`${h.server.url}/v1/hubspot/contacts/${contactId}`, {
      headers: { authorization: `Bearer ${await h.devToken(PORTAL)}` },
    });
    expect(live.status).toBe(200);
    const contact = (await live.json()) as { engagements: { type: string }[] };
    expect(contact.engagements.map((e) => e.type)).toEqual(['note']);
  });

  it('refuses unsigned and stale-signed requests', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL }] }, { SYNC_WORKER: '0' });
    const unsigned = await fetch(`${harness.server.url}/v1/card/settings?portalId=${PORTAL}`);
    expect(unsigned.status).toBe(401);
    const stale = await harness.signedFetch(
      'GET',
      `/v1/card/settings?portalId=${PORTAL}`,
      '',
      Date.now() - 10 * 60_000,
    );
    expect(stale.status).toBe(401);
  });
});
