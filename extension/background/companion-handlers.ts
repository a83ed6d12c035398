import { browser } from 'wxt/browser';
import { ProtocolError } from '../../shared/common/protocol/errors';
import type { Handlers } from '../../shared/common/protocol/router';
import type { Methods } from '../messaging/methods';
import type { OutboxItem } from '../messaging/companion-methods';
import { getDb } from '../storage/db';
import type { OutboxRecord } from '../storage/schema';
import { settingsItem } from '../storage/settings';
import { createAuth } from '../companion/auth';
import { CompanionError, createCompanionClient } from '../companion/client';
import { connectionItem, sameBackend } from '../companion/connection-store';
import { createLedger } from '../companion/ledger';
import { ALARM_PERIOD_MS, createOutbox, OutboxRejected } from '../companion/outbox';

/** The alarm that wakes the worker for the next delivery attempt (it outlives the worker and browser restarts). */
export const OUTBOX_ALARM = 'closer-outbox';
/**
 * The token is renewed when it is older than this and the extension is in use (a delivery round or a status read).
 * The backend refuses a token 30 days after issue, so only an extension unused for 30 days has to sign in again.
 */
export const RENEW_AFTER_MS = 24 * 3_600_000;

type CompanionMethodName = Extract<keyof Methods, `companion.${string}` | `outbox.${string}` | `ledger.${string}`>;

/** Backend failures as protocol errors: the code says whether to retry, the message starts with the cause. */
function toProtocolError(err: unknown): unknown {
  if (err instanceof OutboxRejected) return new ProtocolError('invalid_params', err.message);
  if (!(err instanceof CompanionError)) return err;
  const code = err.code === 'bad_request' ? 'invalid_params' : 'host_unavailable';
  return new ProtocolError(code, `companion.${err.code}: ${err.message}`);
}

function summarise(rec: OutboxRecord): string {
  const p = rec.payload as Record<string, unknown> & { persona?: { label?: string } };
  if (rec.kind === 'persona.upsert') return `${p.persona?.label ?? ''} · ${String(p.email ?? '')}`;
  if (rec.kind === 'campaign.result')
    return [p.campaignName, p.variantName, p.outcome, p.email].filter((v) => typeof v === 'string').join(' · ');
  return rec.kind;
}

const toItem = (r: OutboxRecord): OutboxItem => ({
  id: r.id,
  idempotencyKey: r.idempotencyKey,
  kind: r.kind,
  status: r.status,
  attempts: r.attempts,
  ...(r.lastError ? { lastError: r.lastError } : {}),
  createdAt: r.createdAt,
  ...(r.nextAttemptAt !== undefined ? { nextAttemptAt: r.nextAttemptAt } : {}),
  ...(r.sentAt !== undefined ? { sentAt: r.sentAt } : {}),
  summary: summarise(r),
});

let workerEnqueue: ((input: { kind: string; idempotencyKey: string; payload: unknown }) => Promise<unknown>) | null =
  null;

/**
 * For other service-worker modules (e.g. campaign results): the same path as `outbox.enqueue` (validation, message
 * text refused, PII redacted, immediate attempt) without a message round trip. Throws `ProtocolError` on refusal.
 */
export async function enqueueFromWorker(input: {
  kind: string;
  idempotencyKey: string;
  payload: unknown;
}): Promise<{ id: string; duplicate: boolean }> {
  if (!workerEnqueue) throw new ProtocolError('internal', 'The companion outbox is not started in this context');
  return (await workerEnqueue(input)) as { id: string; duplicate: boolean };
}

/**
 * The service worker's side of the companion link: sign-in, the outbox (with its alarm) and the ledger. Creating it
 * registers the alarm listener and starts a delivery round, so a worker started by the alarm (or by anything else
 * after Chrome stopped it) resumes delivery by itself.
 */
