import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../../shared/common/recommend';
import type {
  TeamCatalogueChange,
  TeamCataloguePage,
  TeamCatalogueWrite,
} from '../../shared/common/recommend/team-catalogue';
import {
  EMPTY_SYNC_STATE,
  recordDeletions,
  recordEdits,
  syncCatalogue,
  type CatalogueSyncClient,
  type CatalogueSyncState,
  type LocalCatalogue,
  type SyncStateStore,
} from './catalogue-sync';
import { createSyncStateStore } from './catalogue-sync-state';
import { CompanionError, createCompanionClient } from './client';

const T0 = Date.parse('2026-11-20T10:00:00Z');
const item = (id: string, updatedAt: number, over: Partial<CatalogueItem> = {}): CatalogueItem => ({
  id,
  kind: 'product',
  name: `Item ${id}`,
  description: '',
  tags: [],
  updatedAt,
  ...over,
});

/** The backend's rules in memory: last writer wins by updatedAt, changes listed in the order they were stored. */
function fakeServer(pageSize = 1_000) {
  const rows = new Map<string, { change: TeamCatalogueChange; seq: number }>();
  let seq = 0;
  const log: string[] = [];
  let failNext: CompanionError | null = null;
  const check = () => {
    if (failNext) {
      const err = failNext;
      failNext = null;
      throw err;
    }
  };
  const clientFor = (user: string): CatalogueSyncClient & { pushes: TeamCatalogueWrite[][] } => {
    const pushes: TeamCatalogueWrite[][] = [];
    return {
      pushes,
      async teamCatalogue(since?: string): Promise<TeamCataloguePage> {
        check();
        log.push(`${user} pull ${since ?? '-'}`);
        const from = since ? Number(since.slice(1)) : 0;
        const all = [...rows.values()].filter((r) => r.seq > from).sort((a, b) => a.seq - b.seq);
        const page = all.slice(0, pageSize);
        const last = page[page.length - 1];
        // The fake encodes its sequence in the cursor; the client treats it as opaque.
        return { items: page.map((r) => r.change), cursor: `s${last ? last.seq : seq}`, more: all.length > pageSize };
      },
      async putTeamCatalogue(items: TeamCatalogueWrite[]) {
        check();
        pushes.push(items);
        let applied = 0;
        for (const w of items) {
          const stored = rows.get(w.id);
          if (stored && stored.change.updatedAt >= w.updatedAt) continue;
          const change: TeamCatalogueChange =
            w.deleted === true
              ? { id: w.id, deleted: true, updatedAt: w.updatedAt, updatedBy: user }
              : { ...w, deleted: false, updatedBy: user };
          rows.set(w.id, { change, seq: ++seq });
          applied++;
        }
        return { applied, stale: items.length - applied };
      },
    };
  };
  return {
    rows,
    log,
    clientFor,
    failOnce: (err: CompanionError) => void (failNext = err),
  };
}

function memoryState(): SyncStateStore & { value: CatalogueSyncState } {
  const store = {
    value: EMPTY_SYNC_STATE,
    get: async () => store.value,
    update: async (change: (s: CatalogueSyncState) => CatalogueSyncState) => (store.value = change(store.value)),
  };
  return store;
}

function device(server: ReturnType<typeof fakeServer>, user: string, items: CatalogueItem[] = []) {
  const local = new Map(items.map((i) => [i.id, i]));
  const state = memoryState();
  const client = server.clientFor(user);
  const catalogue: LocalCatalogue = {
    all: async () => [...local.values()],
    apply: async (puts, deletions) => {
      for (const p of puts) local.set(p.id, p);
      for (const id of deletions) local.delete(id);
    },
  };
  return {
    local,
    state,
    client,
    sync: () => syncCatalogue({ client, local: catalogue, state, scope: 'http://b|1', now: () => T0 + 99 }),
    /** What `catalogue.put` does: write, then remember the edit. */
    edit: async (i: CatalogueItem) => (local.set(i.id, i), recordEdits(state, [i])),
    remove: async (id: string, at: number) => (local.delete(id), recordDeletions(state, [id], at)),
  };
}

const names = (d: { local: Map<string, CatalogueItem> }) =>
  [...d.local.values()].map((i) => `${i.id}:${i.name}`).sort();

