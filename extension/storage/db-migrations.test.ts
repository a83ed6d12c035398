import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { openCloserDb } from './db';
import { DB_VERSION, migrations } from './migrations';
import { STORE_NAMES } from './schema';

let n = 0;
const freshName = () => `closer-test-${++n}-${Math.random()}`;

describe('database migrations', () => {
  it('has one step per version and the current version creates every store', async () => {
    expect(migrations).toHaveLength(DB_VERSION);
    const db = await openCloserDb(DB_VERSION, freshName());
    expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    db.close();
  });

  it('step 0 → 1 creates the Gmail stores and their indexes', async () => {
    const db = await openCloserDb(1, freshName());
    expect([...db.objectStoreNames].sort()).toEqual(['contacts', 'drafts', 'messages', 'personas']);
    const tx = db.transaction(['contacts', 'messages', 'drafts']);
    expect([...tx.objectStore('contacts').indexNames]).toEqual(['by-email']);
    expect([...tx.objectStore('messages').indexNames].sort()).toEqual(['by-contact', 'by-thread']);
    expect([...tx.objectStore('drafts').indexNames]).toEqual(['by-thread']);
    db.close();
  });

  it('step 1 → 2 adds campaigns, events and the outbox, keeps data, and lower-cases contact addresses', async () => {
    const name = freshName();
    const v1 = await openCloserDb(1, name);
    // Records exactly as version 1 wrote them.
    await v1.put('contacts', { id: 'c1', email: '  Ada@Example.COM ', updatedAt: 1 });
    await v1.put('contacts', { id: 'c2', email: 'bob@example.com', updatedAt: 2 });
    await v1.put('drafts', { id: 'd1', body: 'Hello', createdAt: 3 });
    v1.close();

    const v2 = await openCloserDb(2, name);
    expect([...v2.objectStoreNames]).toEqual(expect.arrayContaining(['campaigns', 'events', 'outbox']));
    expect((await v2.get('contacts', 'c1'))?.email).toBe('ada@example.com');
    expect((await v2.get('contacts', 'c2'))?.email).toBe('bob@example.com');
    expect(await v2.getFromIndex('contacts', 'by-email', 'ada@example.com')).toMatchObject({ id: 'c1' });
    expect(await v2.get('drafts', 'd1')).toMatchObject({ body: 'Hello' });
    await v2.put('outbox', {
      id: 'o1',
      idempotencyKey: 'k1',
      kind: 'persona',
      payload: {},
      status: 'pending',
      attempts: 0,
      createdAt: 4,
    });
    expect(await v2.countFromIndex('outbox', 'by-status', 'pending')).toBe(1);
    v2.close();
  });

  it('step 2 → 3 adds the models store and keeps the outbox', async () => {
    const name = freshName();
    const v2 = await openCloserDb(2, name);
    await v2.put('outbox', {
      id: 'o',
      idempotencyKey: 'k',
      kind: 'persona',
      payload: {},
      status: 'pending',
      attempts: 0,
      createdAt: 1,
    });
    v2.close();
    const v3 = await openCloserDb(3, name);
    expect([...v3.objectStoreNames]).toContain('models');
    await v3.put('models', { id: 'intent-nb', json: { version: 2 }, updatedAt: 2 });
    expect(await v3.get('models', 'intent-nb')).toMatchObject({ json: { version: 2 } });
    expect(await v3.get('outbox', 'o')).toMatchObject({ status: 'pending' });
    v3.close();
  });

  it('step 3 → 4 adds the ledger, enrichment jobs, catalogue and library, and indexes events by thread', async () => {
    const name = freshName();
    const v3 = await openCloserDb(3, name);
    await v3.put('events', { id: 'e1', type: 'send', at: 5, threadId: 't1', campaignId: 'c' });
    await v3.put('events', { id: 'e2', type: 'send', at: 6 });
    v3.close();
    const v4 = await openCloserDb(4, name);
    expect([...v4.objectStoreNames]).toEqual(expect.arrayContaining(['ledger', 'enrichJobs', 'catalogue', 'library']));
    // Existing events are indexed by thread; one without a thread is simply not in the index.
    expect(await v4.getAllFromIndex('events', 'by-thread', 't1')).toMatchObject([{ id: 'e1' }]);
    expect(await v4.count('events')).toBe(2);
    await v4.put('enrichJobs', {
      id: 'j1',
      batchId: 'b',
      portalId: 1,
      contactId: '42',
      status: 'queued',
      attempts: 0,
      createdAt: 1,
      updatedAt: 1,
    });
    expect(await v4.countFromIndex('enrichJobs', 'by-status', 'queued')).toBe(1);
    expect(await v4.getFromIndex('enrichJobs', 'by-contact', '42')).toMatchObject({ batchId: 'b' });
    await v4.put('ledger', {
      id: 'l1',
      at: 9,
      context: 'worker',
      method: 'POST',
      url: 'http://localhost:8787/v1/x',
      purpose: 'test',
      fields: ['items'],
      bytesOut: 10,
    });
    expect(await v4.getAllFromIndex('ledger', 'by-at')).toHaveLength(1);
    v4.close();
  });

  it('step 4 → 5 adds the style profile, its samples and the follow-up state, and keeps the events', async () => {
    const name = freshName();
    const v4 = await openCloserDb(4, name);
    await v4.put('events', { id: 's1', type: 'sent', at: 5, threadId: 't1', campaignId: 'c', variantId: 'v' });
    v4.close();
    const v5 = await openCloserDb(5, name);
    expect([...v5.objectStoreNames]).toEqual(expect.arrayContaining(['style', 'styleSamples', 'followups']));
    expect(await v5.getAllFromIndex('events', 'by-thread', 't1')).toMatchObject([{ id: 's1', type: 'sent' }]);
    await v5.put('styleSamples', { id: 'm2', text: 'Hey Tom!', at: 20 });
    await v5.put('styleSamples', { id: 'm1', text: 'Hey Ana!', at: 10 });
    expect((await v5.getAllFromIndex('styleSamples', 'by-at')).map((r) => r.id)).toEqual(['m1', 'm2']);
    await v5.put('style', { id: 'profile', profile: { version: 1 }, enabled: true });
    await v5.put('followups', { threadId: 't1', dismissedSendAt: 5, updatedAt: 6 });
    expect(await v5.get('followups', 't1')).toMatchObject({ dismissedSendAt: 5 });
    v5.close();
  });

  it('refuses to open at a version it has no step for', async () => {
    const name = freshName();
    await expect(openCloserDb(DB_VERSION + 1, name)).rejects.toThrow(/No migration/);
  });

  it('opens an up-to-date database without running any step again', async () => {
    const name = freshName();
    const first = await openCloserDb(DB_VERSION, name);
    await first.put('campaigns', { id: 'k', name: 'Q4', createdAt: 1 });
    first.close();
    const again = await openDB(name);
    expect(again.version).toBe(DB_VERSION);
    again.close();
    const second = await openCloserDb(DB_VERSION, name);
    expect(await second.get('campaigns', 'k')).toMatchObject({ name: 'Q4' });
    second.close();
  });
});
