import { storage } from 'wxt/utils/storage';
import {
  CatalogueSyncStateSchema,
  EMPTY_SYNC_STATE,
  type CatalogueSyncState,
  type SyncStateStore,
} from './catalogue-sync';

/** The team catalogue's sync state, in `chrome.storage.local` (version 1). */
export const catalogueSyncItem = storage.defineItem<CatalogueSyncState>('local:catalogueSync', {
  fallback: EMPTY_SYNC_STATE,
  version: 1,
});

/**
 * The store over that item. Updates are chained so a `catalogue.put` recorded while a sync runs is not overwritten by
 * the sync's own read-modify-write (both run in the one service worker). A stored value that fails the schema (an
 * older or hand-edited one) counts as empty: the next sync then pulls and pushes everything, which is safe.
 */
export function createSyncStateStore(
  item: Pick<typeof catalogueSyncItem, 'getValue' | 'setValue'> = catalogueSyncItem,
): SyncStateStore {
  let chain: Promise<unknown> = Promise.resolve();
  const read = async () => {
    const parsed = CatalogueSyncStateSchema.safeParse(await item.getValue());
    return parsed.success ? parsed.data : EMPTY_SYNC_STATE;
  };
  return {
    get: () => chain.then(read, read),
    update(change) {
      const next = chain
        .then(
          () => undefined,
          () => undefined,
        )
        .then(async () => {
          const value = change(await read());
          await item.setValue(value);
          return value;
        });
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
