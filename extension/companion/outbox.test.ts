import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openCloserDb } from '../storage/db';
import { CompanionError } from './client';
import { backoffMs, createOutbox, IN_FLIGHT_GUARD_MS, MAX_OUTBOX_STRING, type OutboxDeps } from './outbox';
import type { OutboxKind } from './outbox-kinds';

let n = 0;
const persona = (label: string, extra: Record<string, unknown> = {}) => ({
  email: 'ada@example.com',
  hubspotContactId: '501',
  persona: {
    label,
    confidence: 0.8,
    origin: 'llm',
    fields: { role: { value: 'Head of Sales', confidence: 0.8, source: 'thread' } },
    approvedAt: '2026-11-20T10:00:00.000Z',
    ...extra,
  },
});

function setup(opts: { connected?: boolean; online?: boolean } = {}) {
  const dbp = openCloserDb(undefined, `outbox-test-${++n}-${Math.random()}`);
  let t = 1_000;
  const sent: Array<{ kind: OutboxKind; items: unknown[] }> = [];
  const failures: CompanionError[] = [];
  const alarms: Array<number | null> = [];
  const unauthorized: string[] = [];
  const env = { connected: opts.connected ?? true, online: opts.online ?? true, hang: false };
  const deps: OutboxDeps = {
    db: () => dbp,
    send: async (kind, items) => {
      // A send that never settles: Chrome stopped the worker while it was in flight.
      if (env.hang) return new Promise<void>(() => {});
      const f = failures.shift();
      if (f) throw f;
      sent.push({ kind, items });
    },
    isConnected: async () => env.connected,
    isOnline: () => env.online,
    onUnauthorized: async (m) => void unauthorized.push(m),
    schedule: async (at) => void alarms.push(at),
    now: () => t,
    random: () => 0,
  };
  const outbox = createOutbox(deps);
  return { outbox, deps, sent, failures, alarms, unauthorized, env, advance: (ms: number) => (t += ms), now: () => t };
}

describe('outbox enqueue', () => {
  it('validates, redacts PII in free text (not the routing address), and stores pending once per key', async () => {
    const s = setup({ connected: false });
    const r = await s.outbox.enqueue({
      kind: 'persona.upsert',
      idempotencyKey: 'k1',
      payload: persona('Buyer, call +1 415 555 0134', { summary: 'Reach her at ada.lovelace@example.org' }),
    });
    expect(r).toEqual({ id: 'persona.upsert:k1', duplicate: false });
    const { items, counts } = await s.outbox.list();
    expect(counts).toEqual({ pending: 1, sent: 0, failed: 0 });
    const payload = items[0]?.payload as ReturnType<typeof persona> & { idempotencyKey: string };
    expect(payload.persona.label).toBe('Buyer, call [PHONE]');
    expect((payload.persona as { summary?: string }).summary).toBe('Reach her at [EMAIL]');
    expect(payload.email).toBe('ada@example.com');
    expect(payload.idempotencyKey).toBe('k1');
    expect(await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: 'k1', payload: persona('Again') })).toEqual(
      { id: 'persona.upsert:k1', duplicate: true },
    );
  });

  it('refuses message text, unknown kinds and payloads that break the contract; nothing is queued', async () => {
    const s = setup();
    const mail = 'Hi Jordan, '.repeat(200);
    await expect(
      s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: 'k', payload: persona('x', { summary: mail }) }),
    ).rejects.toThrow(/message text/);
    expect(mail.length).toBeGreaterThan(MAX_OUTBOX_STRING);
    await expect(s.outbox.enqueue({ kind: 'mail.body', idempotencyKey: 'k', payload: {} })).rejects.toThrow(/Unknown/);
    await expect(
      s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: 'k', payload: { email: 'nope' } }),
    ).rejects.toThrow(/Invalid persona.upsert payload/);
    expect((await s.outbox.list()).counts).toEqual({ pending: 0, sent: 0, failed: 0 });
  });
});

