/**
 * Campaign results on both databases: accepted once per idempotency key, refused with 4xx (and no trace) when bad,
 * delivered to HubSpot as notes with the contact's roll-ups, aggregated into team priors, and served on the signed
 * card endpoints.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CampaignResultItem } from '../../shared/common/campaigns/synced';
import { DATABASE_KINDS, useTestDatabase } from './test-support/test-databases';
import { eventually, startHarness, type Harness } from './test-support/app-harness';

const PORTAL = 101;

let counter = 0;
function result(overrides: Partial<CampaignResultItem> = {}): CampaignResultItem {
  counter += 1;
  return {
    idempotencyKey: `r-${counter}`,
    campaignId: 'c1',
    campaignName: 'Q4 launch',
    variantId: 'a',
    variantName: 'Variant A',
    channel: 'email',
    segment: 'technical_buyer',
    email: 'ada@example.com',
    outcome: 'sent',
    occurredAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

describe.each(DATABASE_KINDS)('campaign results on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const count = async (table: string) =>
    (await database().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;
  const snapshot = async () => ({
    results: await count('campaign_results'),
    jobs: await count('outbox_jobs'),
    events: (
      await database().db.query<{ n: number }>('SELECT coalesce(sum(event_count), 0)::int AS n FROM contact_personas')
    ).rows[0]?.n,
  });
  const poster = (h: Harness, token: string) => (body: unknown, raw?: string) =>
    fetch(`${h.server.url}/v1/campaign-results`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: raw ?? JSON.stringify(body),
    });

  it('accepts a result once per idempotency key and delivers it to HubSpot as a note with roll-ups', async () => {
    harness = await startHarness(database().db, { portals: [{ id: PORTAL, tier: 'free' }] });
    const h = harness;
    await h.install();
    const post = poster(h, await h.devToken(PORTAL));
    const items = [
      result({ idempotencyKey: 'k1', email: 'Ada@Example.com' }),
      result({
        idempotencyKey: 'k2',
        outcome: 'positive_reply',
        sentiment: 'positive',
        intent: 'meeting_request',
        occurredAt: '2026-11-22T09:00:00Z',
      }),
    ];
    const first = await post({ items });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0 });
    const after = await snapshot();
    expect(after).toEqual({ results: 2, jobs: 2, events: 2 });

    // A redelivery (the outbox retried after a lost answer), even with other content, changes nothing.
    const again = await post({ items: [...items, { ...items[0], outcome: 'meeting' }] });
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 3 });
    expect(await snapshot()).toEqual(after);

    await eventually(async () => {
      const stats = (await (await fetch(`${h.sandbox.url}/__sandbox/stats`)).json()) as { notes: number };
      return stats.notes === 2;
    });
    await eventually(async () => (await count("outbox_jobs WHERE status <> 'succeeded'")) === 0);
    const portal = h.sandbox.state.portals.get(PORTAL);
    const notes = [...(portal?.engagements.notes.values() ?? [])].map((n) => n.properties.hs_note_body).sort();
    expect(notes).toEqual([
      'Closer · campaign Q4 launch · variant Variant A · positive reply (positive, meeting_request)',
      'Closer · campaign Q4 launch · variant Variant A · sent',
    ]);
    const contactId = portal?.contactByEmail.get('ada@example.com');
    expect(contactId).toBeDefined();
    expect(portal?.contacts.get(contactId ?? '')?.properties).toMatchObject({ closer_campaign_events: '2' });
    expect(portal?.contacts.get(contactId ?? '')?.properties.closer_last_campaign_event_at).toBe(
      '2026-11-22T09:00:00.000Z',
    );
    expect(portal?.associations.get(`contacts:${contactId}`)?.size).toBe(2);
    expect(h.sandbox.state.duplicates(PORTAL)).toEqual({ contacts: 0, engagements: 0 });

    // The settings page says which path results take: notes only, this tier has no custom objects.
    const settings = await h.signedFetch('GET', `/v1/card/settings?portalId=${PORTAL}`);
    expect(await settings.json()).toMatchObject({
      connected: true,
      campaignResults: { notes: true, customObject: 'unavailable' },
    });
    expect(portal?.customObjects.size).toBe(0);
  });

  it('on an Enterprise portal also writes each result once as a custom object record linked to its contact', async () => {
    // Seeded faults on the association step: the batch fails after its notes and records were written, and its
    // retry must not write any of them twice.
    harness = await startHarness(
      database().db,
      { portals: [{ id: PORTAL, tier: 'enterprise' }], faultSeed: 11 },
      { SYNC_MAX_ATTEMPTS: '30' },
    );
    const h = harness;
    await h.install();
    h.sandbox.state.faults.paths = /^\/crm\/v4\/associations\//;
    h.sandbox.state.faults.errorRate = 0.6;
    const post = poster(h, await h.devToken(PORTAL));
    const items = [
      result({ idempotencyKey: 'e1' }),
      result({ idempotencyKey: 'e2', outcome: 'positive_reply', sentiment: 'positive', intent: 'meeting_request' }),
      result({ idempotencyKey: 'e3', email: 'grace@example.com', variantName: 'Variant B' }),
    ];
    expect(await (await post({ items })).json()).toEqual({ accepted: 3, duplicates: 0 });
    await eventually(async () => (await count("outbox_jobs WHERE status <> 'succeeded'")) === 0, 20_000);
    h.sandbox.state.faults.errorRate = 0;

    const portal = h.sandbox.state.portals.get(PORTAL);
    expect(portal?.statusCounts.get(502) ?? 0).toBeGreaterThan(0);
    const [schema] = portal?.schemas ?? [];
    expect(schema?.name).toBe('closer_campaign_result');
    const records = [...(portal?.customObjects.get(schema?.objectTypeId ?? '')?.values() ?? [])];
    expect(records.map((r) => r.properties.closer_variant).sort()).toEqual(['Variant A', 'Variant A', 'Variant B']);
    const reply = records.find((r) => r.properties.closer_outcome === 'positive_reply');
    expect(reply?.properties).toMatchObject({
      closer_campaign: 'Q4 launch',
      closer_sentiment: 'positive',
      closer_intent: 'meeting_request',
      closer_occurred_at: '2026-11-20T10:00:00Z',
    });
    const ada = portal?.contactByEmail.get('ada@example.com') ?? '';
    const grace = portal?.contactByEmail.get('grace@example.com') ?? '';
    const linked = (contact: string) =>
      [...(portal?.associations.get(`contacts:${contact}`) ?? [])].filter((l) =>
        l.startsWith(`${schema?.objectTypeId}:`),
      );
    expect(linked(ada)).toHaveLength(2);
    expect(linked(grace)).toHaveLength(1);
    expect(portal?.engagements.notes.size).toBe(3);
    expect(h.sandbox.state.duplicates(PORTAL)).toEqual({ contacts: 0, engagements: 0 });
    expect(h.sandbox.state.rateLimited(PORTAL)).toBe(0);

    const settings = await h.signedFetch('GET', `/v1/card/settings?portalId=${PORTAL}`);
    expect(await settings.json()).toMatchObject({ campaignResults: { notes: true, customObject: 'in-use' } });
  });

  it('refuses malformed, invalid, oversized, too many and unauthenticated results with 4xx and stores nothing', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    const h = harness;
    const post = poster(h, await h.devToken(PORTAL));
    const before = await snapshot();

    const malformed = await post(undefined, '{"items": [');
    expect(malformed.status).toBe(400);
    const badOutcome = await post({ items: [result(), { ...result(), outcome: 'won' }] });
    expect(badOutcome.status).toBe(400);
    expect(((await badOutcome.json()) as { error: { message: string } }).error.message).toMatch(/items\.1\.outcome/);
    // Message text has no place in a result: unknown fields are refused, not silently dropped.
    expect((await post({ items: [{ ...result(), replyText: 'Sounds great, call me' }] })).status).toBe(400);
    expect((await post({ items: [] })).status).toBe(400);
    expect((await post({ items: Array.from({ length: 101 }, () => result()) })).status).toBe(400);
    const huge = await post({ items: [result({ campaignName: 'x'.repeat(1_100_000) })] });
    expect(huge.status).toBe(413);
    const anonymous = await fetch(`${h.server.url}/v1/campaign-results`, {
      method: 'POST',
      body: JSON.stringify({ items: [result()] }),
    });
    expect(anonymous.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('aggregates variant priors per campaign, variant and segment over every rep of the portal', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    const h = harness;
    const rep1 = await h.devToken(PORTAL, 'rep-1');
    const rep2 = await h.devToken(PORTAL, 'rep-2');
    const thread = (email: string, variantId: string, segment: string, outcomes: CampaignResultItem['outcome'][]) =>
      outcomes.map((outcome) => result({ email, variantId, variantName: `V ${variantId}`, segment, outcome }));
    // rep 1: variant a, technical buyers: 3 sends, one positive reply, one meeting (also positive), one out of office.
    const r1 = [
      ...thread('t1@x.io', 'a', 'tech', ['sent', 'positive_reply']),
      ...thread('t2@x.io', 'a', 'tech', ['sent', 'replied', 'meeting']),
      ...thread('t3@x.io', 'a', 'tech', ['sent', 'out_of_office']),
    ];
    // rep 2: variant a, same segment: 1 send with a not-interested reply; variant b, finance: 2 sends, no replies.
    const r2 = [
      ...thread('t4@x.io', 'a', 'tech', ['sent', 'not_interested']),
      ...thread('f1@x.io', 'b', 'finance', ['sent']),
      ...thread('f2@x.io', 'b', 'finance', ['sent', 'bounce']),
      result({ campaignId: 'c2', variantId: 'z', email: 'o@x.io' }),
    ];
    expect((await poster(h, rep1)({ items: r1 })).status).toBe(202);
    expect((await poster(h, rep2)({ items: r2 })).status).toBe(202);
    // The same outcome twice in one thread (two reps' outboxes, or a re-send) counts once.
    expect((await poster(h, rep2)({ items: thread('t1@x.io', 'a', 'tech', ['positive_reply']) })).status).toBe(202);

    const priors = async (query: string, token = rep1) => {
      const response = await fetch(`${h.server.url}/v1/team/variant-priors${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { priors: unknown[] }).priors;
    };
    expect(await priors('?campaignId=c1')).toEqual([
      { campaignId: 'c1', variantId: 'a', segment: 'tech', sends: 4, replies: 3, positiveReplies: 2, meetings: 1 },
      { campaignId: 'c1', variantId: 'b', segment: 'finance', sends: 2, replies: 0, positiveReplies: 0, meetings: 0 },
    ]);
    expect(await priors('', rep2)).toHaveLength(3);
    // Another portal sees nothing of this one.
    expect(await priors('', await h.devToken(202))).toEqual([]);
    const bad = await fetch(`${h.server.url}/v1/team/variant-priors?campaignId=`, {
      headers: { authorization: `Bearer ${rep1}` },
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${h.server.url}/v1/team/variant-priors`)).status).toBe(401);
  });

  it('serves a contact’s results, sentiment trend and the team view only on signed, fresh card requests', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    const h = harness;
    await database().db.query('INSERT INTO portals (portal_id) VALUES ($1)', [PORTAL]);
    await database().db.query(
      `INSERT INTO contact_personas (portal_id, email, hubspot_id) VALUES ($1, 'ada@example.com', '77')`,
      [PORTAL],
    );
    const post = poster(h, await h.devToken(PORTAL));
    const ada = (o: Partial<CampaignResultItem>) => result({ email: 'ada@example.com', ...o });
    const items: CampaignResultItem[] = [
      ada({ outcome: 'sent', occurredAt: '2026-11-02T09:00:00Z' }),
      ada({ outcome: 'replied', sentiment: 'negative', intent: 'objection', occurredAt: '2026-11-03T09:00:00Z' }),
      ada({ outcome: 'positive_reply', sentiment: 'positive', intent: 'pricing', occurredAt: '2026-11-11T09:00:00Z' }),
      ada({
        campaignId: 'c2',
        campaignName: 'Webinar',
        variantId: 'w',
        variantName: 'Invite',
        occurredAt: '2026-11-12T09:00:00Z',
      }),
    ];
    // 40 sends on each of two variants, with 2 vs 20 positive replies: clearly separated, so a winner.
    for (let i = 0; i < 40; i += 1) {
      items.push(result({ campaignId: 'big', campaignName: 'Big', variantId: 'x', email: `x${i}@t.io` }));
      items.push(result({ campaignId: 'big', campaignName: 'Big', variantId: 'y', email: `y${i}@t.io` }));
      if (i < 2)
        items.push(
          result({
            campaignId: 'big',
            campaignName: 'Big',
            variantId: 'x',
            email: `x${i}@t.io`,
            outcome: 'positive_reply',
          }),
        );
      if (i < 20)
        items.push(
          result({
            campaignId: 'big',
            campaignName: 'Big',
            variantId: 'y',
            email: `y${i}@t.io`,
            outcome: 'positive_reply',
          }),
        );
    }
    for (let i = 0; i < items.length; i += 100)
      expect((await post({ items: items.slice(i, i + 100) })).status).toBe(202);

    const path = `/v1/card/campaigns?portalId=${PORTAL}&contactId=77`;
    expect((await fetch(`${h.server.url}${path}`)).status).toBe(401);
    expect((await h.signedFetch('GET', path, '', Date.now() - 6 * 60_000)).status).toBe(401);
    const forged = await fetch(`${h.server.url}${path}`, {
      headers: { 'x-hubspot-signature-v3': 'AAAA', 'x-hubspot-request-timestamp': String(Date.now()) },
    });
    expect(forged.status).toBe(401);
    expect((await fetch(`${h.server.url}/v1/card/team-results?portalId=${PORTAL}`)).status).toBe(401);
    expect((await h.signedFetch('GET', `/v1/card/campaigns?portalId=${PORTAL}&contactId=abc`)).status).toBe(400);

    const card = await h.signedFetch('GET', path);
    expect(card.status).toBe(200);
    expect(await card.json()).toEqual({
      contactId: '77',
      results: [
        {
          campaignId: 'c2',
          campaignName: 'Webinar',
          variantId: 'w',
          variantName: 'Invite',
          channel: 'email',
          sentAt: '2026-11-12T09:00:00.000Z',
          replied: false,
          lastOutcome: 'sent',
          lastOutcomeAt: '2026-11-12T09:00:00.000Z',
          replySentiment: null,
          replyIntent: null,
        },
        {
          campaignId: 'c1',
          campaignName: 'Q4 launch',
          variantId: 'a',
          variantName: 'Variant A',
          channel: 'email',
          sentAt: '2026-11-02T09:00:00.000Z',
          replied: true,
          lastOutcome: 'positive_reply',
          lastOutcomeAt: '2026-11-11T09:00:00.000Z',
          replySentiment: 'positive',
          replyIntent: 'pricing',
        },
      ],
      sentimentTrend: [
        { week: '2026-11-02', negative: 1, neutral: 0, positive: 0 },
        { week: '2026-11-09', negative: 0, neutral: 0, positive: 1 },
      ],
    });
    const unknown = await h.signedFetch('GET', `/v1/card/campaigns?portalId=${PORTAL}&contactId=999`);
    expect(await unknown.json()).toEqual({ contactId: '999', results: [], sentimentTrend: [] });

    const team = await h.signedFetch('GET', `/v1/card/team-results?portalId=${PORTAL}`);
    expect(team.status).toBe(200);
    const body = (await team.json()) as {
      minSends: number;
      campaigns: {
        campaignId: string;
        winner: string | null;
        verdict: { reason: string };
        variants: {
          variantId: string;
          sends: number;
          positiveRate: number;
          positiveInterval: { low: number; high: number; level: number };
        }[];
      }[];
    };
    expect(body.minSends).toBe(30);
    const big = body.campaigns.find((c) => c.campaignId === 'big');
    expect(big?.winner).toBe('y');
    expect(big?.variants.map((v) => [v.variantId, v.sends, v.positiveRate])).toEqual([
      ['x', 40, 0.05],
      ['y', 40, 0.5],
    ]);
    const y = big?.variants[1]?.positiveInterval;
    expect(y?.level).toBe(0.9);
    expect(y?.low).toBeLessThan(0.5);
    expect(y?.high).toBeGreaterThan(0.5);
    // One send per variant is far below the minimum sample: no winner, and the reason says so.
    const small = body.campaigns.find((c) => c.campaignId === 'c1');
    expect(small).toMatchObject({ winner: null, verdict: { reason: 'too_few_arms' } });

    // GDPR: deleting the contact in HubSpot deletes its campaign results here, and only its.
    const others = await count(`campaign_results WHERE email <> 'ada@example.com'`);
    const deletion = JSON.stringify([{ portalId: PORTAL, subscriptionType: 'contact.deletion', objectId: 77 }]);
    expect((await h.signedFetch('POST', '/webhooks/hubspot', deletion)).status).toBe(200);
    expect(await count(`campaign_results WHERE email = 'ada@example.com'`)).toBe(0);
    expect(await count(`campaign_results WHERE email <> 'ada@example.com'`)).toBe(others);
    expect(await (await h.signedFetch('GET', path)).json()).toEqual({
      contactId: '77',
      results: [],
      sentimentTrend: [],
    });
  });
});
