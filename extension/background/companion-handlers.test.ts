import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionItem } from '../companion/connection-store';
import { settingsItem, DEFAULT_SETTINGS } from '../storage/settings';
import { createCompanionHandlers, OUTBOX_ALARM, RENEW_AFTER_MS } from './companion-handlers';

const BACKEND = 'http://127.0.0.1:9999';
const persona = {
  email: 'ada@example.com',
  persona: { label: 'Buyer', confidence: 0.5, origin: 'rules', fields: {}, approvedAt: '2026-11-20T10:00:00.000Z' },
};

describe('companion handlers (service worker wiring)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, companionUrl: BACKEND });
    await connectionItem.setValue({
      connection: { backendUrl: BACKEND, token: 'tok', portalId: 101, userId: 'u1', connectedAt: Date.now() },
      pendingSignIn: null,
      lastError: null,
    });
  });

  it('enqueue delivers at once with the token, records the request in the ledger, and a 401 signs out', async () => {
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response('{"accepted":1}', { status: 202 }))
      .mockResolvedValue(new Response('{"error":{"code":"unauthorized","message":"token revoked"}}', { status: 401 }));
    const h = createCompanionHandlers();
    const call = <T>(fn: ((p: never, c: never) => unknown) | undefined, p: unknown) =>
      (fn as (p: unknown, c: unknown) => Promise<T>)(p, undefined);

    await call(h['outbox.enqueue'], { kind: 'persona.upsert', idempotencyKey: 'k1', payload: persona });
    await vi.waitFor(async () =>
      expect((await call<{ counts: { sent: number } }>(h['outbox.list'], {})).counts.sent).toBe(1),
    );
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`${BACKEND}/v1/personas:batchUpsert`);
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    const ledger = await call<{ entries: { purpose: string; status?: number; fields: string[] }[] }>(
      h['ledger.list'],
      {},
    );
    expect(ledger.entries[0]).toMatchObject({ purpose: 'outbox.persona.upsert', status: 202, fields: ['items'] });

    await call(h['outbox.enqueue'], { kind: 'persona.upsert', idempotencyKey: 'k2', payload: persona });
    await vi.waitFor(async () => expect((await connectionItem.getValue()).connection).toBeNull());
    const list = await call<{ counts: { pending: number }; delivery: string }>(h['outbox.list'], {});
    expect(list).toMatchObject({ counts: { pending: 1 }, delivery: 'not_connected' });
    expect((await connectionItem.getValue()).lastError).toContain('token revoked');
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
  });

  it('keeps a periodic alarm while items wait, so the alarm that woke the worker is still there if Chrome stops it', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    const h = createCompanionHandlers();
    const enqueue = h['outbox.enqueue'] as (p: unknown, c: unknown) => Promise<unknown>;
    await enqueue({ kind: 'persona.upsert', idempotencyKey: 'k1', payload: persona }, undefined);
    await vi.waitFor(async () => {
      const list = (h['outbox.list'] as (p: unknown, c: unknown) => Promise<{ items: { attempts: number }[] }>)(
        {},
        undefined,
      );
      expect((await list).items[0]?.attempts).toBe(1);
    });
    // Chrome keeps a periodic alarm after it fires; a one-shot one is gone the moment it fires.
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toMatchObject({ periodInMinutes: 0.5 }),
    );
  });

  it('renews a day-old token before using it, and sends the new one from then on', async () => {
    await connectionItem.setValue({
      connection: {
        backendUrl: BACKEND,
        token: 'tok',
        portalId: 101,
        userId: 'u1',
        connectedAt: Date.now() - RENEW_AFTER_MS - 1,
      },
      pendingSignIn: null,
      lastError: null,
    });
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response('{"token":"tok2","expiresAt":"2027-01-06T00:00:00.000Z"}', { status: 200 }))
      .mockResolvedValue(new Response('{"accepted":1}', { status: 202 }));
    const h = createCompanionHandlers();
    const enqueue = h['outbox.enqueue'] as (p: unknown, c: unknown) => Promise<unknown>;
    await enqueue({ kind: 'persona.upsert', idempotencyKey: 'k-renew', payload: persona }, undefined);
    await vi.waitFor(() => expect(fetchMock.mock.calls.map((c) => String(c[0]))).toHaveLength(2));
    const calls = fetchMock.mock.calls as [string, RequestInit][];
    expect(calls[0]![0]).toBe(`${BACKEND}/v1/tokens/current:renew`);
    expect((calls[0]![1].headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(calls[1]![0]).toBe(`${BACKEND}/v1/personas:batchUpsert`);
    expect((calls[1]![1].headers as Record<string, string>).authorization).toBe('Bearer tok2');
    const { connection } = await connectionItem.getValue();
    expect(connection).toMatchObject({ token: 'tok2', portalId: 101, userId: 'u1' });
    // Renewed just now: the next status read renews nothing.
    await (h['companion.status'] as (p: unknown, c: unknown) => Promise<unknown>)({}, undefined);
    expect(calls.filter(([url]) => url.endsWith(':renew'))).toHaveLength(1);
  });

  it('refuses message text from any caller with a clear error', async () => {
    const h = createCompanionHandlers();
    const enqueue = h['outbox.enqueue'] as (p: unknown, c: unknown) => Promise<unknown>;
    await expect(
      enqueue(
        {
          kind: 'persona.upsert',
          idempotencyKey: 'k3',
          payload: { ...persona, persona: { ...persona.persona, summary: 'Dear Ada, '.repeat(150) } },
        },
        undefined,
      ),
    ).rejects.toMatchObject({ code: 'invalid_params', message: /message text/ });
  });
});
