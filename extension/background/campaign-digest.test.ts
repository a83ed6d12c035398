import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { aggregateOutcomes } from '../../shared/common/campaigns';
import { openCloserDb } from '../storage/db';
import type { EventRecord } from '../storage/schema';
import { DIGEST_ID, buildDigest, loadDashboardInput, readDigest } from './campaign-digest';
import { toOutcomeEvents } from './campaign-definitions';

const DEFAULTS = { segment: 'default', rep: 'me' };

function events(n: number): EventRecord[] {
  const out: EventRecord[] = [];
  for (let t = 0; t < n; t++) {
    const base = { campaignId: `c${t % 3}`, variantId: `v${t % 2}`, contactId: `x${t}@example.com`, threadId: `t${t}` };
    out.push({
      id: `s${t}`,
      type: 'sent',
      at: 1_000 + t,
      ...base,
      ...(t % 5 === 0 ? { draftId: `d${t}` } : {}),
      detail: t % 4 ? { segment: `g${t % 4}`, rep: 'r@x.com' } : {},
    });
    if (t % 3 === 0)
      out.push({
        id: `o${t}`,
        type: ['positive_reply', 'bounce', 'meeting'][t % 9 === 0 ? 0 : t % 2] ?? 'replied',
        at: 5_000 + t,
        ...base,
        detail: { sentiment: 'positive', messageId: `m${t}` },
      });
  }
  out.push({ id: 'tag:d1', type: 'tag', at: 1, campaignId: 'c0', variantId: 'v0', draftId: 'd1' });
  out.push({ id: 'plain', type: 'sent', at: 1, to: ['a@b.c'] });
  return out;
}

describe('dashboard digest', () => {
  it('round-trips to exactly the outcome events the store would read, and the same aggregation', () => {
    const records = events(300);
    const { events: fromDigest, draftSends, positiveThreads } = readDigest(buildDigest(records, DEFAULTS));
    const direct = toOutcomeEvents(records).map(({ id: _id, ...e }) => e);
    expect(fromDigest).toEqual(direct);
    expect(aggregateOutcomes(fromDigest)).toEqual(aggregateOutcomes(toOutcomeEvents(records)));
    expect(draftSends).toHaveLength(60);
    expect(draftSends[0]).toEqual({ threadId: 't0', draftId: 'd0', at: 1_000 });
    expect(positiveThreads.has('t0')).toBe(true);
  });

  it('is rebuilt when events were added or deleted, and reused otherwise', async () => {
    const db = await openCloserDb(undefined, `digest-${Math.random()}`);
    for (const r of events(50)) await db.put('events', r);
    const first = await loadDashboardInput(db, DEFAULTS);
    expect(first.rebuilt).toBe(true);
    expect((await db.get('models', DIGEST_ID))?.json).toBeDefined();
    const second = await loadDashboardInput(db, DEFAULTS);
    expect(second.rebuilt).toBe(false);
    expect(second.events).toEqual(first.events);
    await db.put('events', { id: 'new', type: 'sent', at: 9, campaignId: 'c9', variantId: 'v9', contactId: 'n@x.com' });
    const third = await loadDashboardInput(db, DEFAULTS);
    expect(third.rebuilt).toBe(true);
    expect(third.events.some((e) => e.campaignId === 'c9')).toBe(true);
    await db.delete('events', 'new');
    expect((await loadDashboardInput(db, DEFAULTS)).events.some((e) => e.campaignId === 'c9')).toBe(false);
  });
});

describe('dashboard digest appends', () => {
  it('appends new events to a current digest, equal to a rebuild, and leaves a stale one for the next read', async () => {
    const { appendToDigest } = await import('./campaign-digest');
    const db = await openCloserDb(undefined, `digest-append-${Math.random()}`);
    const all = events(40);
    for (const r of all.slice(0, 30)) await db.put('events', r);
    await loadDashboardInput(db, DEFAULTS);
    for (const r of all.slice(30)) await db.put('events', r);
    await appendToDigest(db, all.slice(30), DEFAULTS);
    const appended = await loadDashboardInput(db, DEFAULTS);
    expect(appended.rebuilt).toBe(false);
    // The stored part is in key order (as the database returns it), the appended part in write order.
    const key = (e: { contactId: string; type: string }) => `${e.contactId}/${e.type}`;
    const sorted = <T extends { contactId: string; type: string }>(list: T[]) =>
      [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const expected = readDigest(buildDigest(all, DEFAULTS));
    expect(sorted(appended.events)).toEqual(sorted(expected.events));
    expect(aggregateOutcomes(appended.events)).toEqual(aggregateOutcomes(toOutcomeEvents(all)));
    expect(new Set(appended.draftSends.map((d) => d.draftId))).toEqual(
      new Set(expected.draftSends.map((d) => d.draftId)),
    );
    expect(appended.positiveThreads).toEqual(expected.positiveThreads);
    // Written behind the digest's back: the append does not match the count, and the next read rebuilds.
    await db.put('events', { id: 'x1', type: 'sent', at: 1, campaignId: 'c', variantId: 'v', contactId: 'a@b.c' });
    await db.put('events', { id: 'x2', type: 'sent', at: 2, campaignId: 'c', variantId: 'v', contactId: 'd@b.c' });
    await appendToDigest(
      db,
      [{ id: 'x2', type: 'sent', at: 2, campaignId: 'c', variantId: 'v', contactId: 'd@b.c' }],
      DEFAULTS,
    );
    const rebuilt = await loadDashboardInput(db, DEFAULTS);
    expect(rebuilt.rebuilt).toBe(true);
    expect(rebuilt.events.filter((e) => e.campaignId === 'c')).toHaveLength(2);
  });
});
