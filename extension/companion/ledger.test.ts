import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openCloserDb } from '../storage/db';
import { createLedger, topLevelFields, urlWithoutQuery } from './ledger';
import { installFetchRecorder } from './fetch-recorder';

let n = 0;
const freshDb = () => {
  const db = openCloserDb(undefined, `ledger-test-${++n}-${Math.random()}`);
  return () => db;
};

describe('ledger', () => {
  it('records method, url without query, purpose, field names and byte counts, never the body', async () => {
    const db = freshDb();
    const fake = async () => new Response('{"accepted":1}', { status: 202 });
    const ledger = createLedger({ db, context: 'worker', fetch: fake, now: () => 1000 });
    const body = JSON.stringify({ items: [{ secret: 'Dear Jordan, the pilot price is $38' }], note: 'x' });
    const res = await ledger.ledgerFetch('outbox.persona.upsert', 'http://127.0.0.1:8787/v1/x?token=abc', {
      method: 'POST',
      body,
    });
    expect(res.status).toBe(202);
    const [rec] = await ledger.list(10);
    expect(rec).toMatchObject({
      at: 1000,
      context: 'worker',
      method: 'POST',
      url: 'http://127.0.0.1:8787/v1/x',
      purpose: 'outbox.persona.upsert',
      fields: ['items', 'note'],
      bytesOut: new TextEncoder().encode(body).byteLength,
      bytesIn: 14,
      status: 202,
    });
    expect(JSON.stringify(rec)).not.toContain('Jordan');
    expect(JSON.stringify(rec)).not.toContain('abc');
  });

  it('has the request on record before it leaves, so a worker stopped mid-request still leaves its trace', async () => {
    const db = freshDb();
    let sent = false;
    const ledger = createLedger({
      db,
      context: 'worker',
      // Never settles: Chrome stopped the worker while the request was in flight.
      fetch: () => {
        sent = true;
        return new Promise<Response>(() => {});
      },
    });
    void ledger.ledgerFetch('outbox.persona.upsert', 'http://h/v1/x', { method: 'POST', body: '{"items":[]}' });
    await expect.poll(() => sent).toBe(true);
    const records = await ledger.list(10);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ method: 'POST', purpose: 'outbox.persona.upsert', fields: ['items'] });
    expect(records[0]?.status).toBeUndefined();
  });

  it('records a network error and rethrows it, in the same record', async () => {
    const db = freshDb();
    const ledger = createLedger({
      db,
      context: 'worker',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(ledger.ledgerFetch('p', 'http://h/a')).rejects.toThrow('Failed to fetch');
    const records = await ledger.list(10);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ error: 'TypeError: Failed to fetch', method: 'GET' });
  });

  it('keeps only the newest records past the cap, newest first', async () => {
    const db = freshDb();
    let t = 0;
    const ledger = createLedger({ db, context: 'w', now: () => ++t, cap: 5, pruneEvery: 1 });
    for (let i = 0; i < 12; i++)
      await ledger.record({ method: 'GET', url: `http://h/${i}`, purpose: 'p', fields: [], bytesOut: 0 });
    const all = await ledger.list(100);
    expect(all.map((r) => r.url)).toEqual([11, 10, 9, 8, 7].map((i) => `http://h/${i}`));
  });

  it('helpers: query stripped, only top-level names of a JSON object', () => {
    expect(urlWithoutQuery('https://a.b/c/d?x=1#y')).toBe('https://a.b/c/d');
    expect(topLevelFields('{"a":{"b":1},"c":2}')).toEqual(['a', 'c']);
    expect(topLevelFields('[1,2]')).toEqual([]);
    expect(topLevelFields('not json')).toEqual([]);
  });
});

describe('fetch recorder (model downloads)', () => {
  it('records external fetches with the declared size and leaves the extension origin and the stream alone', async () => {
    const records: unknown[] = [];
    const chunks = ['ab', 'cd'];
    const scope = {
      fetch: (async (input: RequestInfo | URL) =>
        new Response(
          new ReadableStream({
            start(c) {
              for (const ch of chunks) c.enqueue(new TextEncoder().encode(ch));
              c.close();
            },
          }),
          { headers: { 'content-length': String(input).includes('self.json') ? '1' : '4' } },
        )) as typeof fetch,
    };
    const undo = installFetchRecorder(scope, { record: async (r) => void records.push(r) }, 'chrome-extension://id');
    const res = await scope.fetch('https://huggingface.co/m/weights.bin?download=1');
    expect(await res.text()).toBe('abcd');
    await scope.fetch('chrome-extension://id/self.json');
    expect(records).toEqual([
      {
        url: 'https://huggingface.co/m/weights.bin?download=1',
        method: 'GET',
        purpose: 'model.download',
        fields: [],
        bytesOut: 0,
        status: 200,
        bytesIn: 4,
      },
    ]);
    undo();
    await scope.fetch('https://x.y/z');
    expect(records).toHaveLength(1);
  });
});
