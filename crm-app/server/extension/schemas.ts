/** Request bodies of the extension-facing API. */
import { z } from 'zod';
import { PersonaUpsertItemSchema } from '../../../shared/common/persona/synced';

const Email = z
  .email()
  .max(254)
  .transform((v) => v.toLowerCase());
const Key = z.string().min(1).max(200);

/** `POST /v1/personas:batchUpsert`: the shared contract of the extension's outbox, 1 to 100 items. */
export const PersonaBatch = z.strictObject({ items: z.array(PersonaUpsertItemSchema).min(1).max(100) });

export const CampaignEvents = z.object({
  events: z
    .array(
      z.object({
        idempotencyKey: Key,
        email: Email,
        channel: z.enum(['note', 'email']),
        subject: z.string().max(500).optional(),
        body: z.string().min(1).max(10_000),
        occurredAt: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(500),
});

export const DevTokenRequest = z.object({ portalId: z.number().int().positive(), userId: z.string().min(1).max(200) });

/** Parses a raw JSON body; malformed JSON is a 400 like any other invalid input. */
export function jsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return Symbol('malformed');
  }
}
