import { createLedger, type Ledger } from './ledger';
import { getDb } from '../storage/db';

/**
 * Records the requests a library makes on its own (web-llm fetching model weights and its WebAssembly library) in
 * the privacy ledger, with purpose `model.download`. It wraps `fetch` and the Cache API's `add`/`addAll` (web-llm
 * downloads into Cache Storage with `cache.add`, which never calls `fetch`). Only URLs outside the extension are
 * recorded. It never reads a body: a streaming download stays a stream, and the byte count is the declared length.
 */
export function installFetchRecorder(
  scope: { fetch: typeof fetch; Cache?: { prototype: Cache } },
  ledger: Pick<Ledger, 'record'>,
  selfOrigin: string,
  purpose = 'model.download',
): () => void {
  const external = (url: string) => /^https?:/i.test(url) && !url.startsWith(selfOrigin);
  const urlOf = (input: RequestInfo | URL) =>
    typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const declared = (res: Response) => {
    const n = Number(res.headers.get('content-length'));
    return Number.isFinite(n) && n > 0 ? { bytesIn: n } : {};
  };
  const note = (url: string, method: string, outcome: { status?: number; bytesIn?: number; error?: string }) =>
    void ledger.record({ url, method, purpose, fields: [], bytesOut: 0, ...outcome });

  const originalFetch = scope.fetch;
  scope.fetch = async function recordedFetch(input: RequestInfo | URL, init?: RequestInit) {
    const url = urlOf(input);
    if (!external(url)) return originalFetch(input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    try {
      const res = await originalFetch(input, init);
      note(url, method, { status: res.status, ...declared(res) });
      return res;
    } catch (err) {
      note(url, method, { error: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };

  const proto = scope.Cache?.prototype;
  const originalAdd = proto?.add;
  const originalAddAll = proto?.addAll;
  if (proto && originalAdd && originalAddAll) {
    const addOne = async (cache: Cache, request: RequestInfo | URL) => {
      const url = urlOf(request);
      try {
        await originalAdd.call(cache, request);
      } catch (err) {
        if (external(url)) note(url, 'GET', { error: err instanceof Error ? err.message : String(err) });
        throw err;
      }
      if (!external(url)) return;
      // The stored response's headers are cheap to read; its body is not touched.
      const stored = await cache.match(request).catch(() => undefined);
      note(url, 'GET', { status: stored?.status ?? 200, ...(stored ? declared(stored) : {}) });
    };
    proto.add = function add(this: Cache, request: RequestInfo | URL) {
      return addOne(this, request);
    };
    proto.addAll = async function addAll(this: Cache, requests: Iterable<RequestInfo>) {
      for (const r of requests) await addOne(this, r);
    };
  }
  return () => {
    scope.fetch = originalFetch;
    if (proto && originalAdd && originalAddAll) {
      proto.add = originalAdd;
      proto.addAll = originalAddAll;
    }
  };
}

/**
 * Installs the recorder in this context (AI host document, web-llm worker), writing to the IndexedDB ledger. The
 * context's own origin (`chrome-extension://…`) is never recorded: the extension's files do not leave the device.
 */
export function recordModelDownloads(context: string): void {
  const scope = globalThis as unknown as { fetch: typeof fetch; Cache?: { prototype: Cache } };
  installFetchRecorder(scope, createLedger({ db: getDb, context }), globalThis.location.origin);
}
