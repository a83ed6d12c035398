import type { Handlers } from '../../shared/common/protocol/router';
import { ProtocolError } from '../../shared/common/protocol/errors';
import type { Methods } from '../messaging/methods';
import { getDb, type CloserDb } from '../storage/db';
import { enqueueFromWorker } from './companion-handlers';
import {
  chooseVariant,
  deleteDefinition,
  listWithCounts,
  saveDefinition,
  segmentFor,
  tagDraft,
} from './campaign-definitions';
import {
  confirmOutcome,
  enqueueInOutbox,
  pendingConfirmations,
  recordOutcomes,
  threadStatus,
  type EnqueueResult,
} from './campaign-events';
import { dashboard, refit } from './campaign-dashboard';

/** A domain error (unknown campaign, bad variant) is the caller's mistake, not the worker's. */
async function asInvalid<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof RangeError) throw new ProtocolError('invalid_params', err.message);
    throw err;
  }
}

/**
 * Queues a campaign result through the companion outbox (its validation, redaction and delivery); where that outbox
 * is not started in this context, as a pending outbox record it will pick up. A refused item stays local.
 */
export const enqueueThroughCompanion =
  (db: CloserDb): EnqueueResult =>
  async (item) => {
    try {
      await enqueueFromWorker({ kind: 'campaign.result', idempotencyKey: item.idempotencyKey, payload: item });
    } catch (err) {
      if (err instanceof ProtocolError && err.code === 'internal') return enqueueInOutbox(db)(item);
      throw err;
    }
  };

/** The campaign methods, served from IndexedDB; results are queued through the companion outbox. */
export function createCampaignHandlers(
  deps: { db?: () => Promise<CloserDb>; enqueue?: (db: CloserDb) => EnqueueResult } = {},
): Pick<Handlers<Methods>, `campaign.${string}` & keyof Methods> {
  const db = deps.db ?? getDb;
  const enqueue = deps.enqueue ?? enqueueThroughCompanion;
  return {
    'campaign.list': async () => ({ campaigns: await listWithCounts(await db()) }),
    'campaign.save': async (def) => ({ id: await asInvalid(async () => saveDefinition(await db(), def)) }),
    'campaign.delete': async ({ id }) => deleteDefinition(await db(), id),
    'campaign.segmentFor': async ({ email }) => segmentFor(await db(), email),
    'campaign.choose': async (params) => asInvalid(async () => chooseVariant(await db(), params)),
    'campaign.tagDraft': async (tag) => {
      await asInvalid(async () => tagDraft(await db(), tag));
      return { ok: true as const };
    },
    'campaign.threadStatus': async ({ threadId }) => threadStatus(await db(), threadId),
    'campaign.recordOutcomes': async ({ threadId, messages }) => {
      const d = await db();
      return recordOutcomes(d, threadId, messages, enqueue(d));
    },
    'campaign.pendingConfirmations': async ({ threadId }) => pendingConfirmations(await db(), threadId),
    'campaign.confirmOutcome': async ({ eventId, confirm }) => {
      const d = await db();
      return asInvalid(() => confirmOutcome(d, eventId, confirm, enqueue(d)));
    },
    'campaign.dashboard': async (range) => dashboard(await db(), range),
    'campaign.refitWeights': async () => refit(await db()),
  };
}
