import {
  CampaignSchema,
  OUTCOME_TYPES,
  VariantSchema,
  aggregateOutcomes,
  createBandit,
  createRng,
  declareWinner,
  explainChoice,
  type Bandit,
  type OutcomeEvent,
  type OutcomeType,
  type TeamPrior,
  type VariantPrior,
} from '../../shared/common/campaigns';
import { scoreDraft } from '../../shared/common/scoring';
import type { CampaignDefinition } from '../messaging/campaign-methods';
import type { CloserDb } from '../storage/db';
import type { EventRecord } from '../storage/schema';
import { appendToDigest } from './campaign-digest';

/**
 * Campaign data in IndexedDB: definitions in `campaigns`, and everything that happened in `events` — `tag` (which
 * variant a draft belongs to, keyed `tag:<draftId>` so a send finds it in one read), `sent` (written by
 * `page.recordSend`, carrying the tag), and outcome events keyed by thread, message and kind so a thread seen twice
 * records each outcome once. Functions take the database so tests can run them on fake-indexeddb.
 *
 * This module holds the definitions (CRUD, the bandit's choice, tagging) and the vocabulary of stored events the
 * other two build on: `campaign-events.ts` (sends, outcomes, the outbox) and `campaign-dashboard.ts`.
 */

/** Segment used when the contact has no persona segment yet. */
export const DEFAULT_SEGMENT = 'default';
/** Rep id used when the rep's address is unknown (one rep per browser profile). */
export const DEFAULT_REP = 'me';

export const OUTCOME_SET = new Set<string>(OUTCOME_TYPES);
export const tagEventId = (draftId: string) => `tag:${draftId}`;

/** What a tag stores in its `detail`, and what a tagged send copies. */
interface TagDetail {
  segment: string;
  rep: string;
  channel?: string;
  chosenBy: 'rep' | 'bandit';
  /** The draft's content-score criteria (0–1 each) at tag time, for re-fitting the score's weights. */
  criteria?: Record<string, number>;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Reads and validates a stored definition; a record that no longer parses is skipped rather than crashing a view. */
export function parseDefinition(value: unknown): CampaignDefinition | null {
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
