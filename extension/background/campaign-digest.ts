import { OUTCOME_TYPES, SENTIMENT_LABELS, type OutcomeEvent } from '../../shared/common/campaigns';
import type { CloserDb } from '../storage/db';
import type { EventRecord } from '../storage/schema';

/**
 * A columnar digest of the events the dashboard needs, kept as one record so the dashboard reads one value instead
 * of ten thousand: IndexedDB pays per record (lookup, value decode, IPC), and on a busy machine reading 10,000 small
 * events took over a second where one digest of typed arrays takes a few milliseconds. The digest is rebuilt from
 * the events whenever their count differs from the one it was built at; events are only ever added or deleted
 * (outcomes are written once under deterministic ids, sends under new ids), so the count tells when it is stale.
 * Kept in the `models` store (device-derived state) until the schema has a place of its own for it.
 */
export const DIGEST_ID = 'campaign-dashboard-digest';
const DIGEST_VERSION = 1;

interface Digest {
  v: typeof DIGEST_VERSION;
  /** Event count when built. */
  count: number;
  strings: string[];
  /** Outcome events: type code, and string-table indices for campaign, variant, contact, segment, rep. */
  type: Uint8Array;
  at: Float64Array;
  /** 5 indices per event: campaign, variant, contact, segment, rep. */
  refs: Int32Array;
  /** Sentiment code per event: 0 none, else 1 + index in SENTIMENT_LABELS. */
  sentiment: Uint8Array;
  /** Sends that carried a panel draft: thread and draft string indices, and when. */
  draftSendRefs: Int32Array;
  draftSendAt: Float64Array;
  /** Threads with a positive reply or a meeting (string indices). */
  positiveThreads: Int32Array;
}

/** What the dashboard reads: the outcome events, and the sends that carried drafts (for ratings per prompt). */
export interface DashboardInput {
  events: OutcomeEvent[];
  draftSends: Array<{ threadId: string; draftId: string; at: number }>;
  positiveThreads: Set<string>;
  /** True when the digest was (re)built from the events on this read. */
  rebuilt: boolean;
}

const TYPE_CODE = new Map<string, number>(OUTCOME_TYPES.map((t, i) => [t, i]));
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Builds the digest from stored events (the same selection as `toOutcomeEvents`). */
export function buildDigest(records: readonly EventRecord[], defaults: { segment: string; rep: string }): Digest {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const type: number[] = [];
  const at: number[] = [];
  const refs: number[] = [];
  const sentiment: number[] = [];
  const draftSendRefs: number[] = [];
  const draftSendAt: number[] = [];
  const positive = new Set<number>();
  for (const r of records) {
    const d = r.detail ?? {};
    // An outcome waiting for the rep's confirmation, or dismissed by the rep, is not in the figures.
    if (d.confirmation === 'pending' || d.confirmation === 'dismissed') continue;
    const draftId = str(d.taggedDraftId) ?? r.draftId;
    if (r.type === 'sent' && draftId && r.threadId) {
      draftSendRefs.push(intern(r.threadId), intern(draftId));
      draftSendAt.push(r.at);
    }
    if ((r.type === 'positive_reply' || r.type === 'meeting') && r.threadId) positive.add(intern(r.threadId));
    const code = TYPE_CODE.get(r.type);
    if (code === undefined || !r.campaignId || !r.variantId || !r.contactId) continue;
    type.push(code);
    at.push(r.at);
    refs.push(
      intern(r.campaignId),
      intern(r.variantId),
      intern(r.contactId),
      intern(str(d.segment) ?? defaults.segment),
      intern(str(d.rep) ?? defaults.rep),
    );
    const s = SENTIMENT_LABELS.indexOf(d.sentiment as (typeof SENTIMENT_LABELS)[number]);
    sentiment.push(s + 1);
  }
  return {
    v: DIGEST_VERSION,
    count: records.length,
    strings,
    type: Uint8Array.from(type),
    at: Float64Array.from(at),
    refs: Int32Array.from(refs),
    sentiment: Uint8Array.from(sentiment),
    draftSendRefs: Int32Array.from(draftSendRefs),
    draftSendAt: Float64Array.from(draftSendAt),
    positiveThreads: Int32Array.from(positive),
  };
}

