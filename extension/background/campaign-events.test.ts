import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CampaignResultItemSchema, type CampaignResultItem } from '../../shared/common/campaigns';
import { getDb } from '../storage/db';
import { saveDefinition, tagDraft } from './campaign-definitions';
import { confirmOutcome, enqueueInOutbox, pendingConfirmations, recordOutcomes, threadStatus } from './campaign-events';
import { dashboard } from './campaign-dashboard';
import { createPageHandlers } from './page-handlers';
import type { PageBridge } from './page-bridge';
import { DEF, freshDb, putSend } from './campaign-test-fixtures';

describe('campaign events', () => {
  it('a tagged draft makes its send carry the campaign, variant and segment (page.recordSend)', async () => {
    const db = await getDb();
    await saveDefinition(db, DEF);
    await db.put('drafts', {
      id: 'd1',
      threadId: 't9',
      body: 'Hi Jordan, does Thursday work for a call?',
      createdAt: 1,
    });
    await tagDraft(db, {
      draftId: 'd1',
      threadId: 't9',
      campaignId: 'q1',
      variantId: 'b',
      segment: 'technical_buyer',
      rep: 'Rep@Example.com',
      chosenBy: 'bandit',
    });
    await expect(
      tagDraft(db, { draftId: 'd2', campaignId: 'q1', variantId: 'zzz', segment: 'x', chosenBy: 'rep' }),
    ).rejects.toThrow(/No variant/);
    const handlers = createPageHandlers({} as PageBridge);
    const { eventId } = await handlers['page.recordSend']!(
      {
        send: {
          threadId: 't9',
          composeKind: 'inline',
          to: ['jordan@example.net'],
          subject: 'Re',
          at: '2026-11-10T10:00:00Z',
          via: 'click',
          draftId: 'd1',
        },
      },
      { tabId: 1, fromExtensionPage: false },
    );
    const sent = await db.get('events', eventId);
    expect(sent).toMatchObject({ type: 'sent', campaignId: 'q1', variantId: 'b', contactId: 'jordan@example.net' });
    expect(sent?.detail).toMatchObject({ segment: 'technical_buyer', rep: 'rep@example.com', channel: 'email' });
    expect((await threadStatus(db, 't9')).sends[0]).toEqual({
      eventId,
      campaignId: 'q1',
      variantId: 'b',
      at: Date.parse('2026-11-10T10:00:00Z'),
    });
    // The content script marks an assisted send with its own id: the thread's latest tag applies.
    const assisted = await handlers['page.recordSend']!(
      {
        send: {
          threadId: 't9',
          composeKind: 'inline',
          to: ['jordan@example.net'],
          subject: 'Re',
          at: '2026-11-11T10:00:00Z',
          via: 'click',
          draftId: 'content-uuid',
        },
      },
      { tabId: 1, fromExtensionPage: false },
    );
    expect(await db.get('events', assisted.eventId)).toMatchObject({ campaignId: 'q1', variantId: 'b' });
    // A send typed by hand (no draft inserted) is not attributed, even in a tagged thread.
    const manual = await handlers['page.recordSend']!(
      {
        send: {
          threadId: 't9',
          composeKind: 'inline',
          to: ['jordan@example.net'],
          subject: 'Re',
          at: '2026-11-12T10:00:00Z',
          via: 'click',
          draftId: null,
        },
      },
      { tabId: 1, fromExtensionPage: false },
    );
    expect((await db.get('events', manual.eventId))?.campaignId).toBeUndefined();
    // Each tagged send is queued for sync as a `sent` result (labels only); the untagged one is not.
    const sentResults = (await db.getAll('outbox')).filter(
      (o) => o.kind === 'campaign.result' && (o.payload as CampaignResultItem).outcome === 'sent',
    );
    expect(sentResults.map((o) => o.idempotencyKey).sort()).toEqual(
      [`send:${eventId}`, `send:${assisted.eventId}`].sort(),
    );
    expect(sentResults.find((o) => o.idempotencyKey === `send:${eventId}`)?.payload).toEqual({
      idempotencyKey: `send:${eventId}`,
      campaignId: 'q1',
      campaignName: 'Q1 pilot',
      variantId: 'b',
      variantName: 'Variant B',
      channel: 'email',
      segment: 'technical_buyer',
      email: 'jordan@example.net',
      outcome: 'sent',
      occurredAt: '2026-11-10T10:00:00.000Z',
    });
    // The ratings view joins the send to the panel draft's prompt version through the tag.
    await db.put('drafts', {
      id: 'd1',
      threadId: 't9',
      body: 'Hi',
      createdAt: 1,
      promptVersion: 'reply-draft@3',
      rating: { stars: 4 },
    });
    const { ratings } = await dashboard(db, {});
    expect(ratings).toEqual([
      expect.objectContaining({
        promptVersion: 'reply-draft@3',
        drafts: 1,
        meanStars: 4,
        sends: 1,
        positiveReplies: 0,
      }),
    ]);
    // An untagged draft's send stays untagged.
    const other = await handlers['page.recordSend']!(
      {
        send: {
          threadId: 't8',
          composeKind: 'new',
          to: ['x@example.net'],
          subject: '',
          at: 'x',
          via: 'keyboard',
          draftId: 'nope',
        },
      },
      { tabId: 1, fromExtensionPage: false },
    );
    expect((await db.get('events', other.eventId))?.campaignId).toBeUndefined();
  });

  it('records each outcome once, after the send only, and queues labels without text', async () => {
    const db = await freshDb();
    await saveDefinition(db, DEF);
    await putSend(db, 1, 'a', 't1', 1_000);
    const queued: CampaignResultItem[] = [];
    const enqueue = async (item: CampaignResultItem) => void queued.push(item);
    const messages = [
      { messageId: 'm0', fromEmail: 'c1@example.net', at: 500, outcomes: ['replied' as const] }, // before the send
      { messageId: 'm1', fromEmail: 'c1@example.net', at: 2_000, outcomes: ['out_of_office' as const] },
      {
        messageId: 'm2',
        fromEmail: 'C1@Example.net',
        at: 3_000,
        outcomes: ['meeting' as const],
        sentiment: 'positive' as const,
        intent: 'meeting_request',
      },
    ];
    expect(await recordOutcomes(db, 't1', messages, enqueue)).toEqual({
      recorded: 2,
      enqueued: 2,
      skipped: 1,
      awaitingConfirmation: 0,
    });
    expect(await recordOutcomes(db, 't1', messages, enqueue)).toEqual({
      recorded: 0,
      enqueued: 0,
      skipped: 3,
      awaitingConfirmation: 0,
    });
    expect((await threadStatus(db, 't1')).recordedMessageIds.sort()).toEqual(['m1', 'm2']);
    expect(queued).toHaveLength(2);
    for (const item of queued) expect(CampaignResultItemSchema.safeParse(item).success).toBe(true);
    expect(queued[1]).toMatchObject({
      outcome: 'meeting',
      email: 'c1@example.net',
      variantName: 'Variant A',
      sentiment: 'positive',
      segment: 'technical_buyer',
    });
    const d = await dashboard(db, {});
    expect(d.aggregation.total).toMatchObject({
      sends: 1,
      replies: 1,
      positiveReplies: 1,
      meetings: 1,
      outOfOffice: 1,
    });
    expect(d.aggregation.total.medianTimeToReplyMs).toBe(2_000);
    expect(d.names['q1']).toBe('Q1 pilot');
    expect(d.winners[0]?.decision.winner).toBeNull();
  });

  it('lets only the tagged contact change their outcome, and holds unsubscribes for the rep to confirm', async () => {
    const db = await freshDb();
    await saveDefinition(db, DEF);
    await putSend(db, 1, 'a', 't1', 1_000);
    const queued: CampaignResultItem[] = [];
    const enqueue = async (item: CampaignResultItem) => void queued.push(item);
    const result = await recordOutcomes(
      db,
      't1',
      [
        // A CC'd stranger's "remove me": never the contact's outcome.
        { messageId: 'cc', fromEmail: 'stranger@elsewhere.org', at: 2_000, outcomes: ['unsubscribe'] },
        { messageId: 'fwd', fromEmail: 'colleague@example.net', at: 2_100, outcomes: ['positive_reply'] },
        // A stranger claiming a bounce is not one; the mail system's notice is.
        { messageId: 'fake', fromEmail: 'x@evil.example', at: 2_200, outcomes: ['bounce'] },
        { messageId: 'dsn', fromEmail: 'mailer-daemon@googlemail.com', at: 2_300, outcomes: ['bounce'] },
        // The contact's own unsubscribe waits for the rep.
        { messageId: 'own', fromEmail: 'c1@example.net', at: 3_000, outcomes: ['unsubscribe'] },
      ],
      enqueue,
    );
    expect(result).toEqual({ recorded: 2, enqueued: 1, skipped: 3, awaitingConfirmation: 1 });
    expect(queued.map((q) => q.outcome)).toEqual(['bounce']);
    expect((await dashboard(db, {})).aggregation.total.unsubscribes).toBe(0);

    const waiting = await pendingConfirmations(db, 't1');
    expect(waiting).toEqual([
      { eventId: expect.any(String), type: 'unsubscribe', contactId: 'c1@example.net', at: 3_000 },
    ]);
    expect(await confirmOutcome(db, waiting[0]!.eventId, true, enqueue)).toEqual({
      status: 'confirmed',
      enqueued: true,
    });
    expect(queued.map((q) => q.outcome)).toEqual(['bounce', 'unsubscribe']);
    expect((await dashboard(db, {})).aggregation.total.unsubscribes).toBe(1);
    expect(await pendingConfirmations(db, 't1')).toEqual([]);
    await expect(confirmOutcome(db, waiting[0]!.eventId, true, enqueue)).rejects.toThrow(RangeError);

    // Dismissed: stays recorded (not classified again), never syncs.
    await putSend(db, 2, 'a', 't2', 1_000);
    await recordOutcomes(
      db,
      't2',
      [{ messageId: 'no', fromEmail: 'c2@example.net', at: 4_000, outcomes: ['not_interested'] }],
      enqueue,
    );
    const [second] = await pendingConfirmations(db, 't2');
    expect(await confirmOutcome(db, second!.eventId, false, enqueue)).toEqual({ status: 'dismissed', enqueued: false });
    expect(queued).toHaveLength(2);
    expect((await threadStatus(db, 't2')).recordedMessageIds).toEqual(['no']);
    db.close();
  });

  it('the fallback enqueue goes through the outbox entry: validated, deduplicated, message text refused', async () => {
    const db = await freshDb();
    const item: CampaignResultItem = {
      idempotencyKey: 'send:e1',
      campaignId: 'q1',
      campaignName: 'Q1 pilot',
      variantId: 'a',
      variantName: 'Variant A',
      channel: 'email',
      email: 'ada@example.com',
      outcome: 'sent',
      occurredAt: '2026-11-29T00:00:00.000Z',
    };
    await enqueueInOutbox(db)(item);
    await enqueueInOutbox(db)(item);
    const rows = await db.getAll('outbox');
    expect(rows.map((r) => [r.id, r.status])).toEqual([['campaign.result:send:e1', 'pending']]);
    await expect(
      enqueueInOutbox(db)({ ...item, idempotencyKey: 'send:e2', campaignName: 'x'.repeat(1_001) }),
    ).rejects.toThrow();
    await expect(enqueueInOutbox(db)({ ...item, idempotencyKey: 'send:e3', outcome: 'won' as never })).rejects.toThrow(
      /Invalid campaign.result payload/,
    );
    expect(await db.count('outbox')).toBe(1);
    db.close();
  });
});
