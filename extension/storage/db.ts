import { openDB } from 'idb';
import { DB_VERSION, migrations } from './migrations';
import type { CloserDb, CloserSchema } from './schema';

export type { CloserDb } from './schema';

export const DB_NAME = 'closer';

/**
 * Opens the extension's database, running every upgrade step between the stored version and `version`. Only
 * extension contexts may call this: in a content script, IndexedDB is the host page's own.
 */
export function openCloserDb(version: number = DB_VERSION, name: string = DB_NAME): Promise<CloserDb> {
  if (!Number.isInteger(version) || version < 1 || version > migrations.length)
    return Promise.reject(new Error(`No migration to database version ${version} (latest is ${migrations.length})`));
  return openDB<CloserSchema>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) {
        const step = migrations[v];
        if (!step) throw new Error(`No migration from database version ${v}`);
        await step(db, tx);
      }
    },
    blocking(_current, _blocked, event) {
      // A newer version is opening elsewhere (an updated extension page): step aside so it can upgrade.
      (event.target as IDBDatabase).close();
    },
  });
}

let shared: Promise<CloserDb> | null = null;

/** One connection per context, opened on first use. */
export function getDb(): Promise<CloserDb> {
  shared ??= openCloserDb().catch((err) => {
    shared = null;
    throw err;
  });
  return shared;
}
