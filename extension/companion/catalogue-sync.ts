import { z } from 'zod';
import type { CatalogueItem } from '../../shared/common/recommend';
import {
  MAX_TEAM_CATALOGUE_BATCH,
  type TeamCatalogueChange,
  type TeamCataloguePage,
  type TeamCatalogueWrite,
} from '../../shared/common/recommend/team-catalogue';

/**
 * Sharing the team catalogue through the companion backend: pull the team's changes since the last sync and merge
 * them into the local catalogue (the newer `updatedAt` wins, as on the server), then push what was edited or deleted
 * here. Pure logic over injected ports, so it is tested with fakes; the service worker wires IndexedDB, the
 * companion client (whose requests go through the privacy ledger) and `chrome.storage`.
 */

/** What the sync remembers between runs, in `chrome.storage.local` (never in a content script). */
export const CatalogueSyncStateSchema = z.object({
  /** The backend and portal the cursor belongs to: connecting elsewhere starts over (pull all, push all). */
  scope: z.string().nullable(),
  /** The server's `cursor` of the last complete pull: the next pull's `since`. */
  cursor: z.string().nullable(),
  lastSyncAt: z.number().nullable(),
  /** Ids edited here and not yet pushed, with the edit's `updatedAt`. */
  edited: z.record(z.string(), z.number()),
  /** Ids deleted here and not yet pushed, with when. */
  deleted: z.record(z.string(), z.number()),
});
export type CatalogueSyncState = z.infer<typeof CatalogueSyncStateSchema>;

export const EMPTY_SYNC_STATE: CatalogueSyncState = {
  scope: null,
  cursor: null,
  lastSyncAt: null,
  edited: {},
  deleted: {},
};

export interface SyncStateStore {
  get(): Promise<CatalogueSyncState>;
  /** Read-modify-write, serialised with every other update (edits may be recorded while a sync runs). */
  update(change: (state: CatalogueSyncState) => CatalogueSyncState): Promise<CatalogueSyncState>;
}

export interface LocalCatalogue {
  all(): Promise<CatalogueItem[]>;
  /** Writes the merged team changes (puts, then deletions). */
  apply(puts: CatalogueItem[], deletions: string[]): Promise<void>;
}

export interface CatalogueSyncClient {
  teamCatalogue(since?: string): Promise<TeamCataloguePage>;
  putTeamCatalogue(items: TeamCatalogueWrite[]): Promise<{ applied: number; stale: number }>;
}

export interface CatalogueSyncDeps {
  client: CatalogueSyncClient;
  local: LocalCatalogue;
  state: SyncStateStore;
  /** `backendUrl|portalId` of the current connection. */
  scope: string;
  now?: () => number;
  /** Guard against a server that keeps saying `more`. */
  maxPages?: number;
}

export interface CatalogueSyncResult {
  /** Changes the team had since the last sync. */
  received: number;
  /** Local items added, replaced or deleted by them. */
  updatedLocally: number;
  /** Edits and deletions sent from here. */
  pushed: number;
  /** Of those, how many lost to a newer write on the server. */
  stale: number;
  lastSyncAt: number;
}

/** Remembers local edits for the next push (called by `catalogue.put`). */
export function recordEdits(state: SyncStateStore, items: readonly CatalogueItem[]): Promise<CatalogueSyncState> {
  return state.update((s) => {
    const edited = { ...s.edited };
    const deleted = { ...s.deleted };
    for (const item of items) {
      edited[item.id] = Math.max(edited[item.id] ?? 0, item.updatedAt);
      delete deleted[item.id];
    }
    return { ...s, edited, deleted };
  });
}

/** Remembers local deletions for the next push (called by `catalogue.delete`). */
export function recordDeletions(
  state: SyncStateStore,
  ids: readonly string[],
  at: number,
): Promise<CatalogueSyncState> {
  return state.update((s) => {
    const edited = { ...s.edited };
    const deleted = { ...s.deleted };
    for (const id of ids) {
      deleted[id] = at;
      delete edited[id];
    }
    return { ...s, edited, deleted };
  });
}

/** The item as stored locally: the server's bookkeeping fields dropped. */
function toLocal(change: Extract<TeamCatalogueChange, { deleted: false }>): CatalogueItem {
  const { deleted: _deleted, updatedBy: _updatedBy, ...item } = change;
  return item;
}

/**
 * One sync round. Throws the client's error (e.g. `not_connected`) before changing anything when the first request
 * fails; a failure later keeps what was already merged and what is left to push for the next round.
 */
