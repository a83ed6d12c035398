import type { Handlers } from '../../shared/common/protocol/router';
import type { studioMethods } from '../messaging/studio-methods';
import { getDb } from '../storage/db';
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
    'catalogue.put': async ({ items }) => putCatalogue(await getDb(), items),
    'catalogue.delete': async ({ ids }) => deleteCatalogue(await getDb(), ids),
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
