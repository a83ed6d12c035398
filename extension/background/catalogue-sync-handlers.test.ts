import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueItem } from '../../shared/common/recommend';
import type { TeamCatalogueWrite } from '../../shared/common/recommend/team-catalogue';
import { EMPTY_SYNC_STATE, type CatalogueSyncState, type SyncStateStore } from '../companion/catalogue-sync';
import type { Handlers } from '../../shared/common/protocol/router';
import type { studioMethods } from '../messaging/studio-methods';
import { setCatalogueSyncWiring } from './catalogue-sync-handlers';
import { createStudioHandlers } from './studio-handlers';

const item = (id: string, updatedAt: number, name = `Item ${id}`): CatalogueItem => ({
  id,
  kind: 'content',
  name,
  description: 'Guide',
  tags: ['crm'],
  updatedAt,
});

function memoryState(): SyncStateStore & { value: CatalogueSyncState } {
  const store = {
    value: EMPTY_SYNC_STATE,
    get: async () => store.value,
    update: async (change: (s: CatalogueSyncState) => CatalogueSyncState) => (store.value = change(store.value)),
  };
  return store;
}

afterEach(() => setCatalogueSyncWiring(null));

describe('catalogue.sync in the service worker', () => {
  it('records edits and deletions, pulls team items into IndexedDB, pushes local changes, reports status', async () => {
    const state = memoryState();
    const pushed: TeamCatalogueWrite[][] = [];
    let connected = true;
    setCatalogueSyncWiring({
      state,
      connect: async () =>
        connected
          ? {
              scope: 'http://127.0.0.1:8787|101',
              client: {
                teamCatalogue: async () => ({
                  items: [{ ...item('team-1', 5, 'From Bob'), deleted: false, updatedBy: 'bob' }],
                  cursor: '2026-11-20T10:00:00.000Z',
                  more: false,
                }),
                putTeamCatalogue: async (items) => (pushed.push(items), { applied: items.length, stale: 0 }),
              },
            }
          : null,
    });
    const h = createStudioHandlers() as Required<Handlers<typeof studioMethods>>;
    const ctx = undefined as never;
    // A clean slate: other tests of this worker may share the default database.
    const existing = (await h['catalogue.list']({}, ctx)).items.map((i) => i.id);
    if (existing.length > 0) await h['catalogue.delete']({ ids: existing }, ctx);
    state.value = EMPTY_SYNC_STATE;

    await h['catalogue.put']({ items: [item('mine', 10), item('old', 10)] }, ctx);
    await h['catalogue.delete']({ ids: ['old'] }, ctx);
    expect(state.value).toMatchObject({ edited: { mine: 10 }, deleted: { old: expect.any(Number) } });
    expect(await h['catalogue.syncStatus']({}, ctx)).toEqual({ connected: true, lastSyncAt: null, pending: 2 });

    const result = await h['catalogue.sync']({}, ctx);
    expect(result).toMatchObject({ received: 1, updatedLocally: 1, pushed: 2, stale: 0 });
    expect(pushed.flat().map((w) => [w.id, w.deleted ?? false])).toEqual([
      ['mine', false],
      ['old', true],
    ]);
    expect((await h['catalogue.list']({}, ctx)).items.map((i) => i.name)).toEqual(['From Bob', 'Item mine']);
    // The pulled item is the team's: it is not queued to be pushed back.
    expect(await h['catalogue.syncStatus']({}, ctx)).toEqual({
      connected: true,
      lastSyncAt: result.lastSyncAt,
      pending: 0,
    });
    // Recommendations see the pulled item at once (the index was rebuilt).
    const rec = await h['recommend.forContact']({ persona: { interests: ['guide crm'] } }, ctx);
    expect(rec.catalogueSize).toBe(2);

    connected = false;
    await expect(h['catalogue.sync']({}, ctx)).rejects.toMatchObject({
      code: 'host_unavailable',
      message: expect.stringMatching(/^companion\.not_connected: .*options page/),
    });
    expect(await h['catalogue.syncStatus']({}, ctx)).toEqual({ connected: false, lastSyncAt: null, pending: 0 });
  });
});
