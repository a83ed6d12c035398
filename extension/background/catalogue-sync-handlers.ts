import { ProtocolError } from '../../shared/common/protocol/errors';
import type { CatalogueItem } from '../../shared/common/recommend';
import type { ResultOf } from '../../shared/common/protocol/define';
import {
  recordDeletions,
  recordEdits,
  syncCatalogue,
  type CatalogueSyncClient,
  type SyncStateStore,
} from '../companion/catalogue-sync';
import { createSyncStateStore } from '../companion/catalogue-sync-state';
import { CompanionError, createCompanionClient } from '../companion/client';
import { connectionItem, sameBackend } from '../companion/connection-store';
import { createLedger } from '../companion/ledger';
import type { studioMethods } from '../messaging/studio-methods';
import { getDb } from '../storage/db';
import { settingsItem } from '../storage/settings';
import { deleteCatalogue, listCatalogue, putCatalogue } from './studio-store';

type M = typeof studioMethods;

export interface CatalogueSyncWiring {
  state: SyncStateStore;
  /** The companion client and the connection's scope; null when not connected to the backend in the settings. */
  connect: () => Promise<{ client: CatalogueSyncClient; scope: string } | null>;
}

/** The service worker's wiring: the ledgered companion client, IndexedDB and `chrome.storage`. */
function workerWiring(): CatalogueSyncWiring {
  const ledger = createLedger({ db: getDb, context: 'worker' });
  return {
    state: createSyncStateStore(),
    async connect() {
      const [{ companionUrl }, { connection }] = await Promise.all([
        settingsItem.getValue(),
        connectionItem.getValue(),
      ]);
      // A token is only ever sent to the backend that issued it.
      if (!connection || !sameBackend(connection.backendUrl, companionUrl)) return null;
      const client = createCompanionClient({
        ledger,
        target: async () => ({ baseUrl: companionUrl, token: connection.token }),
      });
      return { client, scope: `${connection.backendUrl}|${connection.portalId}` };
    },
  };
}

let wiring: CatalogueSyncWiring | null = null;
const current = () => (wiring ??= workerWiring());

/** Tests swap the wiring (fake client and state). */
export function setCatalogueSyncWiring(next: CatalogueSyncWiring | null): void {
  wiring = next;
}

/** Called after `catalogue.put`: these edits are shared at the next sync. */
export const noteCatalogueEdits = (items: readonly CatalogueItem[]) => recordEdits(current().state, items);
/** Called after `catalogue.delete`: these deletions are shared at the next sync. */
export const noteCatalogueDeletions = (ids: readonly string[]) => recordDeletions(current().state, ids, Date.now());

/** Backend failures as protocol errors whose message starts with the cause (`companion.not_connected: …`). */
function toProtocolError(err: unknown): unknown {
  if (!(err instanceof CompanionError)) return err;
  const code = err.code === 'bad_request' ? 'invalid_params' : 'host_unavailable';
  return new ProtocolError(code, `companion.${err.code}: ${err.message}`);
}

export async function syncCatalogueWithTeam(): Promise<ResultOf<M, 'catalogue.sync'>> {
  const { state, connect } = current();
  const link = await connect();
  if (!link)
    throw toProtocolError(
      new CompanionError('not_connected', 'Not connected to the companion backend: connect it on the options page'),
    );
  try {
    const db = await getDb();
    return await syncCatalogue({
      client: link.client,
      scope: link.scope,
      state,
      local: {
        all: () => listCatalogue(db),
        async apply(puts, deletions) {
          if (puts.length > 0) await putCatalogue(db, puts);
          if (deletions.length > 0) await deleteCatalogue(db, deletions);
        },
      },
    });
  } catch (err) {
    throw toProtocolError(err);
  }
}

export async function catalogueSyncStatus(): Promise<ResultOf<M, 'catalogue.syncStatus'>> {
  const { state, connect } = current();
  const [s, link] = await Promise.all([state.get(), connect()]);
  return {
    connected: link !== null,
    lastSyncAt: link && s.scope === link.scope ? s.lastSyncAt : null,
    pending: Object.keys(s.edited).length + Object.keys(s.deleted).length,
  };
}
