import type { IDBPTransaction, StoreNames } from 'idb';
import type { CloserDb, CloserSchema } from './schema';

type UpgradeTx = IDBPTransaction<CloserSchema, StoreNames<CloserSchema>[], 'versionchange'>;

/**
 * One step per database version: `migrations[n]` upgrades version n to n+1. Steps only ever get appended; a
 * shipped step is never edited, because profiles in the field are at every version.
 */
export const migrations: Array<(db: CloserDb, tx: UpgradeTx) => Promise<void> | void> = [
  // 0 → 1: the first shipped layout: what the Gmail panel needs.
  (db) => {
    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('by-email', 'email', { unique: false });
    db.createObjectStore('personas', { keyPath: 'contactId' });
    const messages = db.createObjectStore('messages', { keyPath: 'id' });
    messages.createIndex('by-thread', 'threadId');
    messages.createIndex('by-contact', 'contactId');
    const drafts = db.createObjectStore('drafts', { keyPath: 'id' });
    drafts.createIndex('by-thread', 'threadId');
  },
  // 1 → 2: campaigns, events and the sync outbox; contact addresses lower-cased so the email index is exact.
  async (db, tx) => {
    db.createObjectStore('campaigns', { keyPath: 'id' });
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('by-campaign', 'campaignId');
    events.createIndex('by-at', 'at');
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('by-status', 'status');
    outbox.createIndex('by-created', 'createdAt');
    let cursor = await tx.objectStore('contacts').openCursor();
    while (cursor) {
      const lower = cursor.value.email.trim().toLowerCase();
      if (lower !== cursor.value.email) await cursor.update({ ...cursor.value, email: lower });
      cursor = await cursor.continue();
    }
  },
  // 2 → 3: models adapted on this device (the intent model learns from the rep's corrections).
  (db) => {
    db.createObjectStore('models', { keyPath: 'id' });
  },
  // 3 → 4: the privacy ledger, bulk enrichment jobs, the team catalogue, the content library; events by thread
  // (reply detection finds a thread's sends).
  (db, tx) => {
    db.createObjectStore('ledger', { keyPath: 'id' }).createIndex('by-at', 'at');
    const jobs = db.createObjectStore('enrichJobs', { keyPath: 'id' });
    jobs.createIndex('by-status', 'status');
    jobs.createIndex('by-batch', 'batchId');
    jobs.createIndex('by-contact', 'contactId');
    db.createObjectStore('catalogue', { keyPath: 'id' });
    db.createObjectStore('library', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
    tx.objectStore('events').createIndex('by-thread', 'threadId');
  },
  // 4 → 5 (issue #20, self-contained): the rep's style profile, the sent messages it is learned from, and the
  // follow-up list's own state (dismissed threads, a follow-up waiting to be inserted).
  (db) => {
    db.createObjectStore('style', { keyPath: 'id' });
    db.createObjectStore('styleSamples', { keyPath: 'id' }).createIndex('by-at', 'at');
    db.createObjectStore('followups', { keyPath: 'threadId' });
  },
];

export const DB_VERSION = migrations.length;