/** Expands a digest into what the dashboard computes on. */
export function readDigest(d: Digest): Omit<DashboardInput, 'rebuilt'> {
  const s = d.strings;
  const events: OutcomeEvent[] = new Array<OutcomeEvent>(d.type.length);
  for (let i = 0; i < d.type.length; i++) {
    const o = i * 5;
    const sentiment = SENTIMENT_LABELS[(d.sentiment[i] ?? 0) - 1];
    events[i] = {
      type: OUTCOME_TYPES[d.type[i] ?? 0] ?? 'sent',
      at: d.at[i] ?? 0,
      campaignId: s[d.refs[o] ?? 0] ?? '',
      variantId: s[d.refs[o + 1] ?? 0] ?? '',
      contactId: s[d.refs[o + 2] ?? 0] ?? '',
      segment: s[d.refs[o + 3] ?? 0] ?? '',
      rep: s[d.refs[o + 4] ?? 0] ?? '',
      ...(sentiment ? { sentiment } : {}),
    };
  }
  const draftSends = [];
  for (let i = 0; i < d.draftSendAt.length; i++)
    draftSends.push({
      threadId: s[d.draftSendRefs[2 * i] ?? 0] ?? '',
      draftId: s[d.draftSendRefs[2 * i + 1] ?? 0] ?? '',
      at: d.draftSendAt[i] ?? 0,
    });
  return { events, draftSends, positiveThreads: new Set(Array.from(d.positiveThreads, (i) => s[i] ?? '')) };
}

const memos = new WeakMap<CloserDb, { count: number; input: Omit<DashboardInput, 'rebuilt'> }>();

function isDigest(v: unknown): v is Digest {
  const d = v as Partial<Digest> | undefined;
  return d?.v === DIGEST_VERSION && typeof d.count === 'number' && d.type instanceof Uint8Array;
}

/** The dashboard's input: from the digest when it is current, else rebuilt from the events and saved. */
export async function loadDashboardInput(
  db: CloserDb,
  defaults: { segment: string; rep: string },
): Promise<DashboardInput> {
  const tx = db.transaction(['events', 'models'], 'readonly');
  // While this worker lives, the last expanded digest is reused as long as the stored event count still matches.
  const memo = memos.get(db);
  if (memo) {
    const current = await tx.objectStore('events').count();
    if (current === memo.count) return { ...memo.input, rebuilt: false };
  }
  const [count, stored] = await Promise.all([
    tx.objectStore('events').count(),
    tx.objectStore('models').get(DIGEST_ID),
  ]);
  if (stored && isDigest(stored.json) && stored.json.count === count) {
    const input = readDigest(stored.json);
    memos.set(db, { count, input });
    return { ...input, rebuilt: false };
  }
  const digest = buildDigest(await db.getAll('events'), defaults);
  await db.put('models', { id: DIGEST_ID, json: digest, updatedAt: Date.now() });
  const input = readDigest(digest);
  memos.set(db, { count: digest.count, input });
  return { ...input, rebuilt: true };
}

const concat = <T extends Uint8Array | Int32Array | Float64Array>(a: T, b: T): T => {
  const out = new (a.constructor as new (n: number) => T)(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * Keeps the stored digest current after this worker added `added` (new records only, already written): appended
 * when the digest was current just before, so the next dashboard read does not re-read every event. Otherwise it is
 * left stale, and the next read rebuilds it.
 */
export async function appendToDigest(
  db: CloserDb,
  added: readonly EventRecord[],
  defaults: { segment: string; rep: string },
): Promise<void> {
  if (added.length === 0) return;
  memos.delete(db);
  const tx = db.transaction(['events', 'models'], 'readwrite');
  const [count, stored] = await Promise.all([
    tx.objectStore('events').count(),
    tx.objectStore('models').get(DIGEST_ID),
  ]);
  if (!stored || !isDigest(stored.json) || stored.json.count + added.length !== count) return;
  const old = stored.json;
  const part = buildDigest(added, defaults);
  const index = new Map(old.strings.map((str, i) => [str, i]));
  const strings = [...old.strings];
  const remap = Int32Array.from(part.strings, (str) => {
    let i = index.get(str);
    if (i === undefined) {
      i = strings.length;
      strings.push(str);
      index.set(str, i);
    }
    return i;
  });
  const mapped = (a: Int32Array) => Int32Array.from(a, (i) => remap[i] ?? 0);
  const positive = new Set([...old.positiveThreads, ...mapped(part.positiveThreads)]);
  const digest: Digest = {
    v: DIGEST_VERSION,
    count,
    strings,
    type: concat(old.type, part.type),
    at: concat(old.at, part.at),
    refs: concat(old.refs, mapped(part.refs)),
    sentiment: concat(old.sentiment, part.sentiment),
    draftSendRefs: concat(old.draftSendRefs, mapped(part.draftSendRefs)),
    draftSendAt: concat(old.draftSendAt, part.draftSendAt),
    positiveThreads: Int32Array.from(positive),
  };
  await tx.objectStore('models').put({ id: DIGEST_ID, json: digest, updatedAt: Date.now() });
  await tx.done;
}

/** Drops the stored digest after an event changed in place (a confirmed outcome), so the next read rebuilds it. */
export async function invalidateDigest(db: CloserDb): Promise<void> {
  memos.delete(db);
  await db.delete('models', DIGEST_ID);
}
