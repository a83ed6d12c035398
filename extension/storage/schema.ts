import type { DBSchema, IDBPDatabase } from 'idb';

/** Records as stored. Each store's record type is versioned with the database (see `migrations.ts`). */
export interface ContactRecord {
  id: string;
  /** Lower-cased since v2, so lookups by address are exact. */
  email: string;
  name?: string;
  company?: string;
  hubspotId?: string;
  updatedAt: number;
}

export interface PersonaRecord {
  contactId: string;
  fields: Record<string, { value: string; confidence: number; source: string; approved: boolean }>;
  updatedAt: number;
  /** Since v4 (optional, so older records stay valid): the CRM identity and how the persona was made. */
  email?: string;
  portalId?: number;
  hubspotId?: string;
  /** `llm`: drafted by the on-device model; `rules`: the non-LLM fallback from CRM fields and history. */
  origin?: 'llm' | 'rules';
  promptVersion?: string;
  /** `draft` until a person approves it; only approved fields are ever queued for sync. */
  status?: 'draft' | 'approved';
  approvedAt?: number;
  /** The contact's display name, for review lists. */
  name?: string;
}

export interface MessageRecord {
  id: string;
  threadId: string;
  contactId?: string;
  sentiment?: { label: 'negative' | 'neutral' | 'positive'; score: number };
  intent?: string;
  analysedAt: number;
}

export interface DraftRecord {
  id: string;
  threadId?: string;
  body: string;
  createdAt: number;
  promptVersion?: string;
  rating?: { thumb?: 'up' | 'down'; stars?: number };
}

export interface CampaignRecord {
  id: string;
  name: string;
  createdAt: number;
  /** Since v4 (optional): the campaign's definition; see `shared/common/campaigns/schema.ts`. */
  definition?: unknown;
}

export interface EventRecord {
  id: string;
  campaignId?: string;
  variantId?: string;
  contactId?: string;
  type: string;
  at: number;
  threadId?: string;
  draftId?: string;
  /** Recipient addresses of a send (kept on this device only). */
  to?: string[];
  /** Since v4 (optional): outcome details (e.g. reply sentiment and intent), never message text. */
  detail?: Record<string, unknown>;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';
export interface OutboxRecord {
  id: string;
  /** Sent with the item so the backend can drop a duplicate delivery. */
  idempotencyKey: string;
  kind: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  lastError?: string;
  createdAt: number;
  /** Optional (no migration needed): when delivery may be tried next (backoff), and when it was accepted. */
  nextAttemptAt?: number;
  sentAt?: number;
  updatedAt?: number;
}

/** A model adapted on this device (e.g. the intent model after the rep's corrections), as its own JSON. */
export interface ModelRecord {
  id: string;
  json: unknown;
  updatedAt: number;
}

/**
 * One request the extension made to anything but the page it runs in (the privacy ledger, since v4). Only
 * metadata: where, which fields, how many bytes; never the body.
 */
export interface LedgerRecord {
  id: string;
  at: number;
  /** The extension context that made the request (worker, host, panel, options, sidepanel). */
  context: string;
  method: string;
  /** Origin and path, without the query string (it may carry tokens). */
  url: string;
  /** Why it was sent, e.g. `outbox.persona.upsert`, `model.download`, `companion.contact`. */
  purpose: string;
  /** Top-level field names of a JSON body (names only). */
  fields: string[];
  bytesOut: number;
  bytesIn?: number;
  status?: number;
  error?: string;
}

export type EnrichJobStatus = 'queued' | 'running' | 'done' | 'failed';
/** One contact in a bulk enrichment batch (since v4). Results wait in `personas` for review. */
export interface EnrichJobRecord {
  id: string;
  batchId: string;
  portalId: number;
  contactId: string;
  email?: string;
  name?: string;
  status: EnrichJobStatus;
  attempts: number;
  error?: string;
  createdAt: number;
  updatedAt: number;
  /** How long the enrichment took, for the time-left estimate. */
  ms?: number;
  /** The CRM properties known when the contact was queued (from a list view or a search). */
  properties?: Record<string, string>;
}

/** A product or piece of content in the team catalogue (recommendations, since v4). */
export interface CatalogueItemRecord {
  id: string;
  kind: 'product' | 'content';
  name: string;
  description: string;
  tags: string[];
  url?: string;
  updatedAt: number;
}

/** Generated content saved in the content studio library (since v4). */
export interface LibraryItemRecord {
  id: string;
  format: string;
  segment?: string;
  language: 'en' | 'zh';
  text: string;
  promptVersion?: string;
  score?: number;
  rating?: number;
  createdAt: number;
}

/** The rep's style profile (since v5): one record, id `profile`. The profile's own shape is `StyleProfileSchema`. */
export interface StyleRecord {
  id: 'profile';
  profile: unknown;
  /** Whether drafts use the profile (each draft can still switch it off). */
  enabled: boolean;
}

/** One message the rep sent, as the panel saw it (since v5): the text the style profile is learned from. */
export interface StyleSampleRecord {
  /** Gmail's message id. */
  id: string;
  text: string;
  at: number;
}

/** The follow-up list's state of one thread (since v5). */
export interface FollowUpRecord {
  threadId: string;
  /** The send the rep dismissed the follow-up for; a later send brings the thread back. */
  dismissedSendAt?: number;
  /** A reviewed follow-up waiting to be inserted into the thread's reply in Gmail. */
  pendingText?: string;
  insertedAt?: number;
  updatedAt: number;
}

/** The current (latest) schema. */
export interface CloserSchema extends DBSchema {
  contacts: { key: string; value: ContactRecord; indexes: { 'by-email': string } };
  personas: { key: string; value: PersonaRecord };
  messages: { key: string; value: MessageRecord; indexes: { 'by-thread': string; 'by-contact': string } };
  drafts: { key: string; value: DraftRecord; indexes: { 'by-thread': string } };
  campaigns: { key: string; value: CampaignRecord };
  events: {
    key: string;
    value: EventRecord;
    indexes: { 'by-campaign': string; 'by-at': number; 'by-thread': string };
  };
  outbox: { key: string; value: OutboxRecord; indexes: { 'by-status': OutboxStatus; 'by-created': number } };
  models: { key: string; value: ModelRecord };
  ledger: { key: string; value: LedgerRecord; indexes: { 'by-at': number } };
  enrichJobs: {
    key: string;
    value: EnrichJobRecord;
    indexes: { 'by-status': EnrichJobStatus; 'by-batch': string; 'by-contact': string };
  };
  catalogue: { key: string; value: CatalogueItemRecord };
  library: { key: string; value: LibraryItemRecord; indexes: { 'by-created': number } };
  style: { key: string; value: StyleRecord };
  styleSamples: { key: string; value: StyleSampleRecord; indexes: { 'by-at': number } };
  followups: { key: string; value: FollowUpRecord };
}

/**
 * A connection to the extension's database: the one handle type every module takes. Declared beside the schema so
 * the upgrade steps can use it without importing the module that runs them; everyone else imports it from `db.ts`.
 */
export type CloserDb = IDBPDatabase<CloserSchema>;

export const STORE_NAMES = [
  'contacts',
  'personas',
  'messages',
  'drafts',
  'campaigns',
  'events',
  'outbox',
  'models',
  'ledger',
  'enrichJobs',
  'catalogue',
  'library',
  'style',
  'styleSamples',
  'followups',
] as const;
