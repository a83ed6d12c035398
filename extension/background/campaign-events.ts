import {
  CampaignResultItemSchema,
  OUTCOMES_NEEDING_CONFIRMATION,
  speaksForContact,
  type CampaignResultItem,
  type OutcomeType,
} from '../../shared/common/campaigns';
import { queueOutboxItem } from '../companion/outbox';
import type { CampaignDefinition, ObservedOutcome } from '../messaging/campaign-methods';
import type { CloserDb } from '../storage/db';
import type { EventRecord } from '../storage/schema';
import { appendToDigest, invalidateDigest } from './campaign-digest';
import { DEFAULT_REP, DEFAULT_SEGMENT, OUTCOME_SET, getDefinition, str, tagEventId } from './campaign-definitions';

/**
 * What happened to a campaign's sends, in the `events` store: sends written by `page.recordSend`, the outcomes the
 * panel classified, and their labels queued for sync through the outbox.
 */

const outcomeEventId = (threadId: string, messageId: string, type: string) => `out:${threadId}:${messageId}:${type}`;

/** Writes a send event (from `page.recordSend`) and keeps the dashboard digest current. */
export async function putSendEvent(db: CloserDb, record: EventRecord): Promise<void> {
  await db.put('events', record);
  await appendToDigest(db, [record], { segment: DEFAULT_SEGMENT, rep: DEFAULT_REP });
}

/**
 * The campaign fields a panel-assisted send carries: the tag of its draft, or else the latest tag in its thread. The
 * content script marks an assisted send with its own id for the inserted text (it never sees the panel's draft
 * id), so the thread is the join; an unassisted send (no draft id) is never tagged.
 */
export async function campaignTagForDraft(
  db: CloserDb,
  draftId: string | null | undefined,
  threadId?: string | null,
): Promise<Pick<EventRecord, 'campaignId' | 'variantId' | 'detail'>> {
  if (!draftId) return {};
  let tag = await db.get('events', tagEventId(draftId));
  if (!tag && threadId)
    tag = (await db.getAllFromIndex('events', 'by-thread', threadId))
      .filter((e) => e.type === 'tag')
      .reduce<EventRecord | undefined>(
        (latest, e) => (latest === undefined || e.at > latest.at ? e : latest),
        undefined,
      );
  if (!tag?.campaignId || !tag.variantId) return {};
  const d = tag.detail ?? {};
  return {
    campaignId: tag.campaignId,
    variantId: tag.variantId,
    detail: { segment: d.segment, rep: d.rep, channel: d.channel, taggedDraftId: tag.draftId },
  };
}

/** Tagged sends of a thread and the message ids whose outcomes are recorded. */
export async function threadStatus(db: CloserDb, threadId: string) {
  const records = await db.getAllFromIndex('events', 'by-thread', threadId);
  const sends = records
    .filter((r) => r.type === 'sent' && r.campaignId && r.variantId)
    .map((r) => ({ eventId: r.id, campaignId: r.campaignId ?? '', variantId: r.variantId ?? '', at: r.at }))
    .sort((a, b) => a.at - b.at);
  const recorded = new Set<string>();
  for (const r of records) {
    const messageId = r.detail?.messageId;
    if (OUTCOME_SET.has(r.type) && r.type !== 'sent' && typeof messageId === 'string') recorded.add(messageId);
  }
  return { sends, recordedMessageIds: [...recorded] };
}

/** Queues one campaign result for sync (the outbox record shape of `storage/schema.ts`). */
export type EnqueueResult = (item: CampaignResultItem) => Promise<void>;

/**
 * Default enqueue: straight into the outbox store through the outbox's own entry (validation, message-text guard,
 * redaction, duplicate keys); the outbox's sender delivers it.
 */
export const enqueueInOutbox =
  (db: CloserDb): EnqueueResult =>
  async (item) => {
    await queueOutboxItem(async () => db, {
      kind: 'campaign.result',
      idempotencyKey: item.idempotencyKey,
      payload: item,
    });
  };

/**
 * The synced result of a tagged send or of one of its outcomes: labels only. Null when the send's recipient is not
 * an address (it cannot be matched in the CRM): such a result is kept locally, not synced.
 */
function resultItem(
  def: CampaignDefinition | null,
  send: EventRecord,
  r: { idempotencyKey: string; outcome: OutcomeType; at: number; sentiment?: string; intent?: string },
): CampaignResultItem | null {
  if (!send.campaignId || !send.variantId) return null;
  const variant = def?.variants.find((v) => v.id === send.variantId);
  const segment = str(send.detail?.segment);
  const item = CampaignResultItemSchema.safeParse({
    idempotencyKey: r.idempotencyKey,
    campaignId: send.campaignId,
    campaignName: def?.campaign.name ?? send.campaignId,
    variantId: send.variantId,
    variantName: variant?.name ?? send.variantId,
    channel: variant?.channel ?? 'email',
    ...(segment ? { segment } : {}),
    email: send.contactId,
    outcome: r.outcome,
    ...(r.sentiment ? { sentiment: r.sentiment } : {}),
    ...(r.intent ? { intent: r.intent } : {}),
    occurredAt: new Date(r.at).toISOString(),
  });
  return item.success ? item.data : null;
}

/**
 * The `sent` result of a tagged send. Without it the team's figures (priors, the card's team view) would count only
 * threads that got an outcome, so an unanswered send would not lower the reply rate. Null for an untagged send.
 */
