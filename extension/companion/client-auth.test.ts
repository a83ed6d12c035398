import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CompanionError, createCompanionClient } from './client';
import { createAuth } from './auth';
import {
  EMPTY_CONNECTION_STATE,
  connectionItem,
  legacyConnectionItem,
  migrateConnectionV1toV2,
  resetConnectionMoveForTests,
  type ConnectionState,
} from './connection-store';
import { codeChallengeOf } from './pkce';
import { closePrivateDbForTests, getPrivate, PRIVATE_DB_NAME } from './private-store';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function clientWith(handler: Handler, token: string | null = 'tok') {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const client = createCompanionClient({
    ledger: {
      ledgerFetch: async (_purpose, url, init = {}) => {
        calls.push({ url, init });
        return handler(url, init);
      },
    },
    target: async () => ({ baseUrl: 'http://backend/', token }),
    timeoutMs: 50,
  });
  return { client, calls };
}

describe('companion client', () => {
  it('sends the bearer token and the batch under the kind’s body key', async () => {
    const { client, calls } = clientWith(() => json(202, { accepted: 1 }));
    await client.postBatch('persona.upsert', [{ a: 1 }]);
    expect(calls[0]?.url).toBe('http://backend/v1/personas:batchUpsert');
    expect((calls[0]?.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ items: [{ a: 1 }] });
  });

  it.each([
    [401, 'unauthorized', false],
    [429, 'rate_limited', true],
    [503, 'server_error', true],
    [400, 'bad_request', false],
  ] as const)('HTTP %i → %s (retryable %s) with the server’s message', async (status, code, retryable) => {
    const { client } = clientWith(() =>
      json(status, { error: { code: 'x', message: 'the server says why' } }, { 'retry-after': '7' }),
    );
    const err = await client.postBatch('persona.upsert', []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CompanionError);
    expect(err).toMatchObject({ code, message: 'the server says why', retryable });
    if (code === 'rate_limited') expect((err as CompanionError).extra.retryAfterMs).toBe(7000);
  });

  it('reads the synced summary of an address; 404 means the team has none', async () => {
    const summary = {
      email: 'ada@example.com',
      hubspotId: '42',
      persona: { label: 'Director · fintech', summary: '', confidence: 0.8, updatedAt: '2026-11-29T00:00:00Z' },
      campaignEvents: 2,
      pendingSync: 0,
    };
    const { client, calls } = clientWith((url) =>
      url.endsWith('/ada%40example.com/summary') ? json(200, summary) : json(404, { error: 'not_found' }),
    );
    expect((await client.summary('Ada@Example.com'))?.persona?.label).toBe('Director · fintech');
    expect(calls[0]?.url).toBe('http://backend/v1/contacts/ada%40example.com/summary');
    expect(await client.summary('bob@example.com')).toBeNull();
    const failing = clientWith(() => json(500, { error: 'boom' })).client;
    await expect(failing.summary('ada@example.com')).rejects.toBeInstanceOf(CompanionError);
  });

  it('network failure and timeout → offline', async () => {
    const { client } = clientWith(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client.me()).rejects.toMatchObject({ code: 'offline' });
    const slow = clientWith(
      (_u, init) =>
        new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    await expect(slow.client.me()).rejects.toMatchObject({ code: 'offline', message: /no answer within 50 ms/ });
  });

  it('validates answers and refuses to call an authed endpoint without a token', async () => {
    const { client } = clientWith(() => json(200, { portalId: 'not a number' }));
    await expect(client.me()).rejects.toMatchObject({ code: 'invalid_response' });
    const none = clientWith(() => json(200, {}), null);
    await expect(none.client.me()).rejects.toMatchObject({ code: 'not_connected' });
    expect(none.calls).toHaveLength(0);
  });

  it('reads the device-token states', async () => {
    const answers = [json(400, { error: 'authorization_pending' }), json(400, { error: 'slow_down' })];
    const { client } = clientWith(() => answers.shift() ?? json(200, { token: 't', portalId: 5, userId: 'u' }), null);
    expect(await client.deviceToken('d', 'v'.repeat(43))).toEqual({ state: 'authorization_pending' });
    expect(await client.deviceToken('d', 'v'.repeat(43))).toEqual({ state: 'slow_down' });
    expect(await client.deviceToken('d', 'v'.repeat(43))).toEqual({
      state: 'granted',
      token: 't',
      portalId: 5,
      userId: 'u',
    });
  });
});

describe('device sign-in', () => {
  function setup(answers: Array<Record<string, unknown>>) {
    let state: ConnectionState = { ...EMPTY_CONNECTION_STATE };
    let t = 0;
    const sleeps: number[] = [];
    const opened: string[] = [];
    const connected: string[] = [];
    const challenges: string[] = [];
    const verifiers: string[] = [];
    const auth = createAuth({
      client: {
        deviceAuthorize: async (_name, codeChallenge) => {
          challenges.push(codeChallenge);
          return {
            deviceCode: 'dev-1',
            userCode: 'ABCD-EFGH',
            verificationUri: 'http://backend/device',
            expiresIn: 600,
            interval: 2,
          };
        },
        deviceToken: async (_code, codeVerifier) => {
          verifiers.push(codeVerifier);
          const a = answers.shift();
          if (!a) throw new Error('no more answers');
          if (a.throw) throw a.throw;
          return a as never;
        },
        revoke: async () => {
          connected.push('revoked');
          return {};
        },
      },
      getState: async () => state,
      setState: async (s) => void (state = s),
      backendUrl: async () => 'http://backend',
      openTab: async (url) => void opened.push(url),
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms);
        t += ms;
      },
      onConnected: () => connected.push('connected'),
      onDisconnected: () => connected.push('disconnected'),
    });
    return { auth, sleeps, opened, connected, challenges, verifiers, state: () => state };
  }

  it('opens the approval page, polls at the interval, slows down when asked, and connects', async () => {
    const s = setup([
      { state: 'authorization_pending' },
      { state: 'slow_down' },
      { throw: new CompanionError('offline', 'down') },
      { state: 'granted', token: 'tok', portalId: 101, userId: 'u1' },
    ]);
    const started = await s.auth.start();
    expect(started).toMatchObject({ state: 'pending', pending: { userCode: 'ABCD-EFGH' } });
    // The page opens without the code: the person types the one the options page shows.
    expect(s.opened).toEqual(['http://backend/device']);
    await s.auth.settled();
    expect(s.sleeps).toEqual([2000, 2000, 7000, 7000]);
    // Every poll proves it is the extension that asked: SHA-256 of the verifier is the challenge it sent.
    expect(new Set(s.verifiers).size).toBe(1);
    expect(s.verifiers[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await codeChallengeOf(s.verifiers[0]!)).toBe(s.challenges[0]);
    expect(s.challenges[0]).toBe(createHash('sha256').update(s.verifiers[0]!).digest('base64url'));
    expect(await s.auth.status()).toMatchObject({ state: 'connected', portalId: 101, userId: 'u1', pending: null });
    expect(s.connected).toEqual(['connected']);
  });

  it('reports a refused sign-in and an expired code', async () => {
    const s = setup([{ state: 'access_denied' }]);
    await s.auth.start();
    await s.auth.settled();
    expect(await s.auth.status()).toMatchObject({ state: 'not_connected', lastError: /refused/ });
    const e = setup(Array.from({ length: 400 }, () => ({ state: 'authorization_pending' })));
    await e.auth.start();
    await e.auth.settled();
    expect(await e.auth.status()).toMatchObject({ state: 'not_connected', lastError: /expired/ });
  });

  it('disconnect revokes, forgets the token, and reports it; a token for another backend is not "connected"', async () => {
    const s = setup([{ state: 'granted', token: 'tok', portalId: 1, userId: 'u' }]);
    await s.auth.start();
    await s.auth.settled();
    expect((await s.auth.disconnect()).state).toBe('not_connected');
    expect(s.connected).toEqual(['connected', 'revoked', 'disconnected']);
    expect(s.state().connection).toBeNull();
  });
});

