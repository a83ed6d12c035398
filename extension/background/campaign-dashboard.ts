import {
  aggregateOutcomes,
  declareWinner,
  rateInterval,
  refitWeights,
  type WeightSample,
} from '../../shared/common/campaigns';
import { DEFAULT_WEIGHTS } from '../../shared/common/scoring';
import type { CloserDb } from '../storage/db';
import type { DraftRecord, EventRecord } from '../storage/schema';
import { loadDashboardInput } from './campaign-digest';
import { DEFAULT_REP, DEFAULT_SEGMENT, parseDefinition, str } from './campaign-definitions';

/** What the side panel's dashboard reads from campaign data: aggregates, winners, ratings, and the score re-fit. */

/** The panel draft a send carried: the tagged draft when known, else the send's own draft id. */
const draftOf = (e: EventRecord): string | undefined => str(e.detail?.taggedDraftId) ?? e.draftId;

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
  drafts: ReadonlyArray<DraftRecord>,
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
