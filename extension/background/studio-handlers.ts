import type { Handlers } from '../../shared/common/protocol/router';
import type { studioMethods } from '../messaging/studio-methods';
import { getDb } from '../storage/db';
import {
  catalogueSyncStatus,
  noteCatalogueDeletions,
  noteCatalogueEdits,
  syncCatalogueWithTeam,
} from './catalogue-sync-handlers';
import {
  deleteCatalogue,
  deleteLibraryItem,
  listCatalogue,
  listLibrary,
  putCatalogue,
  rateLibraryItem,
  recommendForContact,
} from './studio-store';

/** The content studio's and recommendations' requests, answered from IndexedDB in the service worker. */
export function createStudioHandlers(): Handlers<typeof studioMethods> {
  return {
    'catalogue.list': async () => ({ items: await listCatalogue(await getDb()) }),
    'catalogue.put': async ({ items }) => {
      const result = await putCatalogue(await getDb(), items);
      await noteCatalogueEdits(items);
      return result;
    },
    'catalogue.delete': async ({ ids }) => {
      const result = await deleteCatalogue(await getDb(), ids);
      await noteCatalogueDeletions(ids);
      return result;
    },
    'catalogue.sync': () => syncCatalogueWithTeam(),
    'catalogue.syncStatus': () => catalogueSyncStatus(),
    'recommend.forContact': async (params) => recommendForContact(await getDb(), params),
    'library.list': async () => ({ items: await listLibrary(await getDb()) }),
    'library.put': async ({ item }) => {
      await (await getDb()).put('library', item);
      return { id: item.id };
    },
    'library.rate': async ({ id, rating }) => ({ ok: await rateLibraryItem(await getDb(), id, rating) }),
    'library.delete': async ({ id }) => ({ deleted: await deleteLibraryItem(await getDb(), id) }),
  };
}
