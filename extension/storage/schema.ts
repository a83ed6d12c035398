import type { DBSchema } from 'idb';

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
}

/** A model adapted on this device (e.g. the intent model after the rep's corrections), as its own JSON. */
export interface ModelRecord {
  id: string;
  json: unknown;
  updatedAt: number;
}

/** The current (latest) schema. */
export interface CloserDB extends DBSchema {
  contacts: { key: string; value: ContactRecord; indexes: { 'by-email': string } };
  personas: { key: string; value: PersonaRecord };
  messages: { key: string; value: MessageRecord; indexes: { 'by-thread': string; 'by-contact': string } };
  drafts: { key: string; value: DraftRecord; indexes: { 'by-thread': string } };
  campaigns: { key: string; value: CampaignRecord };
  events: { key: string; value: EventRecord; indexes: { 'by-campaign': string; 'by-at': number } };
  outbox: { key: string; value: OutboxRecord; indexes: { 'by-status': OutboxStatus; 'by-created': number } };
  models: { key: string; value: ModelRecord };
}

export const STORE_NAMES = [
  'contacts',
  'personas',
  'messages',
  'drafts',
  'campaigns',
  'events',
  'outbox',
  'models',
] as const;
