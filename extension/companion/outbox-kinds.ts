import { z } from 'zod';
import { PersonaUpsertItemSchema } from '../../shared/common/persona/synced';
import { CampaignResultItemSchema } from '../../shared/common/campaigns/synced';

/**
 * What the sync outbox carries, by kind, and where each kind goes on the companion backend. Features enqueue with
 * `outbox.enqueue` (service worker); the outbox batches items of one kind (up to `batch`) into one request.
 * Payloads are validated on enqueue and again before sending.
 */
export const OUTBOX_KINDS = {
  'persona.upsert': {
    payload: PersonaUpsertItemSchema,
    path: '/v1/personas:batchUpsert',
    bodyKey: 'items',
    batch: 100,
  },
  'campaign.result': { payload: CampaignResultItemSchema, path: '/v1/campaign-results', bodyKey: 'items', batch: 100 },
} as const;

export type OutboxKind = keyof typeof OUTBOX_KINDS;
export const OutboxKindSchema = z.enum(Object.keys(OUTBOX_KINDS) as [OutboxKind, ...OutboxKind[]]);