describe('team catalogue sync', () => {
  it('shares everything the first time, then only edits and deletions, and two devices converge', async () => {
    const server = fakeServer();
    const ada = device(server, 'ada', [item('a', T0), item('b', T0)]);
    const bob = device(server, 'bob', [item('c', T0)]);

    expect(await ada.sync()).toEqual({ received: 0, updatedLocally: 0, pushed: 2, stale: 0, lastSyncAt: T0 + 99 });
    expect(await bob.sync()).toMatchObject({ received: 2, updatedLocally: 2, pushed: 1, stale: 0 });
    // Ada's own two items come back too (she pulled before pushing them) and merge to nothing.
    expect(await ada.sync()).toMatchObject({ received: 3, updatedLocally: 1, pushed: 0 });
    expect(names(ada)).toEqual(['a:Item a', 'b:Item b', 'c:Item c']);
    expect(names(bob)).toEqual(names(ada));

    // Bob renames a, Ada deletes b; nothing else is pushed again.
    await bob.edit(item('a', T0 + 10, { name: 'Renamed' }));
    await ada.remove('b', T0 + 20);
    expect(await bob.sync()).toMatchObject({ pushed: 1 });
    expect(bob.client.pushes.at(-1)).toEqual([item('a', T0 + 10, { name: 'Renamed' })]);
    expect(await ada.sync()).toMatchObject({ updatedLocally: 1, pushed: 1 });
    expect(ada.client.pushes.at(-1)).toEqual([{ id: 'b', deleted: true, updatedAt: T0 + 20 }]);
    await bob.sync();
    expect(names(ada)).toEqual(['a:Renamed', 'c:Item c']);
    expect(names(bob)).toEqual(names(ada));
    expect(ada.state.value).toMatchObject({ edited: {}, deleted: {}, lastSyncAt: T0 + 99 });
    // In sync: another round pushes nothing and changes nothing.
    expect(await ada.sync()).toMatchObject({ updatedLocally: 0, pushed: 0 });
  });

  it('resolves conflicts by updatedAt: a newer team edit beats an older local one, and the other way round', async () => {
    const server = fakeServer();
    const ada = device(server, 'ada', [item('a', T0), item('b', T0), item('c', T0)]);
    const bob = device(server, 'bob');
    await ada.sync();
    await bob.sync();

    await ada.edit(item('a', T0 + 5, { name: 'Ada old edit' }));
    await bob.edit(item('a', T0 + 9, { name: 'Bob newer edit' }));
    await ada.edit(item('b', T0 + 9, { name: 'Ada newer edit' }));
    await bob.edit(item('b', T0 + 5, { name: 'Bob old edit' }));
    // A deletion newer than the colleague's edit wins; an edit newer than a deletion brings the item back.
    await ada.remove('c', T0 + 9);
    await bob.edit(item('c', T0 + 5, { name: 'Bob edit of c' }));
    await bob.sync();
    await ada.sync();
    await bob.sync();
    expect(names(ada)).toEqual(['a:Bob newer edit', 'b:Ada newer edit']);
    expect(names(bob)).toEqual(names(ada));
    expect(ada.client.pushes.at(-1)).toEqual([
      item('b', T0 + 9, { name: 'Ada newer edit' }),
      { id: 'c', deleted: true, updatedAt: T0 + 9 },
    ]);

    await bob.edit(item('c', T0 + 30, { name: 'Back again' }));
    await bob.sync();
    await ada.sync();
    expect(names(ada)).toContain('c:Back again');
  });

  it('keeps everything when not connected, and what is left to push when a push fails', async () => {
    const server = fakeServer();
    const ada = device(server, 'ada', [item('a', T0)]);
    server.failOnce(new CompanionError('not_connected', 'Not connected to the companion backend'));
    await expect(ada.sync()).rejects.toMatchObject({ code: 'not_connected' });
    expect(ada.state.value).toEqual(EMPTY_SYNC_STATE);
    expect(names(ada)).toEqual(['a:Item a']);

    // 450 items: three batches of at most 200; the second fails, so its items and the third's stay pending.
    for (let i = 0; i < 450; i++) await ada.edit(item(`n${i}`, T0 + 1));
    const client = ada.client;
    const put = client.putTeamCatalogue.bind(client);
    let calls = 0;
    client.putTeamCatalogue = async (items) => {
      calls++;
      if (calls === 2) throw new CompanionError('server_error', 'HTTP 503');
      return put(items);
    };
    await expect(ada.sync()).rejects.toMatchObject({ code: 'server_error' });
    expect(client.pushes.map((b) => b.length)).toEqual([200]);
    expect(Object.keys(ada.state.value.edited)).toHaveLength(251);
    expect(ada.state.value.lastSyncAt).toBeNull();
    expect(await ada.sync()).toMatchObject({ pushed: 251 });
    expect(server.rows.size).toBe(451);
    expect(ada.state.value.edited).toEqual({});
  });

  it('keeps an edit made while its older version was being pushed', async () => {
    const server = fakeServer();
    const ada = device(server, 'ada', [item('a', T0)]);
    const put = ada.client.putTeamCatalogue.bind(ada.client);
    ada.client.putTeamCatalogue = async (items) => {
      const answer = await put(items);
      await ada.edit(item('a', T0 + 50, { name: 'Edited meanwhile' }));
      return answer;
    };
    await ada.sync();
    expect(ada.state.value.edited).toEqual({ a: T0 + 50 });
  });

  it('follows pages and starts over when connected to another team', async () => {
    const server = fakeServer(2);
    const bob = device(server, 'bob', [item('a', T0), item('b', T0), item('c', T0), item('d', T0), item('e', T0)]);
    await bob.sync();
    const ada = device(server, 'ada');
    expect(await ada.sync()).toMatchObject({ received: 5, updatedLocally: 5 });
    expect(server.log.filter((l) => l.startsWith('ada'))).toEqual(['ada pull -', 'ada pull s2', 'ada pull s4']);
    expect(ada.state.value.cursor).toBe('s5');

    // The same state under another scope (another backend or portal) pulls from the start and pushes everything.
    const other = syncCatalogue({
      client: ada.client,
      local: { all: async () => [...ada.local.values()], apply: async () => undefined },
      state: ada.state,
      scope: 'http://b|2',
    });
    expect(await other).toMatchObject({ received: 5, pushed: 5 });
    expect(ada.state.value.scope).toBe('http://b|2');
  });

  it('sends pulls and pushes through the privacy ledger with the token, and validates answers', async () => {
    const seen: { purpose: string; url: string; init: RequestInit }[] = [];
    const answers: unknown[] = [
      {
        items: [{ ...item('a', T0), deleted: false, updatedBy: 'bob' }],
        cursor: '2026-11-20T10:00:00.000Z',
        more: false,
      },
      { applied: 1, stale: 0 },
      { items: 'nope' },
    ];
    const client = createCompanionClient({
      ledger: {
        ledgerFetch: async (purpose, url, init = {}) => {
          seen.push({ purpose, url, init });
          return new Response(JSON.stringify(answers.shift()), { status: 200 });
        },
      },
      target: async () => ({ baseUrl: 'http://127.0.0.1:8787/', token: 'clx_token' }),
    });
    expect((await client.teamCatalogue('2026-11-19T00:00:00.000Z')).items).toHaveLength(1);
    expect(await client.putTeamCatalogue([{ id: 'x', deleted: true, updatedAt: T0 }])).toEqual({
      applied: 1,
      stale: 0,
    });
    await expect(client.teamCatalogue()).rejects.toMatchObject({ code: 'invalid_response' });
    expect(seen.map((s) => [s.purpose, s.init.method, s.url])).toEqual([
      ['companion.catalogue.pull', 'GET', 'http://127.0.0.1:8787/v1/team/catalogue?since=2026-11-19T00%3A00%3A00.000Z'],
      ['companion.catalogue.push', 'POST', 'http://127.0.0.1:8787/v1/team/catalogue:batchPut'],
      ['companion.catalogue.pull', 'GET', 'http://127.0.0.1:8787/v1/team/catalogue'],
    ]);
    expect(seen[1]?.init.headers).toMatchObject({ authorization: 'Bearer clx_token' });
    expect(JSON.parse(String(seen[1]?.init.body))).toEqual({ items: [{ id: 'x', deleted: true, updatedAt: T0 }] });

    const offline = createCompanionClient({
      ledger: { ledgerFetch: async () => new Response('{}') },
      target: async () => ({ baseUrl: 'http://127.0.0.1:8787', token: null }),
    });
    await expect(offline.teamCatalogue()).rejects.toMatchObject({ code: 'not_connected' });
  });

  it('stores its state so that concurrent updates are not lost, and treats a broken stored value as empty', async () => {
    let stored: unknown = { broken: true };
    const store = createSyncStateStore({
      getValue: async () => stored as CatalogueSyncState,
      setValue: async (v) => {
        await new Promise((r) => setTimeout(r, 1));
        stored = v;
      },
    });
    expect(await store.get()).toEqual(EMPTY_SYNC_STATE);
    await Promise.all([
      recordEdits(store, [item('a', 1)]),
      recordEdits(store, [item('b', 2)]),
      recordDeletions(store, ['c'], 3),
    ]);
    expect(await store.get()).toMatchObject({ edited: { a: 1, b: 2 }, deleted: { c: 3 } });
  });
});
