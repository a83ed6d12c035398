/**
 * The settings page's endpoint on both databases: connection, Closer's contact properties as HubSpot has them now
 * (or why they could not be checked), and the tier features campaign results use; signed requests only.
 */
import { afterEach, describe, expect, it } from 'vitest';
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

    // Someone deleted a property in HubSpot: the page shows it missing.
    h.sandbox.state.portals.get(PORTAL)?.properties.delete('closer_persona_summary');
    const missing = (await settingsOf(h)).properties.items.filter((i) => !i.exists).map((i) => i.name);
    expect(missing).toEqual(['closer_persona_summary']);

    // HubSpot failing: not a guess, a reason.
    h.sandbox.state.faults.errorRate = 1;
    expect((await settingsOf(h)).properties).toMatchObject({ checked: false, reason: 'hubspot-unavailable' });
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
