import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openCloserDb } from '../storage/db';
import { methods } from '../messaging/methods';
import type { CatalogueItem } from '../../shared/common/recommend';
import {
  deleteCatalogue,
  deleteLibraryItem,
  listCatalogue,
  listLibrary,
  putCatalogue,
  rateLibraryItem,
  recommendForContact,
} from './studio-store';

let n = 0;
const freshDb = () => openCloserDb(undefined, `studio-test-${++n}-${Math.random()}`);
const ITEMS: CatalogueItem[] = [
  {
    id: 'a',
    kind: 'product',
    name: 'CRM Sync',
    description: 'Ends manual CRM data entry.',
    tags: ['crm'],
    updatedAt: 1,
  },
  {
    id: 'b',
    kind: 'content',
    name: 'Audit guide',
    description: 'Pass a security review.',
    tags: ['security'],
    updatedAt: 1,
  },
];

describe('studio store', () => {
  it('puts, lists by name and deletes catalogue items', async () => {
    const db = await freshDb();
    expect(await putCatalogue(db, ITEMS)).toEqual({ count: 2, total: 2 });
    expect((await listCatalogue(db)).map((i) => i.name)).toEqual(['Audit guide', 'CRM Sync']);
    expect(await deleteCatalogue(db, ['a', 'missing'])).toEqual({ deleted: 1 });
    expect((await listCatalogue(db)).map((i) => i.id)).toEqual(['b']);
  });

  it('recommends from the persona stored for an email, or one given, and says when there is none', async () => {
    const db = await freshDb();
    await putCatalogue(db, ITEMS);
    await db.put('contacts', { id: 'c1', email: 'ann@acme.com', updatedAt: 1 });
    await db.put('personas', {
      contactId: 'c1',
      updatedAt: 1,
      fields: {
        painPoints: {
          value: 'security review delays; slow onboarding',
          confidence: 0.8,
          source: 'thread',
          approved: true,
        },
        role: { value: 'CISO', confidence: 0.9, source: 'crm:jobtitle', approved: true },
      },
    });
    const stored = await recommendForContact(db, { email: 'Ann@Acme.com' });
    expect(stored.personaSource).toBe('stored');
    expect(stored.method).toBe('tfidf');
    expect(stored.persona?.painPoints).toEqual(['security review delays', 'slow onboarding']);
    expect(stored.results[0]?.item.id).toBe('b');
    expect(stored.results[0]?.reasons[0]).toMatchObject({ field: 'painPoints', value: 'security review delays' });

    const given = await recommendForContact(db, { persona: { interests: ['crm data'] } });
    expect([given.personaSource, given.results[0]?.item.id]).toEqual(['given', 'a']);
    // An edit is seen at once (the cached index is dropped on every write).
    await putCatalogue(db, [{ ...ITEMS[0]!, id: 'c', name: 'CRM data guide', tags: ['crm', 'data'] }]);
    expect((await recommendForContact(db, { persona: { interests: ['crm data'] } })).catalogueSize).toBe(3);
    await deleteCatalogue(db, ['a', 'c']);
    expect((await recommendForContact(db, { persona: { interests: ['crm data'] } })).results).toEqual([]);
    const none = await recommendForContact(db, { email: 'nobody@x.com' });
    expect([none.personaSource, none.results, none.catalogueSize]).toEqual(['none', [], 1]);
  });

  it('lists the library newest first, rates and deletes', async () => {
    const db = await freshDb();
    const base = { format: 'x-post' as const, language: 'en' as const, text: 'Hi' };
    await db.put('library', { ...base, id: 'old', createdAt: 1 });
    await db.put('library', { ...base, id: 'new', createdAt: 2 });
    expect((await listLibrary(db)).map((i) => i.id)).toEqual(['new', 'old']);
    expect(await rateLibraryItem(db, 'old', 4)).toBe(true);
    expect(await rateLibraryItem(db, 'nope', 4)).toBe(false);
    expect((await db.get('library', 'old'))?.rating).toBe(4);
    expect(await deleteLibraryItem(db, 'new')).toBe(true);
    expect(await deleteLibraryItem(db, 'new')).toBe(false);
  });

  it('validates requests at the boundary', () => {
    const p = methods['recommend.forContact'].params;
    expect(p.safeParse({ email: 'a@b.co' }).success).toBe(true);
    expect(p.safeParse({}).success).toBe(false);
    expect(p.safeParse({ email: 'a@b.co', persona: {} }).success).toBe(false);
    expect(p.safeParse({ email: 'not-an-email' }).success).toBe(false);
    const put = methods['catalogue.put'].params;
    expect(put.safeParse({ items: ITEMS }).success).toBe(true);
    expect(put.safeParse({ items: [{ ...ITEMS[0], kind: 'service' }] }).success).toBe(false);
    expect(put.safeParse({ items: [{ ...ITEMS[0], url: 'javascript:alert(1)' }] }).success).toBe(false);
    const lib = methods['library.put'].params;
    expect(
      lib.safeParse({ item: { id: 'x', format: 'tiktok', language: 'en', text: 'x', createdAt: 1 } }).success,
    ).toBe(false);
    expect(methods['library.rate'].params.safeParse({ id: 'x', rating: 6 }).success).toBe(false);
  });
});
