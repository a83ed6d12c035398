import type { IDBPDatabase } from 'idb';
import {
  CampaignResultItemSchema,
  CampaignSchema,
  OUTCOME_TYPES,
  VariantSchema,
  aggregateOutcomes,
  createBandit,
  createRng,
  declareWinner,
  explainChoice,
  rateInterval,
  refitWeights,
  type Bandit,
  type CampaignResultItem,
  type OutcomeEvent,
  type OutcomeType,
  type TeamPrior,
  type VariantPrior,
  type WeightSample,
} from '../../shared/common/campaigns';
import { DEFAULT_WEIGHTS, scoreDraft } from '../../shared/common/scoring';
import type { CampaignDefinition, ObservedOutcome } from '../messaging/campaign-methods';
import type { CloserDB, EventRecord } from '../storage/schema';
import { appendToDigest, loadDashboardInput } from './campaign-digest';
import { queueOutboxItem } from '../companion/outbox';

/**
 * Campaign data in IndexedDB: definitions in `campaigns`, and everything that happened in `events` — `tag` (which
 * variant a draft belongs to, keyed `tag:<draftId>` so a send finds it in one read), `sent` (written by
 * `page.recordSend`, carrying the tag), and outcome events keyed by thread, message and kind so a thread seen twice
 * records each outcome once. Functions take the database so tests can run them on fake-indexeddb.
 */
export type CloserDb = IDBPDatabase<CloserDB>;

/** Segment used when the contact has no persona segment yet. */
export const DEFAULT_SEGMENT = 'default';
/** Rep id used when the rep's address is unknown (one rep per browser profile). */
export const DEFAULT_REP = 'me';

const OUTCOME_SET = new Set<string>(OUTCOME_TYPES);
export const tagEventId = (draftId: string) => `tag:${draftId}`;
const outcomeEventId = (threadId: string, messageId: string, type: string) => `out:${threadId}:${messageId}:${type}`;