describe('outbox delivery', () => {
  it('batches per kind up to the batch size and marks items sent exactly once', async () => {
    const s = setup();
    for (let i = 0; i < 150; i++)
      await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: `p${i}`, payload: persona(`L${i}`) });
    await s.outbox.deliver();
    expect(s.sent.map((b) => b.items.length)).toEqual([100, 50]);
    expect((await s.outbox.list()).counts).toEqual({ pending: 0, sent: 150, failed: 0 });
    await s.outbox.deliver();
    expect(s.sent).toHaveLength(2);
    expect(s.alarms.at(-1)).toBeNull();
  });

  it('keeps an alarm set while a batch is in flight, so a worker stopped mid-send delivers later', async () => {
    const s = setup();
    await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: 'a', payload: persona('A') });
    s.env.hang = true;
    void s.outbox.deliver();
    await expect.poll(() => s.alarms.at(-1)).toBe(s.now() + IN_FLIGHT_GUARD_MS);
    // The worker is gone; the alarm wakes a new one, whose outbox finds the item still pending and due.
    s.env.hang = false;
    s.advance(IN_FLIGHT_GUARD_MS);
    const next = setup();
    const woken = createOutbox({ ...next.deps, db: s.deps.db, now: s.now });
    await woken.deliver();
    expect(next.sent.map((b) => b.items.length)).toEqual([1]);
    expect((await woken.list()).counts).toEqual({ pending: 0, sent: 1, failed: 0 });
  });

  it('sets a wake-up before an item is stored, ahead of its first attempt, so a worker stopped in between delivers later', async () => {
    const s = setup();
    // The worker is stopped right after the write: the immediate attempt never runs.
    await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: 'a', payload: persona('A') });
    expect(s.alarms).toEqual([s.now() + IN_FLIGHT_GUARD_MS]);
    expect((await s.outbox.list()).counts.pending).toBe(1);
    // Order matters: the wake-up exists before the item does, so no instant has a pending item and no alarm.
    const seen: number[] = [];
    const ordered = createOutbox({
      ...s.deps,
      schedule: async () => void seen.push((await s.outbox.list()).counts.pending),
    });
    await ordered.enqueue({ kind: 'persona.upsert', idempotencyKey: 'b', payload: persona('B') });
    expect(seen).toEqual([1]);
  });

  it('one outage, one clock: every pending item waits for the same next attempt, then all go in one round', async () => {
    const s = setup();
    s.env.hang = false;
    s.failures.push(new CompanionError('offline', 'down'));
    await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: 'a', payload: persona('A') });
    await s.outbox.deliver();
    // Items queued later, each failing its own immediate attempt at a different moment of the outage.
    for (const key of ['b', 'c']) {
      s.advance(700);
      await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: key, payload: persona(key) });
      s.failures.push(new CompanionError('offline', 'down'));
      await s.outbox.deliver();
    }
    const waits = new Set((await s.outbox.list()).items.map((i) => i.nextAttemptAt));
    expect(waits.size).toBe(1);
    const [at] = [...waits];
    expect(s.alarms.at(-1)).toBe(at);
    // The backend is back; the alarm fires once and delivers everything.
    s.advance(at! - s.now());
    await s.outbox.deliver();
    expect(s.sent.map((b) => b.items.length)).toEqual([3]);
    expect((await s.outbox.list()).counts).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it('backs off on retryable errors (respecting Retry-After), then delivers when due', async () => {
    const s = setup();
    await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: 'a', payload: persona('A') });
    s.failures.push(new CompanionError('server_error', 'boom'));
    await s.outbox.deliver();
    let [item] = (await s.outbox.list()).items;
    expect(item).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom', nextAttemptAt: s.now() + 1000 });
    expect(s.alarms.at(-1)).toBe(s.now() + 1000);
    await s.outbox.deliver(); // not due yet: nothing sent
    expect(s.sent).toHaveLength(0);
    s.advance(1000);
    s.failures.push(new CompanionError('rate_limited', 'slow', { retryAfterMs: 30_000 }));
    await s.outbox.deliver();
    [item] = (await s.outbox.list()).items;
    expect(item).toMatchObject({ attempts: 2, nextAttemptAt: s.now() + 30_000 });
    s.advance(30_000);
    await s.outbox.deliver();
    expect(s.sent).toHaveLength(1);
    expect((await s.outbox.list()).items[0]).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('retries within one guard period after a long outage, however many attempts failed', async () => {
    const s = setup();
    await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: 'a', payload: persona('A') });
    for (let i = 0; i < 10; i++) {
      s.failures.push(new CompanionError(i % 2 ? 'server_error' : 'offline', 'down'));
      await s.outbox.deliver();
      const [item] = (await s.outbox.list()).items;
      expect(item!.attempts).toBe(i + 1);
      expect(item!.nextAttemptAt! - s.now()).toBeLessThanOrEqual(IN_FLIGHT_GUARD_MS);
      s.advance(item!.nextAttemptAt! - s.now());
    }
    // The backend is back: the next alarm delivers.
    await s.outbox.deliver();
    expect(s.sent).toHaveLength(1);
  });

  it('a 4xx fails the batch with the server’s reason; retry and discard work', async () => {
    const s = setup();
    await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: 'a', payload: persona('A') });
    s.failures.push(new CompanionError('bad_request', 'Invalid persona batch: items.0.email'));
    await s.outbox.deliver();
    expect((await s.outbox.list()).items[0]).toMatchObject({ status: 'failed', lastError: /items.0.email/ });
    expect(await s.outbox.retry('persona.upsert:a')).toBe(true);
    await s.outbox.deliver();
    expect((await s.outbox.list()).counts).toEqual({ pending: 0, sent: 1, failed: 0 });
    expect(await s.outbox.discard('persona.upsert:a')).toBe(true);
    expect((await s.outbox.list()).items).toHaveLength(0);
  });

  it('401 signs out and keeps the items; offline and not connected do not send', async () => {
    const s = setup();
    await s.outbox.enqueue({ kind: 'campaign.result', idempotencyKey: 'c', payload: campaignResult() });
    s.failures.push(new CompanionError('unauthorized', 'token revoked'));
    await s.outbox.deliver();
    expect(s.unauthorized).toEqual(['token revoked']);
    expect(s.outbox.state()).toBe('not_connected');
    expect((await s.outbox.list()).items[0]).toMatchObject({ status: 'pending', attempts: 0 });

    s.env.online = false;
    await s.outbox.deliver();
    expect(s.outbox.state()).toBe('offline');
    s.env.online = true;
    s.env.connected = false;
    await s.outbox.deliver();
    expect(s.outbox.state()).toBe('not_connected');
    expect(s.sent).toHaveLength(0);
    s.env.connected = true;
    await s.outbox.deliver();
    expect(s.sent).toEqual([{ kind: 'campaign.result', items: [expect.objectContaining({ idempotencyKey: 'c' })] }]);
  });

  it('an offline failure is reported as offline until a batch gets through', async () => {
    const s = setup();
    await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: 'a', payload: persona('A') });
    s.failures.push(new CompanionError('offline', 'Failed to fetch'), new CompanionError('offline', 'Failed to fetch'));
    await s.outbox.deliver();
    expect(s.outbox.state()).toBe('offline');
    s.advance(60_000);
    await s.outbox.deliver();
    expect(s.outbox.state()).toBe('offline');
    s.advance(60_000);
    await s.outbox.deliver();
    expect(s.outbox.state()).toBe('idle');
    expect((await s.outbox.list()).items[0]).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('concurrent deliver calls never send one item twice', async () => {
    const s = setup();
    for (let i = 0; i < 5; i++)
      await s.outbox.enqueue({ kind: 'persona.upsert', idempotencyKey: `p${i}`, payload: persona(`L${i}`) });
    await Promise.all([s.outbox.deliver(), s.outbox.deliver(), s.outbox.deliver()]);
    expect(s.sent.flatMap((b) => b.items)).toHaveLength(5);
  });

  it('backoff grows exponentially with jitter and is capped', () => {
    expect(backoffMs(1, () => 0)).toBe(1000);
    expect(backoffMs(3, () => 0.999)).toBeLessThan(8000);
    expect(backoffMs(3, () => 0.999)).toBeGreaterThan(7900);
    expect(backoffMs(50, () => 0)).toBe(300_000);
  });
});

function campaignResult() {
  return {
    campaignId: 'c1',
    campaignName: 'Q1 pilot',
    variantId: 'v1',
    variantName: 'Short',
    channel: 'email',
    email: 'ada@example.com',
    outcome: 'replied',
    occurredAt: '2026-11-20T10:00:00.000Z',
  };
}
