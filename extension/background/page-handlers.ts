import type { Handlers } from '../../shared/common/protocol/router';
import { ProtocolError } from '../../shared/common/protocol/errors';
import type { Methods } from '../messaging/methods';
import { getDb, type CloserDb } from '../storage/db';
import type { PageBridge } from './page-bridge';
import { campaignTagForDraft, putSendEvent, sendResultItem, type EnqueueResult } from './campaign-events';
import { enqueueThroughCompanion } from './campaign-handlers';

/** What the worker knows about who sent a message. */
export interface SenderContext {
  tabId: number | null;
  /** True for the panel frame, side panel and options page; false for content scripts. */
  fromExtensionPage: boolean;
  /** The sender's URL as the browser reports it (which extension page, or the content script's page). */
  senderUrl?: string | null;
}

const needTab = (ctx: SenderContext | undefined, who: 'content' | 'panel'): number => {
  if (!ctx || ctx.tabId === null) throw new ProtocolError('bad_request', 'This request must come from a tab');
  if (who === 'content' && ctx.fromExtensionPage)
    throw new ProtocolError('bad_request', 'Only content scripts publish page state');
  if (who === 'panel' && !ctx.fromExtensionPage)
    throw new ProtocolError('bad_request', 'Only the panel sends page commands');
  return ctx.tabId;
};

/** The page bridge's requests: content scripts publish and record sends, panels command their page. */
export function createPageHandlers(
  bridge: PageBridge,
  deps: { enqueue?: (db: CloserDb) => EnqueueResult } = {},
): Handlers<Methods, SenderContext> {
  const enqueue = deps.enqueue ?? enqueueThroughCompanion;
  return {
    'page.publish': ({ state }, ctx) => {
      bridge.publish(needTab(ctx, 'content'), state);
      return { ok: true as const };
    },
    'page.recordSend': async ({ send }, ctx) => {
      needTab(ctx, 'content');
      const db = await getDb();
      const id = crypto.randomUUID();
      const at = Date.parse(send.at);
      // Through the campaign store, which also keeps the dashboard's digest of the events current.
      const tag = await campaignTagForDraft(db, send.draftId, send.threadId);
      const record = {
        id,
        type: 'sent',
        at: Number.isFinite(at) ? at : Date.now(),
        threadId: send.threadId ?? undefined,
        draftId: send.draftId ?? undefined,
        to: send.to,
        contactId: send.to[0],
        // A draft the rep tagged to a campaign variant makes this send count for that variant.
        ...tag,
        // The subject stays on this device: a follow-up names it (issue #20); results sync labels only.
        ...(tag.campaignId ? { detail: { ...tag.detail, subject: send.subject.slice(0, 300) } } : {}),
      };
      await putSendEvent(db, record);
      // A tagged send also syncs (as a `sent` result), so the team's figures count unanswered sends too.
      const item = await sendResultItem(db, record);
      // A refusal by the outbox leaves the send recorded here: the send itself happened.
      if (item) await enqueue(db)(item).catch(() => undefined);
      return { eventId: id };
    },
    'page.gmailChecks': () => bridge.latestGmailChecks(),
    'page.insertDraft': (params, ctx) => bridge.callTab(needTab(ctx, 'panel'), 'content.insertDraft', params),
    'page.selectText': (params, ctx) => bridge.callTab(needTab(ctx, 'panel'), 'content.selectText', params),
    'page.expandFolded': (params, ctx) => bridge.callTab(needTab(ctx, 'panel'), 'content.expandFolded', params),
    'page.readSelection': (params, ctx) => bridge.callTab(needTab(ctx, 'panel'), 'content.readSelection', params),
    'page.replaceText': (params, ctx) => bridge.callTab(needTab(ctx, 'panel'), 'content.replaceText', params),
    'page.setSubject': (params, ctx) => bridge.callTab(needTab(ctx, 'panel'), 'content.setSubject', params),
  };
}