export async function sendResultItem(db: CloserDb, send: EventRecord): Promise<CampaignResultItem | null> {
  if (!send.campaignId) return null;
  return resultItem(await getDefinition(db, send.campaignId), send, {
    idempotencyKey: `send:${send.id}`,
    outcome: 'sent',
    at: send.at,
  });
}

/**
 * Records the outcomes the panel classified for a thread, each attributed to the latest tagged send before the
 * message; a message before every tagged send, or already recorded, is skipped. Each new outcome is queued for sync
 * as labels only (kind, sentiment, intent, time), never the message's text.
 */
export async function recordOutcomes(
  db: CloserDb,
  threadId: string,
  messages: readonly ObservedOutcome[],
  enqueue: EnqueueResult,
): Promise<{ recorded: number; enqueued: number; skipped: number; awaitingConfirmation: number }> {
  const records = await db.getAllFromIndex('events', 'by-thread', threadId);
  let awaitingConfirmation = 0;
  const sends = records.filter((r) => r.type === 'sent' && r.campaignId && r.variantId).sort((a, b) => a.at - b.at);
  const defs = new Map<string, CampaignDefinition | null>();
  let recorded = 0;
  let enqueued = 0;
  let skipped = 0;
  const added: EventRecord[] = [];
  for (const m of messages) {
    const send = sends.findLast((s) => s.at <= m.at);
    if (!send?.campaignId || !send.variantId || !send.contactId) {
      skipped += m.outcomes.length;
      continue;
    }
    for (const type of m.outcomes) {
      // A third party's message (a CC'd colleague, a stranger) never changes the tagged contact.
      if (!speaksForContact(m.fromEmail, send.contactId, type)) {
        skipped++;
        continue;
      }
      const id = outcomeEventId(threadId, m.messageId, type);
      if (await db.get('events', id)) {
        skipped++;
        continue;
      }
      const detail: Record<string, unknown> = {
        messageId: m.messageId,
        segment: send.detail?.segment,
        rep: send.detail?.rep,
        sendEventId: send.id,
        ...(m.sentiment ? { sentiment: m.sentiment } : {}),
        ...(m.intent ? { intent: m.intent } : {}),
      };
      const needsConfirmation = OUTCOMES_NEEDING_CONFIRMATION.has(type);
      if (needsConfirmation) detail.confirmation = 'pending';
      const record: EventRecord = {
        id,
        type,
        at: m.at,
        campaignId: send.campaignId,
        variantId: send.variantId,
        contactId: send.contactId,
        threadId,
        detail,
      };
      await db.put('events', record);
      recorded++;
      // Stopping contact with someone is the rep's call: it waits here, out of the figures and the outbox.
      if (needsConfirmation) {
        awaitingConfirmation++;
        continue;
      }
      added.push(record);
      if (!defs.has(send.campaignId)) defs.set(send.campaignId, await getDefinition(db, send.campaignId));
      const item = resultItem(defs.get(send.campaignId) ?? null, send, {
        idempotencyKey: id,
        outcome: type,
        at: m.at,
        ...(m.sentiment ? { sentiment: m.sentiment } : {}),
        ...(m.intent ? { intent: m.intent } : {}),
      });
      if (item) {
        // A refusal by the outbox leaves the outcome recorded here; it must not stop the other outcomes.
        try {
          await enqueue(item);
          enqueued++;
        } catch {
          // Counted as not enqueued.
        }
      }
    }
  }
  await appendToDigest(db, added, { segment: DEFAULT_SEGMENT, rep: DEFAULT_REP });
  return { recorded, enqueued, skipped, awaitingConfirmation };
}

/** Outcomes of a thread waiting for the rep's confirmation. */
export async function pendingConfirmations(db: CloserDb, threadId: string) {
  const records = await db.getAllFromIndex('events', 'by-thread', threadId);
  return records
    .filter((r) => r.detail?.confirmation === 'pending')
    .map((r) => ({ eventId: r.id, type: r.type, contactId: r.contactId ?? '', at: r.at }));
}

/**
 * The rep's decision on an outcome that waits: confirmed, it joins the figures and is queued for sync; dismissed,
 * it stays recorded (so the message is not classified again) but never syncs.
 */
export async function confirmOutcome(
  db: CloserDb,
  eventId: string,
  confirm: boolean,
  enqueue: EnqueueResult,
): Promise<{ status: 'confirmed' | 'dismissed'; enqueued: boolean }> {
  const record = await db.get('events', eventId);
  if (!record || record.detail?.confirmation !== 'pending') throw new RangeError(`No outcome waits as ${eventId}`);
  const decided: EventRecord = {
    ...record,
    detail: { ...record.detail, confirmation: confirm ? 'confirmed' : 'dismissed' },
  };
  await db.put('events', decided);
  if (!confirm) return { status: 'dismissed', enqueued: false };
  await invalidateDigest(db);
  const send = record.detail?.sendEventId ? await db.get('events', String(record.detail.sendEventId)) : undefined;
  const item =
    send && record.campaignId
      ? resultItem(await getDefinition(db, record.campaignId), send, {
          idempotencyKey: record.id,
          outcome: record.type as never,
          at: record.at,
          ...(typeof record.detail?.sentiment === 'string' ? { sentiment: record.detail.sentiment as never } : {}),
          ...(typeof record.detail?.intent === 'string' ? { intent: record.detail.intent } : {}),
        })
      : null;
  if (!item) return { status: 'confirmed', enqueued: false };
  await enqueue(item);
  return { status: 'confirmed', enqueued: true };
}
