import { redactPii } from '../../shared/common/privacy';
import type { CloserDb } from '../storage/db';
import type { OutboxRecord } from '../storage/schema';
import { OUTBOX_KINDS, OutboxKindSchema, type OutboxKind } from './outbox-kinds';
import { CompanionError } from './client';

/**
 * Longest string an outbox payload may carry. Synced persona values are at most 1,000 characters; anything longer is
 * treated as message text, which never leaves the device.
 */
export const MAX_OUTBOX_STRING = 1_000;
/** Keys whose values route the item (ids, the contact's address, timestamps); every other string is redacted. */
const ROUTING_KEYS = new Set([
  'idempotencyKey',
  'email',
  'hubspotContactId',
  'campaignId',
  'variantId',
  'approvedAt',
  'occurredAt',
]);
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 10 * 60_000;

export class OutboxRejected extends Error {
  override readonly name = 'OutboxRejected';
}

/** Where delivery stands, for the side panel's banner. */
export type DeliveryState = 'idle' | 'delivering' | 'offline' | 'not_connected';

export interface OutboxDeps {
  db: () => Promise<CloserDb>;
  /** Sends one batch of one kind; throws `CompanionError`. */
  send: (kind: OutboxKind, items: unknown[]) => Promise<void>;
  isConnected: () => Promise<boolean>;
  isOnline: () => boolean;
  /** The server refused the token: sign out (queued items stay). */
  onUnauthorized: (message: string) => Promise<void>;
  /**
   * Wake-up for the next attempt, repeating every `ALARM_PERIOD_MS` after `at` until the next call (a periodic
   * `chrome.alarms` alarm, so it survives the service worker and its own firing); null clears it.
   */
  schedule: (at: number | null) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

/** The client's 15 s timeout plus margin; also Chrome's shortest alarm delay for a packed extension. */
export const IN_FLIGHT_GUARD_MS = 30_000;
/**
 * The wake-up repeats at this period until the outbox sets another or clears it. A one-shot alarm is gone once it
 * has fired: a worker Chrome stopped between that firing and the round's next `schedule` call (a window of a few
 * tens of milliseconds, hit about one run in four by the outage E2E) left pending items with no wake-up at all, and
 * they waited for whatever next started the worker. A periodic alarm is still there after it fires.
 */
export const ALARM_PERIOD_MS = IN_FLIGHT_GUARD_MS;

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … up to 10 min, each scaled by a random factor in [0.5, 1). */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}

/** Backoff while the backend is unreachable or failing: as `backoffMs`, but never beyond one guard period. */
export function outageBackoffMs(attempts: number, random: () => number = Math.random): number {
  return Math.min(IN_FLIGHT_GUARD_MS, backoffMs(attempts, random));
}

/** Refuses message text, then redacts personal data in every string that will leave (routing keys excepted). */
export function sanitizePayload(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (value.length > MAX_OUTBOX_STRING)
      throw new OutboxRejected(
        `"${key || 'value'}" has ${value.length} characters (limit ${MAX_OUTBOX_STRING}): it looks like message text, which never leaves this device`,
      );
    return ROUTING_KEYS.has(key) ? value : redactPii(value).text;
  }
  if (Array.isArray(value)) return value.map((v) => sanitizePayload(v, key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizePayload(v, k)]));
  return value;
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
}

export interface OutboxInput {
  kind: string;
  idempotencyKey: string;
  payload: unknown;
}

/**
 * Validates, refuses message text, redacts and stores one item; an item with the same kind and idempotency key that
 * is already queued or sent is not queued twice. The one way into the outbox: the worker's outbox calls it and then
 * tries to deliver; a context without a running outbox calls it alone and the next delivery round picks the item up.
 */
