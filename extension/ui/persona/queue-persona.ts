import { request } from '../../messaging/client';
import type { PersonaView } from '../../messaging/persona-methods';
import { previewUpsert, withoutEmpty } from './persona-edit';

/**
 * Approves a persona and queues its approved fields for sync: saved on the device first (so an approval is never
 * lost), then handed to the outbox, which delivers it when the companion backend is reachable.
 */
export async function approveAndQueue(persona: PersonaView, approvedAt: number) {
  const cleaned = withoutEmpty(persona);
  const preview = previewUpsert(cleaned, approvedAt);
  if (!preview.item) return { ok: false as const, preview };
  await request('persona.save', { persona: { ...cleaned, status: 'approved', approvedAt } });
  const queued = await request('outbox.enqueue', {
    kind: 'persona.upsert',
    idempotencyKey: preview.item.idempotencyKey,
    payload: preview.item,
  });
  return { ok: true as const, preview, outboxId: queued.id };
}
