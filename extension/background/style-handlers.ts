import { browser } from 'wxt/browser';
import type { Handlers } from '../../shared/common/protocol/router';
import type { styleMethods } from '../messaging/style-methods';
import { getDb } from '../storage/db';
import { followUpSettingsItem } from '../storage/followup-settings';
import type { PageBridge } from './page-bridge';
import {
  deleteStyle,
  dismissFollowUp,
  editStyle,
  listFollowUps,
  observeSamples,
  readStyle,
  setPendingFollowUp,
  takePendingFollowUp,
} from './style-store';

/**
 * Gmail's address of a thread: `#all/<hex id>`. The panel knows threads by their permanent id (`thread-f:<decimal>`),
 * whose number is the hex id Gmail's URLs use; a legacy hex id is used as it is.
 */
export function threadHash(threadId: string): string {
  const perm = /^thread-f:(\d{1,20})$/.exec(threadId);
  const id = perm ? BigInt(perm[1]!).toString(16) : threadId.replace(/[^0-9a-zA-Z]/g, '');
  return `#all/${id}`;
}

/** The style profile's and follow-ups' requests (extension pages only). */
export function createStyleHandlers(bridge: Pick<PageBridge, 'callTab' | 'gmailTabs'>): Handlers<typeof styleMethods> {
  return {
    'style.get': async () => {
      const db = await getDb();
      return { ...(await readStyle(db)), samples: await db.count('styleSamples') };
    },
    'style.observe': async ({ messages }) => observeSamples(await getDb(), messages, Date.now()),
    'style.update': async ({ edit, enabled }) => editStyle(await getDb(), edit, enabled, Date.now()),
    'style.export': async () => {
      const { profile } = await readStyle(await getDb());
      return profile ? { kind: 'closer-style-profile' as const, exportedAt: new Date().toISOString(), profile } : null;
    },
    'style.delete': async () => ({ deleted: await deleteStyle(await getDb()) }),
    'followups.list': async ({ now, offsetMinutes, locale }) => {
      const { businessDays } = await followUpSettingsItem.getValue();
      return { items: await listFollowUps(await getDb(), { now, offsetMinutes, locale, businessDays }), businessDays };
    },
    'followups.dismiss': async ({ threadId }) => {
      await dismissFollowUp(await getDb(), threadId, Date.now());
      return { ok: true as const };
    },
    'followups.open': async ({ threadId, text }) => {
      await setPendingFollowUp(await getDb(), threadId, text, Date.now());
      const hash = threadHash(threadId);
      // The Gmail tabs that reported their page (no `tabs` permission needed): one on this thread, else the latest.
      const tabs = bridge.gmailTabs();
      const tab = tabs.find((t) => t.threadId === threadId) ?? tabs.at(-1) ?? null;
      if (tab) {
        // The account (`/mail/u/N/`) is kept; a tab already on the thread is left where it is.
        if (tab.threadId !== threadId) {
          const url = new URL(tab.url);
          await browser.tabs.update(tab.tabId, { url: `${url.origin}${url.pathname}${hash}` });
        }
        const shown = await browser.tabs.update(tab.tabId, { active: true });
        if (shown?.windowId !== undefined)
          await browser.windows.update(shown.windowId, { focused: true }).catch(() => undefined);
        // The panel asks for a waiting follow-up whenever its page publishes.
        await bridge.callTab(tab.tabId, 'content.republish', {}).catch(() => undefined);
        return { tabId: tab.tabId, opened: 'existing' as const };
      }
      const created = await browser.tabs.create({ url: `https://mail.google.com/mail/u/0/${hash}` });
      return { tabId: created.id ?? -1, opened: 'new' as const };
    },
    'followups.pending': async ({ threadId }) => {
      const text = (await (await getDb()).get('followups', threadId))?.pendingText;
      return text ? { text } : null;
    },
    'followups.inserted': async ({ threadId }) => {
      await takePendingFollowUp(await getDb(), threadId, Date.now());
      return { ok: true as const };
    },
    'followups.getSettings': async () => followUpSettingsItem.getValue(),
    'followups.setSettings': async ({ businessDays }) => {
      await followUpSettingsItem.setValue({ businessDays });
      return { businessDays };
    },
  };
}