export async function queueOutboxItem(
  db: OutboxDeps['db'],
  input: OutboxInput,
  at: number = Date.now(),
): Promise<{ id: string; duplicate: boolean }> {
  const kind = OutboxKindSchema.safeParse(input.kind);
  if (!kind.success) throw new OutboxRejected(`Unknown outbox kind "${input.kind}"`);
  const spec = OUTBOX_KINDS[kind.data];
  const payload = { ...(input.payload as object), idempotencyKey: input.idempotencyKey };
  const sanitized = sanitizePayload(payload);
  const parsed = spec.payload.safeParse(sanitized);
  if (!parsed.success)
    throw new OutboxRejected(
      `Invalid ${kind.data} payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  const id = `${kind.data}:${input.idempotencyKey}`;
  const store = await db();
  const existing = await store.get('outbox', id);
  if (existing && existing.status !== 'failed') return { id, duplicate: true };
  await store.put('outbox', {
    id,
    idempotencyKey: input.idempotencyKey,
    kind: kind.data,
    payload: parsed.data,
    status: 'pending',
    attempts: 0,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  });
  return { id, duplicate: false };
}

export function createOutbox(deps: OutboxDeps) {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  let state: DeliveryState = 'idle';
  let running: Promise<void> | null = null;
  let again = false;

  const put = async (rec: OutboxRecord) => void (await (await deps.db()).put('outbox', rec));

  async function pendingRecords(): Promise<OutboxRecord[]> {
    const db = await deps.db();
    const rows = await db.getAllFromIndex('outbox', 'by-status', 'pending');
    return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /** Sets the alarm for the earliest pending item that waits (or clears it). */
  async function reschedule(): Promise<void> {
    const waits = (await pendingRecords()).map((r) => r.nextAttemptAt ?? now());
    await deps.schedule(waits.length ? Math.max(now(), Math.min(...waits)) : null);
  }

  /** One delivery round: sends due items, batch by batch, until none is due or something stops it. */
  async function round(): Promise<void> {
    if (!(await deps.isConnected())) {
      state = 'not_connected';
      await deps.schedule(null);
      return;
    }
    if (!deps.isOnline()) {
      state = 'offline';
      await reschedule();
      return;
    }
    // After an offline failure the banner keeps saying so until a batch gets through.
    if (state !== 'offline') state = 'delivering';
    for (;;) {
      const due = (await pendingRecords()).filter((r) => (r.nextAttemptAt ?? 0) <= now());
      const first = due[0];
      if (!first) break;
      const kind = first.kind as OutboxKind;
      const spec = OUTBOX_KINDS[kind];
      const batch = due.filter((r) => r.kind === first.kind).slice(0, spec?.batch ?? 1);
      // Validated again before sending: a record written by an older version may no longer fit the contract.
      const invalid = batch.filter((r) => !spec || !spec.payload.safeParse(r.payload).success);
      for (const r of invalid)
        await put({ ...r, status: 'failed', lastError: 'No longer matches the sync contract', updatedAt: now() });
      const valid = batch.filter((r) => !invalid.includes(r));
      if (!valid.length) continue;
      // Chrome may stop the worker at any await below; the alarm that started this round has fired and is gone. Until
      // the round ends and sets the real one, this one brings delivery back if the worker dies mid-send.
      await deps.schedule(now() + IN_FLIGHT_GUARD_MS);
      try {
        await deps.send(
          kind,
          valid.map((r) => r.payload),
        );
      } catch (err) {
        const e =
          err instanceof CompanionError ? err : new CompanionError('offline', err instanceof Error ? err.message : '');
        if (e.code === 'unauthorized' || e.code === 'not_connected') {
          // Signed out: stop, keep the items as they are for the next sign-in.
          state = 'not_connected';
          for (const r of valid) await put({ ...r, lastError: `Not signed in: ${e.message}`, updatedAt: now() });
          if (e.code === 'unauthorized') await deps.onUnauthorized(e.message);
          await deps.schedule(null);
          return;
        }
        if (e.retryable) {
          // An unreachable, failing or throttling backend is one outage, not a fault of this batch: its backoff
          // stops growing at the guard period, so the backend's return is seen within one alarm period (without the
          // cap, items that waited out a minute-long outage had reached 64-128 s waits and sat past the backend's
          // return). And every pending item waits for the same next attempt: with a clock of its own per item, the
          // backend's return was followed by one item per own backoff, up to a period apart.
          const attempts = Math.max(...valid.map((r) => r.attempts)) + 1;
          const own = e.code === 'rate_limited' ? backoffMs(attempts, random) : outageBackoffMs(attempts, random);
          const until = now() + Math.max(own, e.extra.retryAfterMs ?? 0);
          for (const r of valid)
            await put({ ...r, attempts: r.attempts + 1, lastError: e.message, nextAttemptAt: until, updatedAt: now() });
          for (const r of await pendingRecords())
            if (!valid.some((v) => v.id === r.id) && (r.nextAttemptAt ?? 0) < until)
              await put({ ...r, nextAttemptAt: until, updatedAt: now() });
          if (e.code === 'offline') state = 'offline';
          await reschedule();
          return;
        }
        // Any other 4xx: the server will never take this batch; keep it, marked, for the user to discard or retry.
        for (const r of valid)
          await put({ ...r, attempts: r.attempts + 1, status: 'failed', lastError: e.message, updatedAt: now() });
        continue;
      }
      state = 'delivering';
      const at = now();
      for (const r of valid)
        await put({ ...r, attempts: r.attempts + 1, status: 'sent', sentAt: at, updatedAt: at, lastError: undefined });
    }
    state = 'idle';
    await reschedule();
  }

  /** Runs a delivery round; calls during a round ask for one more round after it, never a second one in parallel. */
  function deliver(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await round();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    deliver,
    state: () => state,
    /**
     * Sets a wake-up one guard period away, then stores the item, before the caller's immediate attempt: a worker
     * stopped after the write would otherwise leave the item without one (the E2E trace saw that instant once in
     * 14 runs). The attempt's round sets the exact time; a refused or duplicate item leaves a wake-up that finds
     * nothing new, which is harmless.
     */
    async enqueue(input: OutboxInput) {
      await deps.schedule(now() + IN_FLIGHT_GUARD_MS);
      return queueOutboxItem(deps.db, input, now());
    },
    async list(limit = 500): Promise<{ items: OutboxRecord[]; counts: OutboxCounts }> {
      const db = await deps.db();
      const counts: OutboxCounts = {
        pending: await db.countFromIndex('outbox', 'by-status', 'pending'),
        sent: await db.countFromIndex('outbox', 'by-status', 'sent'),
        failed: await db.countFromIndex('outbox', 'by-status', 'failed'),
      };
      const items: OutboxRecord[] = [];
      let cursor = await db.transaction('outbox').store.index('by-created').openCursor(null, 'prev');
      while (cursor && items.length < limit) {
        items.push(cursor.value);
        cursor = await cursor.continue();
      }
      return { items, counts };
    },
    /** Back to pending, due now (a failed item, or a pending one waiting out its backoff). */
    async retry(id: string): Promise<boolean> {
      const rec = await (await deps.db()).get('outbox', id);
      if (!rec || rec.status === 'sent') return false;
      await put({ ...rec, status: 'pending', nextAttemptAt: now(), lastError: undefined, updatedAt: now() });
      return true;
    },
    async discard(id: string): Promise<boolean> {
      const db = await deps.db();
      if (!(await db.get('outbox', id))) return false;
      await db.delete('outbox', id);
      return true;
    },
    /** Everything pending becomes due now. */
    async makeAllDue(): Promise<void> {
      for (const r of await pendingRecords()) await put({ ...r, nextAttemptAt: now() });
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