export async function syncCatalogue(deps: CatalogueSyncDeps): Promise<CatalogueSyncResult> {
  const now = deps.now ?? Date.now;
  const maxPages = deps.maxPages ?? 100;
  let state = await deps.state.get();
  const fresh = state.scope !== deps.scope;
  const cursor = fresh ? null : state.cursor;

  // 1. Pull every change since the cursor; the newest per id counts.
  const changes = new Map<string, TeamCatalogueChange>();
  let since = cursor ?? undefined;
  let received = 0;
  for (let page = 0; ; page++) {
    if (page >= maxPages) throw new Error(`The team catalogue did not finish within ${maxPages} pages`);
    const answer = await deps.client.teamCatalogue(since);
    received += answer.items.length;
    for (const change of answer.items) {
      const seen = changes.get(change.id);
      if (!seen || change.updatedAt >= seen.updatedAt) changes.set(change.id, change);
    }
    since = answer.cursor;
    if (!answer.more) break;
  }

  // 2. Merge: the newer updatedAt wins; on a tie the local copy stays (it is the same write, or it is pushed next).
  const local = new Map((await deps.local.all()).map((item) => [item.id, item]));
  const puts: CatalogueItem[] = [];
  const removals: string[] = [];
  const settled: string[] = [];
  for (const change of changes.values()) {
    const mine = local.get(change.id);
    const deletedHere = state.deleted[change.id];
    if (change.deleted) {
      if (mine && mine.updatedAt <= change.updatedAt) {
        removals.push(change.id);
        local.delete(change.id);
        settled.push(change.id);
      }
      // Already deleted on the server: nothing left to push for a local deletion.
      if (deletedHere !== undefined) settled.push(change.id);
      continue;
    }
    if (deletedHere !== undefined && deletedHere >= change.updatedAt) continue;
    if (mine && mine.updatedAt >= change.updatedAt) continue;
    const item = toLocal(change);
    puts.push(item);
    local.set(item.id, item);
    settled.push(change.id);
  }
  if (puts.length > 0 || removals.length > 0) await deps.local.apply(puts, removals);
  state = await deps.state.update((s) => {
    const edited = { ...s.edited };
    const deleted = { ...s.deleted };
    // A team change replaced these: unless edited again meanwhile, there is nothing of ours left to push.
    for (const id of settled) {
      const change = changes.get(id);
      if (change && (edited[id] ?? 0) <= change.updatedAt) delete edited[id];
      if (change && (deleted[id] ?? 0) <= change.updatedAt) delete deleted[id];
      if (change?.deleted) delete deleted[id];
    }
    // The first time with this team everything here is shared, and stays pending until it was sent.
    // (What just came from the team is the team's already.)
    const fromTeam = new Set(puts.map((p) => p.id));
    if (fresh)
      for (const item of local.values())
        if (!fromTeam.has(item.id)) edited[item.id] = Math.max(edited[item.id] ?? 0, item.updatedAt);
    return { ...s, scope: deps.scope, cursor: since ?? s.cursor, edited, deleted };
  });

  // 3. Push what was edited or deleted here.
  const writes: TeamCatalogueWrite[] = [];
  for (const id of Object.keys(state.edited)) {
    const item = local.get(id);
    if (item) writes.push(item);
  }
  for (const [id, at] of Object.entries(state.deleted)) writes.push({ id, deleted: true, updatedAt: at });
  let stale = 0;
  for (let i = 0; i < writes.length; i += MAX_TEAM_CATALOGUE_BATCH) {
    const batch = writes.slice(i, i + MAX_TEAM_CATALOGUE_BATCH);
    const answer = await deps.client.putTeamCatalogue(batch);
    stale += answer.stale;
    await deps.state.update((s) => {
      const edited = { ...s.edited };
      const deleted = { ...s.deleted };
      // Only what was sent: an edit made while this batch travelled stays for the next push.
      for (const w of batch) {
        const pending = w.deleted === true ? deleted : edited;
        const at = pending[w.id];
        if (at !== undefined && at <= w.updatedAt) delete pending[w.id];
      }
      return { ...s, edited, deleted };
    });
  }

  const lastSyncAt = now();
  await deps.state.update((s) => ({ ...s, lastSyncAt }));
  return { received, updatedLocally: puts.length + removals.length, pushed: writes.length, stale, lastSyncAt };
}
