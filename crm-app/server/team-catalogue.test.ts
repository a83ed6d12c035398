/**
 * The team catalogue on both databases: reps of a portal share items through their extension tokens, the newer
 * `updatedAt` wins, retries change nothing, deletions reach other devices, other portals see nothing, and bad input
 * is refused with 4xx leaving the table as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TeamCatalogueWrite } from '../../shared/common/recommend/team-catalogue';
import { DATABASE_KINDS, useTestDatabase } from './test-support/test-databases';
import { startHarness, type Harness } from './test-support/app-harness';

const PORTAL = 301;
const T0 = Date.parse('2026-11-20T10:00:00Z');

const item = (id: string, updatedAt: number, over: Record<string, unknown> = {}): TeamCatalogueWrite => ({
  id,
  kind: 'product',
  name: `Item ${id}`,
  description: `About ${id}`,
  tags: ['crm'],
  updatedAt,
  ...over,
});

describe.each(DATABASE_KINDS)('team catalogue on %s', (kind) => {
  const database = useTestDatabase(kind);
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const rows = async () =>
    (
      await database().db.query<Record<string, unknown>>(
        `SELECT portal_id, item_id, kind, name, description, tags, url, updated_at, updated_by, deleted, changed_at
           FROM team_catalogue ORDER BY portal_id, item_id`,
      )
    ).rows;
  const api = (h: Harness, token: string) => ({
    put: (body: unknown, raw?: string) =>
      fetch(`${h.server.url}/v1/team/catalogue:batchPut`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: raw ?? JSON.stringify(body),
      }),
    pull: async (query = '') => {
      const res = await fetch(`${h.server.url}/v1/team/catalogue${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return {
        status: res.status,
        body: (await res.json()) as { items: Record<string, unknown>[]; cursor: string; more: boolean },
      };
    },
  });

  it('shares items between reps, last writer wins by updatedAt, retries and older writes change nothing', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    const h = harness;
    const ada = api(h, await h.devToken(PORTAL, 'ada'));
    const bob = api(h, await h.devToken(PORTAL, 'bob'));

    const first = await ada.put({
      items: [item('a', T0, { url: 'https://example.com/a', tags: ['crm', '销售'] }), item('b', T0)],
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ applied: 2, stale: 0 });
    // The same batch again (a lost answer, retried): nothing changes, not even the change time.
    const stored = await rows();
    expect(
      await (
        await ada.put({
          items: [item('a', T0, { url: 'https://example.com/a', tags: ['crm', '销售'] }), item('b', T0)],
        })
      ).json(),
    ).toEqual({
      applied: 0,
      stale: 2,
    });
    expect(await rows()).toEqual(stored);

    const pulled = await bob.pull();
    expect(pulled.status).toBe(200);
    expect(pulled.body.more).toBe(false);
    expect(pulled.body.items).toEqual([
      {
        id: 'a',
        deleted: false,
        kind: 'product',
        name: 'Item a',
        description: 'About a',
        tags: ['crm', '销售'],
        url: 'https://example.com/a',
        updatedAt: T0,
        updatedBy: 'ada',
      },
      {
        id: 'b',
        deleted: false,
        kind: 'product',
        name: 'Item b',
        description: 'About b',
        tags: ['crm'],
        updatedAt: T0,
        updatedBy: 'ada',
      },
    ]);
    const cursor = pulled.body.cursor;

    // Bob edits a later, Ada's older edit of a (made offline) arrives after it and loses; b is deleted by Bob.
    const edits = await bob.put({
      items: [
        item('a', T0 + 2_000, { name: 'Renamed a', kind: 'content' }),
        { id: 'b', deleted: true, updatedAt: T0 + 1 },
      ],
    });
    expect(await edits.json()).toEqual({ applied: 2, stale: 0 });
    expect(await (await ada.put({ items: [item('a', T0 + 1_000, { name: 'Old edit' })] })).json()).toEqual({
      applied: 0,
      stale: 1,
    });
    // Within one batch the newest write of an id counts.
    expect(
      await (
        await ada.put({ items: [item('c', T0 + 5), item('c', T0 + 9, { name: 'C newest' }), item('c', T0 + 7)] })
      ).json(),
    ).toEqual({
      applied: 1,
      stale: 2,
    });

    const since = await ada.pull(`?since=${encodeURIComponent(cursor)}`);
    expect(since.body.items).toEqual([
      expect.objectContaining({ id: 'a', name: 'Renamed a', kind: 'content', updatedAt: T0 + 2_000, updatedBy: 'bob' }),
      { id: 'b', deleted: true, updatedAt: T0 + 1, updatedBy: 'bob' },
      expect.objectContaining({ id: 'c', name: 'C newest', updatedAt: T0 + 9 }),
    ]);
    // A deletion keeps none of the item's content.
    const b = (await rows()).find((r) => r.item_id === 'b');
    expect(b).toMatchObject({ deleted: true, kind: null, name: null, description: null, url: null, tags: [] });
    // A later put brings a deleted item back.
    expect(await (await ada.put({ items: [item('b', T0 + 3)] })).json()).toEqual({ applied: 1, stale: 0 });
    expect((await rows()).find((r) => r.item_id === 'b')).toMatchObject({ deleted: false, name: 'Item b' });

    // Another portal sees nothing of this one.
    const other = api(h, await h.devToken(999, 'eve'));
    expect((await other.pull()).body.items).toEqual([]);
  });

  it('pages a large catalogue without losing or repeating forever', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    const h = harness;
    const rep = api(h, await h.devToken(PORTAL, 'ada'));
    for (let batch = 0; batch < 3; batch += 1) {
      const items = Array.from({ length: 200 }, (_, i) => item(`i${batch * 200 + i}`, T0));
      expect((await rep.put({ items })).status).toBe(200);
    }
    const seen = new Set<string>();
    let query = '?limit=250';
    let pages = 0;
    for (;;) {
      const { status, body } = await rep.pull(query);
      expect(status).toBe(200);
      pages += 1;
      for (const change of body.items) seen.add(String(change.id));
      if (!body.more) break;
      query = `?limit=250&since=${encodeURIComponent(body.cursor)}`;
      expect(pages).toBeLessThan(10);
    }
    expect(seen.size).toBe(600);
  });

  it('refuses malformed, invalid, empty, oversized and unauthenticated requests with 4xx and changes nothing', async () => {
    harness = await startHarness(database().db, {}, { SYNC_WORKER: '0' });
    const h = harness;
    const rep = api(h, await h.devToken(PORTAL, 'ada'));
    expect((await rep.put({ items: [item('keep', T0)] })).status).toBe(200);
    const before = await rows();

    expect((await rep.put(undefined, '{"items": [')).status).toBe(400);
    const badKind = await rep.put({ items: [item('x', T0 + 1), item('y', T0 + 1, { kind: 'service' })] });
    expect(badKind.status).toBe(400);
    expect(((await badKind.json()) as { error: { message: string } }).error.message).toMatch(/items\.1/);
    expect((await rep.put({ items: [] })).status).toBe(400);
    expect((await rep.put({ items: Array.from({ length: 201 }, (_, i) => item(`n${i}`, T0 + 1)) })).status).toBe(400);
    // Unknown fields (say, a pasted mail) are refused, not dropped.
    expect((await rep.put({ items: [item('keep', T0 + 1, { emailBody: 'Hi Ada' })] })).status).toBe(400);
    expect((await rep.put({ items: [item('keep', T0 + 1, { url: 'javascript:alert(1)' })] })).status).toBe(400);
    expect((await rep.put({ items: [item('keep', -1)] })).status).toBe(400);
    expect((await rep.put({ items: [{ id: 'keep', deleted: true }] })).status).toBe(400);
    expect((await rep.put({ items: [item('keep', T0 + 1, { name: 'x'.repeat(201) })] })).status).toBe(400);
    expect((await rep.put({ items: [item('keep', T0 + 1, { description: 'x'.repeat(1_100_000) })] })).status).toBe(413);
    const anonymous = await fetch(`${h.server.url}/v1/team/catalogue:batchPut`, {
      method: 'POST',
      body: JSON.stringify({ items: [item('keep', T0 + 1)] }),
    });
    expect(anonymous.status).toBe(401);
    expect((await fetch(`${h.server.url}/v1/team/catalogue`)).status).toBe(401);
    expect((await rep.pull('?since=yesterday')).status).toBe(400);
    expect((await rep.pull('?limit=0')).status).toBe(400);
    expect(await rows()).toEqual(before);
  });
});