export function createCompanionHandlers(): Handlers<Pick<Methods, CompanionMethodName>> {
  const ledger = createLedger({ db: getDb, context: 'worker' });
  const target = async () => {
    const [{ companionUrl }, { connection }] = await Promise.all([settingsItem.getValue(), connectionItem.getValue()]);
    // A token is only ever sent to the backend that issued it.
    const token = connection && sameBackend(connection.backendUrl, companionUrl) ? connection.token : null;
    return { baseUrl: companionUrl, token };
  };
  const client = createCompanionClient({ ledger, target });
  let outbox: ReturnType<typeof createOutbox> | null = null;
  let renewing: Promise<void> | null = null;
  /** Renews a day-old token once (single flight); a failure leaves the current token, which stays valid for weeks. */
  const renewIfDue = (): Promise<void> =>
    (renewing ??= (async () => {
      const state = await connectionItem.getValue();
      const c = state.connection;
      const { companionUrl } = await settingsItem.getValue();
      if (
        !c ||
        !sameBackend(c.backendUrl, companionUrl) ||
        Date.now() - (c.renewedAt ?? c.connectedAt) < RENEW_AFTER_MS
      )
        return;
      const { token } = await client.renew();
      const now = await connectionItem.getValue();
      // Signed out or signed in again meanwhile: the new token belongs to nobody now.
      if (now.connection?.token !== c.token) return;
      await connectionItem.setValue({ ...now, connection: { ...c, token, renewedAt: Date.now() } });
    })()
      .catch(() => undefined)
      .finally(() => {
        renewing = null;
      }));
  const kick = () => void outbox?.deliver().catch(() => undefined);
  const auth = createAuth({
    client,
    getState: () => connectionItem.getValue(),
    setState: (s) => connectionItem.setValue(s),
    backendUrl: async () => (await settingsItem.getValue()).companionUrl,
    openTab: async (url) => void (await browser.tabs.create({ url })),
    onConnected: kick,
    onDisconnected: () => void browser.alarms.clear(OUTBOX_ALARM),
  });
  outbox = createOutbox({
    db: getDb,
    send: (kind, items) => client.postBatch(kind, items),
    isConnected: async () => {
      await renewIfDue();
      return (await target()).token !== null;
    },
    isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine),
    onUnauthorized: (message) => auth.signedOut(message),
    schedule: async (at) => {
      if (at === null) await browser.alarms.clear(OUTBOX_ALARM);
      // Periodic, so the alarm outlives its own firing (see ALARM_PERIOD_MS).
      else await browser.alarms.create(OUTBOX_ALARM, { when: at, periodInMinutes: ALARM_PERIOD_MS / 60_000 });
    },
  });
  const box = outbox;

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) kick();
  });
  // Back online: try at once rather than waiting for the alarm.
  globalThis.addEventListener?.('online', kick);
  kick();

  workerEnqueue = async (input) => {
    try {
      const result = await box.enqueue(input);
      kick();
      return result;
    } catch (err) {
      throw toProtocolError(err);
    }
  };

  const wrap =
    <P, R>(fn: (params: P) => Promise<R>) =>
    async (params: P): Promise<R> => {
      try {
        return await fn(params);
      } catch (err) {
        throw toProtocolError(err);
      }
    };

  return {
    'companion.status': wrap(async () => {
      await renewIfDue();
      return auth.status();
    }),
    'companion.signIn': wrap(() => auth.start()),
    'companion.signInStatus': wrap(() => auth.status()),
    'companion.disconnect': wrap(async () => {
      const status = await auth.disconnect();
      await box.deliver(); // ends in not_connected: the banner says so, the items stay queued
      return status;
    }),
    'companion.contact': wrap(({ contactId }) => client.contact(contactId)),
    'companion.summary': wrap(({ email }) => client.summary(email)),
    'companion.searchContacts': wrap((params) => client.searchContacts(params)),
    'companion.variantPriors': wrap(({ campaignId }) => client.variantPriors(campaignId)),
    // An immediate attempt after each enqueue; the alarm covers the rest.
    'outbox.enqueue': (params) => enqueueFromWorker(params),
    'outbox.list': wrap(async ({ limit }) => {
      const { items, counts } = await box.list(limit);
      return { items: items.map(toItem), counts, delivery: box.state() };
    }),
    'outbox.retry': wrap(async ({ id }) => {
      const ok = await box.retry(id);
      if (ok) kick();
      return { ok };
    }),
    'outbox.discard': wrap(async ({ id }) => ({ ok: await box.discard(id) })),
    'outbox.flush': wrap(async () => {
      await box.makeAllDue();
      await box.deliver();
      const { counts } = await box.list(1);
      return { counts, delivery: box.state() };
    }),
    'ledger.list': wrap(async ({ limit }) => {
      const entries = await ledger.list(limit ?? 200);
      const all = limit && limit >= 10_000 ? entries : await ledger.list(10_000);
      return {
        entries,
        count: all.length,
        totalBytesOut: all.reduce((n, e) => n + e.bytesOut, 0),
        totalBytesIn: all.reduce((n, e) => n + (e.bytesIn ?? 0), 0),
      };
    }),
  };
}
