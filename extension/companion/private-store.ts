import { openDB, type IDBPDatabase } from 'idb';

/**
 * Secrets of the extension origin (the companion token, the trusted model host) in an IndexedDB database of their
 * own. `chrome.storage.local` is readable and writable by content scripts, so a compromised Gmail or HubSpot renderer
 * could read a token kept there; the extension origin's IndexedDB is reachable only from extension pages and the
 * service worker (a content script's IndexedDB is the host page's). Kept apart from the main `closer` database so
 * its schema can evolve without a step there.
 */
export const PRIVATE_DB_NAME = 'closer-private';
/** v1: one key-value store. */
export const PRIVATE_DB_VERSION = 1;
const STORE = 'kv';

let shared: Promise<IDBPDatabase> | null = null;

function privateDb(): Promise<IDBPDatabase> {
  shared ??= openDB(PRIVATE_DB_NAME, PRIVATE_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore(STORE);
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  }).catch((err: unknown) => {
    shared = null;
    throw err;
  });
  return shared;
}

export async function getPrivate<T>(key: string): Promise<T | undefined> {
  return (await (await privateDb()).get(STORE, key)) as T | undefined;
}

export async function setPrivate(key: string, value: unknown): Promise<void> {
  await (await privateDb()).put(STORE, value, key);
}

/** For tests: forget the open connection so the next call opens the database again. */
export function closePrivateDbForTests(): void {
  void shared?.then((db) => db.close());
  shared = null;
}