describe('connection item', () => {
  // A fresh profile per test: empty chrome.storage and an empty IndexedDB.
  beforeEach(() => {
    fakeBrowser.reset();
    closePrivateDbForTests();
    resetConnectionMoveForTests();
    globalThis.indexedDB = new IDBFactory();
  });

  it('migrates a stored v1 token to a v2 connection on the default backend', async () => {
    await fakeBrowser.storage.local.set({
      companion: { token: 't1', portalId: 7, userId: 'u7' },
      companion$: { v: 1 },
    });
    expect(await connectionItem.getValue()).toEqual({
      connection: { backendUrl: 'http://127.0.0.1:8787', token: 't1', portalId: 7, userId: 'u7', connectedAt: 0 },
      pendingSignIn: null,
      lastError: null,
    });
  });

  it('v2 → v3 drops a sign-in in progress (it has no verifier) and says so, keeping the connection', async () => {
    const connection = { backendUrl: 'http://b', token: 't', portalId: 1, userId: 'u', connectedAt: 5 };
    await fakeBrowser.storage.local.set({
      companion: {
        connection,
        pendingSignIn: { backendUrl: 'http://b', deviceCode: 'd', userCode: 'ABCD-EFGH', verificationUri: 'x' },
        lastError: null,
      },
      companion$: { v: 2 },
    });
    expect(await connectionItem.getValue()).toEqual({
      connection,
      pendingSignIn: null,
      lastError: expect.stringMatching(/Connect again/),
    });
  });

  it("v3 → v4 moves the connection into the extension origin's IndexedDB and deletes the old key", async () => {
    const state = {
      connection: { backendUrl: 'http://b', token: 'secret-token', portalId: 1, userId: 'u', connectedAt: 5 },
      pendingSignIn: null,
      lastError: null,
    };
    await fakeBrowser.storage.local.set({ companion: state, companion$: { v: 3 } });
    expect(await connectionItem.getValue()).toEqual(state);
    // Nothing a content script can read is left in chrome.storage.local.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await getPrivate('companion.connection')).toEqual({ version: 4, state });
    expect(PRIVATE_DB_NAME).toBe('closer-private');

    // A value planted in chrome.storage.local afterwards (a content script can write there) is deleted unread.
    const planted = { ...state, connection: { ...state.connection, backendUrl: 'https://evil.example', token: 'x' } };
    await fakeBrowser.storage.local.set({ companion: planted, companion$: { v: 3 } });
    resetConnectionMoveForTests(); // as after a restart of the service worker
    expect(await connectionItem.getValue()).toEqual(state);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await connectionItem.setValue({ ...state, lastError: 'x' });
    expect((await connectionItem.getValue()).lastError).toBe('x');
    expect(await legacyConnectionItem.getValue()).toEqual(EMPTY_CONNECTION_STATE);
  });

  it('drops an incomplete v1 value and falls back to empty', async () => {
    expect(migrateConnectionV1toV2({ token: 't', portalId: null, userId: 'u' })).toEqual(EMPTY_CONNECTION_STATE);
    expect(await connectionItem.getValue()).toEqual(EMPTY_CONNECTION_STATE);
  });
});
