/** Request bodies of the extension-facing API. */
import { z } from 'zod';

const Email = z
  .email()
  .max(254)
  .transform((v) => v.toLowerCase());
const Key = z.string().min(1).max(200);

export const PersonaBatch = z.object({
  items: z
    .array(
      z.object({
        idempotencyKey: Key,
        email: Email,
        persona: z.object({
          label: z.string().min(1).max(100),
          summary: z.string().max(2000).optional(),
          confidence: z.number().min(0).max(1).optional(),
          updatedAt: z.iso.datetime({ offset: true }).optional(),
        }),
      }),
    )
    .min(1)
    .max(500),
});

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