/** What a tag stores in its `detail`, and what a tagged send copies. */
interface TagDetail {
  segment: string;
  rep: string;
  channel?: string;
  chosenBy: 'rep' | 'bandit';
  /** The draft's content-score criteria (0–1 each) at tag time, for re-fitting the score's weights. */
  criteria?: Record<string, number>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Reads and validates a stored definition; a record that no longer parses is skipped rather than crashing a view. */
function parseDefinition(value: unknown): CampaignDefinition | null {
  const v = value as { campaign?: unknown; variants?: unknown } | undefined;
  const campaign = CampaignSchema.safeParse(v?.campaign);
  const variants = VariantSchema.array().safeParse(v?.variants);
  return campaign.success && variants.success ? { campaign: campaign.data, variants: variants.data } : null;
}

export async function getDefinition(db: CloserDb, id: string): Promise<CampaignDefinition | null> {
  const rec = await db.get('campaigns', id);
  return rec ? parseDefinition(rec.definition) : null;
}

export async function listDefinitions(db: CloserDb): Promise<CampaignDefinition[]> {
  return (await db.getAll('campaigns')).map((r) => parseDefinition(r.definition)).filter((d) => d !== null);
}

/** Saves a campaign; variants must belong to it and have unique ids. */
export async function saveDefinition(db: CloserDb, def: CampaignDefinition): Promise<string> {
  const ids = new Set(def.variants.map((v) => v.id));
  if (ids.size !== def.variants.length) throw new RangeError('variant ids must be unique');
  if (def.variants.some((v) => v.campaignId !== def.campaign.id))
    throw new RangeError('every variant must belong to the campaign');
  const existing = await db.get('campaigns', def.campaign.id);
  const createdAt = existing?.createdAt ?? def.campaign.createdAt ?? Date.now();
  await db.put('campaigns', {
    id: def.campaign.id,
    name: def.campaign.name,
    createdAt,
    definition: { campaign: { ...def.campaign, createdAt }, variants: def.variants },
  });
  return def.campaign.id;
}

/** Deletes a campaign and its events (the side panel asks for confirmation first). */
export async function deleteDefinition(db: CloserDb, id: string): Promise<{ deleted: boolean; events: number }> {
  const tx = db.transaction(['campaigns', 'events'], 'readwrite');
  const existed = (await tx.objectStore('campaigns').get(id)) !== undefined;
  await tx.objectStore('campaigns').delete(id);
  let events = 0;
  let cursor = await tx.objectStore('events').index('by-campaign').openCursor(id);
  while (cursor) {
    await cursor.delete();
    events++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return { deleted: existed, events };
}

/** Turns stored events into the shared statistics' outcome events (untagged sends and tags are left out). */
export function toOutcomeEvents(records: readonly EventRecord[]): OutcomeEvent[] {
  const out: OutcomeEvent[] = [];
  for (const r of records) {
    if (!r.campaignId || !r.variantId || !r.contactId || !OUTCOME_SET.has(r.type)) continue;
    const d = r.detail ?? {};
    const sentiment = d.sentiment;
    out.push({
      id: r.id,
      type: r.type as OutcomeType,
      at: r.at,
      campaignId: r.campaignId,
      variantId: r.variantId,
      contactId: r.contactId,
      segment: str(d.segment) ?? DEFAULT_SEGMENT,
      rep: str(d.rep) ?? DEFAULT_REP,
      ...(sentiment === 'positive' || sentiment === 'neutral' || sentiment === 'negative' ? { sentiment } : {}),
    });
  }
  return out;
}

/** Campaigns with their headline counts for the list view. */
export async function listWithCounts(db: CloserDb) {
  const defs = await listDefinitions(db);
  const result = [];
  for (const def of defs) {
    const records = await db.getAllFromIndex('events', 'by-campaign', def.campaign.id);
    const { total } = aggregateOutcomes(toOutcomeEvents(records), { groupBy: [] });
    result.push({
      ...def,
      sends: total.sends,
      replies: total.replies,
      positiveReplies: total.positiveReplies,
      events: records.length,
    });
  }
  return result.sort((a, b) => (b.campaign.createdAt ?? 0) - (a.campaign.createdAt ?? 0));
}

/** The contact's persona segment (`segment` field of the persona), else the default segment. */
export async function segmentFor(db: CloserDb, email: string): Promise<{ segment: string; known: boolean }> {
  const address = email.trim().toLowerCase();
  if (!address) return { segment: DEFAULT_SEGMENT, known: false };
  const contact = await db.getFromIndex('contacts', 'by-email', address);
  const persona = contact ? await db.get('personas', contact.id) : undefined;
  const value = persona?.fields.segment?.value ?? persona?.fields.persona_segment?.value;
  return value ? { segment: value, known: true } : { segment: DEFAULT_SEGMENT, known: false };
}

/** The outcome kinds that count as a success under a campaign's goal. */
const GOAL_OUTCOMES: Record<CampaignDefinition['campaign']['goal'], ReadonlySet<string>> = {
  reply: new Set(['replied', 'positive_reply', 'meeting', 'not_interested']),
  positive_reply: new Set(['positive_reply', 'meeting']),
  meeting: new Set(['meeting']),
};

/**
 * Feeds a segment's tagged sends to the bandit with their times, and each send's first success under the campaign's
 * goal with its time: a send still awaiting its answer counts as pending, not as a failure. A send is a contact's
 * thread for one variant (follow-ups are the same send), as in the dashboard's figures.
 */
async function feedSends(db: CloserDb, bandit: Bandit, def: CampaignDefinition, segment: string): Promise<void> {
  const events = toOutcomeEvents(await db.getAllFromIndex('events', 'by-campaign', def.campaign.id));
  const arms = new Set(bandit.arms);
  const success = GOAL_OUTCOMES[def.campaign.goal];
  const sends = new Map<string, { arm: string; at: number; repliedAt: number | null }>();
  const key = (e: OutcomeEvent) => `${e.variantId}\u0000${e.contactId}`;
  for (const e of events) {
    if (e.type !== 'sent' || e.segment !== segment || !arms.has(e.variantId)) continue;
    const known = sends.get(key(e));
    if (known === undefined || e.at < known.at) sends.set(key(e), { arm: e.variantId, at: e.at, repliedAt: null });
  }
  for (const e of events) {
    const send = success.has(e.type) ? sends.get(key(e)) : undefined;
    if (send !== undefined && (send.repliedAt === null || e.at < send.repliedAt))
      send.repliedAt = Math.max(e.at, send.at);
  }
  for (const s of sends.values()) {
    bandit.recordSend(segment, s.arm, s.at);
    if (s.repliedAt !== null) bandit.recordReply(segment, s.arm, s.at, s.repliedAt);
  }
}

/** The team's aggregates as bandit priors, under the campaign's goal. */
export function toTeamPriors(def: CampaignDefinition, priors: readonly VariantPrior[]): TeamPrior[] {
  const arms = new Set(def.variants.map((v) => v.id));
  return priors
    .filter((p) => p.campaignId === def.campaign.id && arms.has(p.variantId))
    .map((p) => {
      const positives =
        def.campaign.goal === 'reply' ? p.replies : def.campaign.goal === 'meeting' ? p.meetings : p.positiveReplies;
      return {
        arm: p.variantId,
        sends: p.sends,
        positives: Math.min(positives, p.sends),
        ...(p.segment === null ? {} : { segment: p.segment }),
      };
    });
}

/**
 * Chooses a variant for a segment (Thompson sampling) and explains the choice with local evidence only, saying how
 * many sends are still awaiting their answer.
 */
export async function chooseVariant(
  db: CloserDb,
  params: { campaignId: string; segment: string; priors: readonly VariantPrior[]; seed?: number; now?: number },
) {
  const def = await getDefinition(db, params.campaignId);
  if (!def) throw new RangeError(`No campaign ${params.campaignId}`);
  const now = params.now ?? Date.now();
  const arms = def.variants.map((v) => v.id);
  const teamPriors = toTeamPriors(def, params.priors);
  const bandit = createBandit({ arms, priors: teamPriors });
  await feedSends(db, bandit, def, params.segment);
  const rng = createRng(params.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0);
  const variantId = bandit.choose(params.segment, rng, { now });
  const variant = def.variants.find((v) => v.id === variantId);
  const label = { en: variant?.name ?? variantId, zh: variant?.name ?? variantId };
  const segmentLabel = def.campaign.targetSegments.find((s) => s.id === params.segment)?.label;
  const explanation = explainChoice(bandit, {
    segment: params.segment,
    arm: variantId,
    armLabel: label,
    now,
    ...(segmentLabel ? { segmentLabel } : {}),
  });
  const labels = Object.fromEntries(def.variants.map((v) => [v.id, { en: v.name, zh: v.name }]));
  // Winner calls on settled sends only: a send still awaiting its answer is not evidence against its variant.
  const settled = bandit
    .evidence(params.segment, now)
    .map((e) => ({ arm: e.arm, sends: e.settledSends, positives: e.positives }));
  const winner = declareWinner(settled, { labels });
  return {
    variantId,
    explanation: explanation.text,
    enoughData: explanation.enoughData,
    awaiting: explanation.awaiting,
    winner: { winner: winner.winner, reason: winner.reason, text: winner.text },
    usedTeamPriors: teamPriors.length > 0,
  };
}

/** Stores a draft's campaign tag, with the draft's content-score criteria when the draft is stored. */
export async function tagDraft(
  db: CloserDb,
  tag: {
    draftId: string;
    threadId?: string;
    campaignId: string;
    variantId: string;
    segment: string;
    rep?: string;
    chosenBy: 'rep' | 'bandit';
  },
  now = Date.now(),
): Promise<void> {
  const def = await getDefinition(db, tag.campaignId);
  const variant = def?.variants.find((v) => v.id === tag.variantId);
  if (!def || !variant) throw new RangeError(`No variant ${tag.variantId} in campaign ${tag.campaignId}`);
  const draft = await db.get('drafts', tag.draftId);
  let criteria: Record<string, number> | undefined;
  if (draft?.body) {
    // Rules only (no model): cheap enough for the worker, and what the re-fit needs per send.
    const scored = scoreDraft({ subject: '', body: draft.body.slice(0, 20_000) });
    criteria = Object.fromEntries(scored.criteria.map((c) => [c.id, c.score]));
  }
  const detail: TagDetail = {
    segment: tag.segment,
    rep: tag.rep?.trim().toLowerCase() || DEFAULT_REP,
    channel: variant.channel,
    chosenBy: tag.chosenBy,
    ...(criteria ? { criteria } : {}),
  };
  const isNew = (await db.get('events', tagEventId(tag.draftId))) === undefined;
  const record: EventRecord = {
    id: tagEventId(tag.draftId),
    type: 'tag',
    at: now,
    campaignId: tag.campaignId,
    variantId: tag.variantId,
    draftId: tag.draftId,
    ...(tag.threadId ? { threadId: tag.threadId } : {}),
    detail: detail as unknown as Record<string, unknown>,
  };
  await db.put('events', record);
  if (isNew) await appendToDigest(db, [record], { segment: DEFAULT_SEGMENT, rep: DEFAULT_REP });
}

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

/** The panel draft a send carried: the tagged draft when known, else the send's own draft id. */
const draftOf = (e: EventRecord): string | undefined => str(e.detail?.taggedDraftId) ?? e.draftId;

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
): Promise<{ recorded: number; enqueued: number; skipped: number }> {
  const records = await db.getAllFromIndex('events', 'by-thread', threadId);
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
      added.push(record);
      recorded++;
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
  return { recorded, enqueued, skipped };
}

/** Everything the dashboard shows: the events' digest, campaign names and drafts, in a few reads. */
export async function dashboard(db: CloserDb, range: { from?: number; to?: number }) {
  const t0 = performance.now();
  const [input, campaigns, drafts] = await Promise.all([
    loadDashboardInput(db, { segment: DEFAULT_SEGMENT, rep: DEFAULT_REP }),
    db.getAll('campaigns'),
    db.getAll('drafts'),
  ]);
  const aggregation = aggregateOutcomes(input.events, {
    ...range,
    groupBy: [['campaign'], ['campaign', 'variant'], ['segment'], ['rep']],
  });
  const names: Record<string, string> = {};
  const winners = [];
  for (const c of campaigns) {
    const def = parseDefinition(c.definition);
    names[c.id] = c.name;
    if (!def) continue;
    for (const v of def.variants) names[`${c.id}\u0000${v.id}`] = v.name;
    const rows = aggregation.breakdowns[1]?.rows.filter((r) => r.key.campaign === c.id) ?? [];
    const arms = def.variants.map((v) => {
      const row = rows.find((r) => r.key.variant === v.id);
      return { arm: v.id, sends: row?.sends ?? 0, positives: row?.positiveReplies ?? 0 };
    });
    const labels = Object.fromEntries(def.variants.map((v) => [v.id, { en: v.name, zh: v.name }]));
    const d = declareWinner(arms, { labels });
    winners.push({ campaignId: c.id, decision: { winner: d.winner, reason: d.reason, text: d.text } });
  }
  return {
    aggregation,
    names,
    ratings: promptRatings(input.draftSends, input.positiveThreads, drafts, range),
    winners,
    ms: performance.now() - t0,
  };
}

/** Ratings per prompt version, beside the positive-reply rate of the sends whose drafts came from that version. */
function promptRatings(
  draftSends: ReadonlyArray<{ threadId: string; draftId: string; at: number }>,
  positiveThreads: ReadonlySet<string>,
  drafts: ReadonlyArray<CloserDB['drafts']['value']>,
  range: { from?: number; to?: number },
) {
  const versionOf = new Map(drafts.map((d) => [d.id, d.promptVersion ?? '']));
  const rows = new Map<string, { drafts: number; up: number; down: number; stars: number[]; threads: Set<string> }>();
  const row = (v: string) => {
    let r = rows.get(v);
    if (!r) rows.set(v, (r = { drafts: 0, up: 0, down: 0, stars: [], threads: new Set() }));
    return r;
  };
  for (const d of drafts) {
    if (!d.promptVersion) continue;
    const r = row(d.promptVersion);
    r.drafts++;
    if (d.rating?.thumb === 'up') r.up++;
    if (d.rating?.thumb === 'down') r.down++;
    if (d.rating?.stars) r.stars.push(d.rating.stars);
  }
  // Sends that carried a draft, in the date range (a thread counts once); positive when it got a positive reply.
  for (const e of draftSends) {
    if ((range.from !== undefined && e.at < range.from) || (range.to !== undefined && e.at >= range.to)) continue;
    const v = versionOf.get(e.draftId);
    if (v) row(v).threads.add(e.threadId);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([promptVersion, r]) => {
      const sends = r.threads.size;
      const positives = [...r.threads].filter((t) => positiveThreads.has(t)).length;
      const i = rateInterval(positives, sends, 'wilson', 0.9);
      return {
        promptVersion,
        drafts: r.drafts,
        thumbsUp: r.up,
        thumbsDown: r.down,
        meanStars: r.stars.length ? r.stars.reduce((x, y) => x + y, 0) / r.stars.length : null,
        sends,
        positiveReplies: positives,
        positiveRate: { rate: sends ? positives / sends : null, low: i.low, high: i.high },
      };
    });
}

/** Re-fits the content score's weights on tagged sends whose draft was scored at tag time. */
export async function refit(db: CloserDb) {
  const records = await db.getAll('events');
  const positiveThreads = new Set<string>();
  for (const e of records)
    if ((e.type === 'positive_reply' || e.type === 'meeting') && e.threadId) positiveThreads.add(e.threadId);
  const criteriaByDraft = new Map<string, Record<string, number>>();
  for (const e of records)
    if (e.type === 'tag' && e.draftId && e.detail?.criteria && typeof e.detail.criteria === 'object')
      criteriaByDraft.set(e.draftId, e.detail.criteria as Record<string, number>);
  const samples: WeightSample[] = [];
  for (const e of records) {
    const draftId = draftOf(e);
    if (e.type !== 'sent' || !draftId || !e.threadId) continue;
    const criteria = criteriaByDraft.get(draftId);
    if (criteria) samples.push({ criteria, positive: positiveThreads.has(e.threadId) });
  }
  const current = {
    version: DEFAULT_WEIGHTS.version,
    weights: { ...DEFAULT_WEIGHTS.weights } as Record<string, number>,
  };
  const result = refitWeights(samples, { current });
  return {
    status: result.status,
    samples: result.report.samples,
    positives: result.report.positives,
    changes: result.report.changes,
    fit: result.report.fit ?? null,
  };
}
