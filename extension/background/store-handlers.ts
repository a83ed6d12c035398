import type { Handlers } from '../../shared/common/protocol/router';
import type { Methods } from '../messaging/methods';
import { getDb } from '../storage/db';
import { STORE_NAMES } from '../storage/schema';

/**
 * Storage requests from contexts that must not open IndexedDB themselves (content scripts would open Gmail's).
 */
export const storeHandlers: Handlers<Methods> = {
  'store.putDraft': async ({ draft }) => {
    const db = await getDb();
    await db.put('drafts', draft);
    return { id: draft.id };
  },
  'store.getDraft': async ({ id }) => {
    const db = await getDb();
    return (await db.get('drafts', id)) ?? null;
  },
  'store.counts': async () => {
    const db = await getDb();
    const counts: Record<string, number> = {};
    for (const name of STORE_NAMES) counts[name] = await db.count(name);
    return counts;
  },
};
