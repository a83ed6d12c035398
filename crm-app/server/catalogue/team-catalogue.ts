/**
 * The team catalogue's storage: last writer wins by the item's `updatedAt`, deletions kept as content-free rows so
 * pulls carry them, and pulls ordered by when this server stored each change.
 */
import type { TeamCatalogueChange, TeamCatalogueWrite } from '../../../shared/common/recommend/team-catalogue';
import type { Database } from '../db/database';

export interface BatchPutResult {
  /** Writes that changed the catalogue. */
  applied: number;
  /** Writes ignored because the stored item is as new or newer (a retry, or a colleague's later edit). */
  stale: number;
}

/**
 * How far a pull's final cursor trails the database clock. A write stamps `changed_at` before it commits; one that
 * commits after a pull ran, with a stamp before it, is still inside the next pull's window. Writes are one statement,
 * so 30 s is ample; re-sent changes merge to nothing on the device.
 */
export const CURSOR_OVERLAP_SECONDS = 30;

export async function putTeamCatalogue(
  db: Database,
  portalId: number,
  userId: string,
  writes: readonly TeamCatalogueWrite[],
): Promise<BatchPutResult> {
  // One write per id (the newest; the first on a tie): one statement may not update a row twice. Sorted by id so two
  // concurrent batches lock rows in the same order instead of deadlocking.
  const newest = new Map<string, TeamCatalogueWrite>();
  for (const w of writes) {
    const seen = newest.get(w.id);
    if (!seen || w.updatedAt > seen.updatedAt) newest.set(w.id, w);
  }
  const rows = [...newest.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((w) =>
      w.deleted === true
        ? { id: w.id, deleted: true, updated_at: new Date(w.updatedAt).toISOString(), tags: [] }
        : {
            id: w.id,
            deleted: false,
            kind: w.kind,
            name: w.name,
            description: w.description,
            tags: w.tags,
            url: w.url ?? null,
            updated_at: new Date(w.updatedAt).toISOString(),
          },
    );
  const { rows: changed } = await db.query<{ item_id: string }>(
    `INSERT INTO team_catalogue AS t (portal_id, item_id, kind, name, description, tags, url, updated_at, updated_by,
                                      deleted, changed_at)
     SELECT $1, r.id, r.kind, r.name, r.description, r.tags, r.url, r.updated_at, $2, r.deleted, clock_timestamp()
       FROM jsonb_to_recordset($3::jsonb) AS r(id text, kind text, name text, description text, tags jsonb, url text,
            updated_at timestamptz, deleted boolean)
     ON CONFLICT (portal_id, item_id) DO UPDATE
        SET kind = excluded.kind, name = excluded.name, description = excluded.description, tags = excluded.tags,
            url = excluded.url, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
            deleted = excluded.deleted, changed_at = clock_timestamp()
      WHERE t.updated_at < excluded.updated_at
     RETURNING item_id`,
    [portalId, userId, JSON.stringify(rows)],
  );
  return { applied: changed.length, stale: writes.length - changed.length };
}

interface ChangeRow {
  item_id: string;
  kind: 'product' | 'content' | null;
  name: string | null;
  description: string | null;
  tags: string[];
  url: string | null;
  updated_at: Date;
  updated_by: string;
  deleted: boolean;
  changed_at: Date;
}

function toChange(row: ChangeRow): TeamCatalogueChange {
  const base = { id: row.item_id, updatedAt: row.updated_at.getTime(), updatedBy: row.updated_by };
  if (row.deleted) return { ...base, deleted: true };
  return {
    ...base,
    deleted: false,
    kind: row.kind ?? 'product',
    name: row.name ?? '',
    description: row.description ?? '',
    tags: row.tags,
    ...(row.url ? { url: row.url } : {}),
  };
}

/** The portal's changes stored at or after `since` (all of them without it), oldest first, `limit` at most. */
export async function teamCatalogueChanges(
  db: Database,
  portalId: number,
  since: string | undefined,
  limit: number,
): Promise<{ items: TeamCatalogueChange[]; cursor: string; more: boolean }> {
  // Taken before the read: every change stored after this moment (less the overlap) is in the next pull.
  const { rows: clock } = await db.query<{ cursor: Date }>(`SELECT now() - make_interval(secs => $1) AS cursor`, [
    CURSOR_OVERLAP_SECONDS,
  ]);
  const { rows } = await db.query<ChangeRow>(
    `SELECT item_id, kind, name, description, tags, url, updated_at, updated_by, deleted, changed_at
       FROM team_catalogue
      WHERE portal_id = $1 AND ($2::timestamptz IS NULL OR changed_at >= $2::timestamptz)
      ORDER BY changed_at, item_id LIMIT $3`,
    [portalId, since ?? null, limit + 1],
  );
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  // A cut page continues from its last change (inclusive, and Date drops microseconds, so nothing falls between);
  // batches hold at most 200 items and pages 1000, so the next page always gets further.
  const last = page[page.length - 1];
  const cursor = more && last ? last.changed_at : (clock[0]?.cursor ?? new Date());
  return { items: page.map(toChange), cursor: cursor.toISOString(), more };
}
