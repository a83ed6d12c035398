import {
  buildCatalogueIndex,
  profileFromPersonaFields,
  recommendWithEmbeddings,
  type CatalogueIndex,
  type CatalogueItem,
  type EmbedFn,
  type PersonaProfile,
} from '../../shared/common/recommend';
import type { ParamsOf, ResultOf } from '../../shared/common/protocol/define';
import type { LibraryItem, studioMethods } from '../messaging/studio-methods';
import type { CloserDb } from '../storage/db';

type M = typeof studioMethods;

// The TF-IDF index per database, built on first use. Only this worker writes the catalogue, and every write drops
// the index, so it is never stale; a restarted worker simply builds it again.
const indexes = new WeakMap<CloserDb, CatalogueIndex>();

async function catalogueIndex(db: CloserDb): Promise<CatalogueIndex> {
  let index = indexes.get(db);
  if (!index) {
    index = buildCatalogueIndex((await db.getAll('catalogue')) as CatalogueItem[]);
    indexes.set(db, index);
  }
  return index;
}

/** The catalogue, by name (the order the side panel lists it in). */
export async function listCatalogue(db: CloserDb): Promise<CatalogueItem[]> {
  const items = (await db.getAll('catalogue')) as CatalogueItem[];
  return items.sort((a, b) => a.name.localeCompare(b.name));
}

/** Writes every item in one transaction: an import lands whole or not at all. */
export async function putCatalogue(
  db: CloserDb,
  items: readonly CatalogueItem[],
): Promise<{ count: number; total: number }> {
  indexes.delete(db);
  const tx = db.transaction('catalogue', 'readwrite');
  await Promise.all([...items.map((item) => tx.store.put(item)), tx.done]);
  return { count: items.length, total: await db.count('catalogue') };
}

export async function deleteCatalogue(db: CloserDb, ids: readonly string[]): Promise<{ deleted: number }> {
  indexes.delete(db);
  const tx = db.transaction('catalogue', 'readwrite');
  let deleted = 0;
  for (const id of ids) {
    if ((await tx.store.getKey(id)) === undefined) continue;
    await tx.store.delete(id);
    deleted++;
  }
  await tx.done;
  return { deleted };
}

/** The stored persona of the contact with this address, as a recommendation profile; null when there is none. */
export async function storedProfile(db: CloserDb, email: string): Promise<PersonaProfile | null> {
  const contact = await db.getFromIndex('contacts', 'by-email', email.trim().toLowerCase());
  const persona = contact ? await db.get('personas', contact.id) : undefined;
  if (!persona) return null;
  return profileFromPersonaFields(persona.fields);
}

/**
 * Recommendations for a contact. `embed` is the hook for an on-device embedding model; none ships yet, so the
 * worker passes undefined and the answer says `tfidf`.
 */
export async function recommendForContact(
  db: CloserDb,
  params: ParamsOf<M, 'recommend.forContact'>,
  embed?: EmbedFn,
): Promise<ResultOf<M, 'recommend.forContact'>> {
  const index = await catalogueIndex(db);
  const catalogueSize = index.items.length;
  const persona = params.persona ?? (params.email ? await storedProfile(db, params.email) : null);
  const personaSource = params.persona ? 'given' : persona ? 'stored' : 'none';
  if (!persona) return { method: 'tfidf', personaSource, persona: null, catalogueSize, results: [] };
  const { method, results } = await recommendWithEmbeddings(index, persona, embed, { limit: params.limit ?? 5 });
  return { method, personaSource, persona, catalogueSize, results };
}

export async function listLibrary(db: CloserDb): Promise<LibraryItem[]> {
  const items = (await db.getAllFromIndex('library', 'by-created')) as LibraryItem[];
  return items.reverse();
}

export async function rateLibraryItem(db: CloserDb, id: string, rating: number): Promise<boolean> {
  const tx = db.transaction('library', 'readwrite');
  const item = await tx.store.get(id);
  if (item) await tx.store.put({ ...item, rating });
  await tx.done;
  return item !== undefined;
}

export async function deleteLibraryItem(db: CloserDb, id: string): Promise<boolean> {
  const tx = db.transaction('library', 'readwrite');
  const found = (await tx.store.getKey(id)) !== undefined;
  if (found) await tx.store.delete(id);
  await tx.done;
  return found;
}
