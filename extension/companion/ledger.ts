import type { CloserDb } from '../storage/db';
import type { LedgerRecord } from '../storage/schema';

/** The newest records kept; older ones are pruned so the ledger cannot grow without bound. */
export const LEDGER_CAP = 10_000;
/** Prune every this many writes: counting the store on every write would cost more than the write itself. */
const PRUNE_EVERY = 50;

export interface LedgerDeps {
  db: () => Promise<CloserDb>;
  /** The extension context making the requests (worker, host, webllm-worker, options, sidepanel, …). */
  context: string;
  fetch?: typeof fetch;
  now?: () => number;
  newId?: () => string;
  cap?: number;
  pruneEvery?: number;
}

export interface Ledger {
  /** Sends the request and records its metadata (never the body). Errors are recorded, then rethrown. */
  ledgerFetch(purpose: string, url: string, init?: RequestInit): Promise<Response>;
  /** Records a request made elsewhere (e.g. by a library's own fetch), same rules. */
  record(entry: Omit<LedgerRecord, 'id' | 'at' | 'context'> & { at?: number }): Promise<void>;
  /** Newest first. */
  list(limit: number): Promise<LedgerRecord[]>;
  prune(): Promise<number>;
}

/** Origin and path only: the query string may carry tokens or identifiers. */
export function urlWithoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
}

/** Top-level field names of a JSON body (names only, never values); empty for anything that is not a JSON object. */
export function topLevelFields(body: unknown): string[] {
  if (typeof body !== 'string' || body.length === 0) return [];
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : [];
  } catch {
    return [];
  }
}

const encoder = new TextEncoder();

/** Size of a request body in bytes (strings as UTF-8; binary as is; streams and forms unknown → 0). */
export function bodyBytes(body: unknown): number {
  if (body == null) return 0;
  if (typeof body === 'string') return encoder.encode(body).byteLength;
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body.size;
  if (body instanceof URLSearchParams) return encoder.encode(body.toString()).byteLength;
  return 0;
}

/** Bytes received: the declared length when there is one, else the body counted on a clone (small API answers). */
async function responseBytes(res: Response): Promise<number | undefined> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > 0) return declared;
  try {
    return (await res.clone().arrayBuffer()).byteLength;
  } catch {
    return undefined;
  }
}

export function createLedger(deps: LedgerDeps): Ledger {
  const doFetch = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const cap = deps.cap ?? LEDGER_CAP;
  const pruneEvery = deps.pruneEvery ?? PRUNE_EVERY;
  let writes = 0;
  // An id that sorts by time, so two records of one millisecond still list in order.
  let seq = 0;

  const prune = async () => {
    const db = await deps.db();
    const excess = (await db.count('ledger')) - cap;
    if (excess <= 0) return 0;
    const tx = db.transaction('ledger', 'readwrite');
    let cursor = await tx.store.index('by-at').openCursor();
    let removed = 0;
    while (cursor && removed < excess) {
      await cursor.delete();
      removed++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return removed;
  };

  /** `update`: the same record again with its outcome (not a new entry, so it does not count towards pruning). */
  const write = async (rec: LedgerRecord, update = false) => {
    try {
      const db = await deps.db();
      await db.put('ledger', rec);
      if (!update && ++writes % pruneEvery === 0) await prune();
    } catch {
      // The ledger must never break the request it describes (e.g. storage full); the request itself is unaffected.
    }
  };

  const recordOf = (entry: Omit<LedgerRecord, 'id' | 'at' | 'context'> & { at?: number }): LedgerRecord => {
    const at = entry.at ?? now();
    return {
      ...entry,
      url: urlWithoutQuery(entry.url),
      id: `${String(at).padStart(15, '0')}-${String(++seq).padStart(6, '0')}-${newId()}`,
      at,
      context: deps.context,
    };
  };
  const record: Ledger['record'] = async (entry) => write(recordOf(entry));

  return {
    record,
    prune,
    async ledgerFetch(purpose, url, init = {}) {
      const method = (init.method ?? 'GET').toUpperCase();
      const base = recordOf({
        method,
        url,
        purpose,
        fields: topLevelFields(init.body),
        bytesOut: bodyBytes(init.body),
      });
      // Written before the request leaves: Chrome may stop the worker while it is in flight, and a request the
      // ledger never heard of would break its promise. The outcome is added to the same record afterwards.
      await write(base);
      let res: Response;
      try {
        res = await doFetch(url, init);
      } catch (err) {
        await write({ ...base, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }, true);
        throw err;
      }
      const bytesIn = await responseBytes(res);
      await write({ ...base, status: res.status, ...(bytesIn === undefined ? {} : { bytesIn }) }, true);
      return res;
    },
    async list(limit) {
      const db = await deps.db();
      const out: LedgerRecord[] = [];
      let cursor = await db.transaction('ledger').store.index('by-at').openCursor(null, 'prev');
      while (cursor && out.length < limit) {
        out.push(cursor.value);
        cursor = await cursor.continue();
      }
      return out;
    },
  };
}
