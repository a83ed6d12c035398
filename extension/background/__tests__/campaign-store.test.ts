import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CampaignResultItemSchema, type CampaignResultItem } from '../../../shared/common/campaigns';
import { openCloserDb, getDb } from '../../storage/db';
import type { CampaignDefinition } from '../../messaging/campaign-methods';
import {
  chooseVariant,
  dashboard,
  deleteDefinition,
  enqueueInOutbox,
  listWithCounts,
  recordOutcomes,
  refit,
  saveDefinition,
  segmentFor,
  tagDraft,
  threadStatus,
} from '../campaign-store';
import { createPageHandlers } from '../page-handlers';
import type { PageBridge } from '../page-bridge';

let n = 0;
const freshDb = () => openCloserDb(undefined, `campaign-test-${++n}-${Math.random()}`);

const DEF: CampaignDefinition = {
  campaign: {
    id: 'q1',
    name: 'Q1 pilot',
    goal: 'positive_reply',
    targetSegments: [{ id: 'technical_buyer', label: { en: 'technical buyers', zh: '技术型买家' } }],
  },
  variants: [
    {
      id: 'a',
      campaignId: 'q1',
      name: 'Variant A',
      kind: 'prompt',
      ref: 'reply-draft',
      version: 1,
      tone: 'friendly',
      channel: 'email',
    },
    {
      id: 'b',
      campaignId: 'q1',
      name: 'Variant B',
      kind: 'template',
      ref: 't-b',
      version: '2',
      tone: 'formal',
      channel: 'email',
    },
  ],
};

/** A tagged send as `page.recordSend` writes it. */
async function putSend(
  db: Awaited<ReturnType<typeof freshDb>>,
  i: number,
  variant: string,
  threadId: string,
  at: number,
) {
  await db.put('events', {
    id: `s${i}`,
    type: 'sent',
    at,
    threadId,
    contactId: `c${i}@example.net`,
    to: [`c${i}@example.net`],
    campaignId: 'q1',
    variantId: variant,
    detail: { segment: 'technical_buyer', rep: 'rep@example.com' },
  });
}

describe('campaign store', () => {
  it('saves, lists with counts, rejects foreign variants, and deletes with its events', async () => {
    const db = await freshDb();
    await saveDefinition(db, DEF);
    await expect(
      saveDefinition(db, { ...DEF, variants: [{ ...DEF.variants[0]!, campaignId: 'other' }] }),
    ).rejects.toThrow(/belong/);
    await putSend(db, 1, 'a', 't1', 1_000);
    const [listed] = await listWithCounts(db);
    expect(listed?.campaign.name).toBe('Q1 pilot');
    expect(listed?.variants.map((v) => v.id)).toEqual(['a', 'b']);
    expect(listed?.sends).toBe(1);
    expect(await deleteDefinition(db, 'q1')).toEqual({ deleted: true, events: 1 });
    expect(await listWithCounts(db)).toEqual([]);
  });

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
      { messageId: 'm0', at: 500, outcomes: ['replied' as const] }, // before the send: not an outcome of it
      { messageId: 'm1', at: 2_000, outcomes: ['out_of_office' as const] },
      {
        messageId: 'm2',
        at: 3_000,
        outcomes: ['meeting' as const],
        sentiment: 'positive' as const,
        intent: 'meeting_request',
      },
    ];
    expect(await recordOutcomes(db, 't1', messages, enqueue)).toEqual({ recorded: 2, enqueued: 2, skipped: 1 });
    expect(await recordOutcomes(db, 't1', messages, enqueue)).toEqual({ recorded: 0, enqueued: 0, skipped: 3 });
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

  it('chooses from local outcomes and explains with local counts; no winner below the minimum sample', async () => {
    const db = await freshDb();
    await saveDefinition(db, DEF);
    for (let i = 0; i < 41; i++) await putSend(db, i, 'b', `tb${i}`, 1_000 + i);
    for (let i = 0; i < 6; i++)
      await recordOutcomes(
        db,
        `tb${i}`,
        [{ messageId: `r${i}`, at: 9_000, outcomes: ['positive_reply'] }],
        async () => {},
      );
    for (let i = 100; i < 141; i++) await putSend(db, i, 'a', `ta${i}`, 1_000 + i);
    const picks = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const last = await chooseVariant(db, { campaignId: 'q1', segment: 'technical_buyer', priors: [], seed });
      picks.add(last.variantId);
    }
    // 6/41 against 0/41: the bandit should almost always pick B.
    expect(picks.has('b')).toBe(true);
    let seed = 1;
    let b = await chooseVariant(db, { campaignId: 'q1', segment: 'technical_buyer', priors: [], seed });
    while (b.variantId !== 'b')
      b = await chooseVariant(db, { campaignId: 'q1', segment: 'technical_buyer', priors: [], seed: ++seed });
    expect(b.explanation.en).toMatch(
      /^Variant B: 6 positive replies in 41 sends to technical buyers; 90% interval 8–26%/,
    );
    expect(b.explanation.zh).toContain('技术型买家');
    expect(b.usedTeamPriors).toBe(false);
    // 41 sends each is above the minimum of 30, and 6/41 vs 0/41 are clearly apart.
    expect(b.winner.winner).toBe('b');
    // With 10 sends on A only, there is no winner whatever the rates.
    const small = await freshDb();
    await saveDefinition(small, DEF);
    for (let i = 0; i < 10; i++) await putSend(small, i, 'a', `s${i}`, i);
    const c = await chooseVariant(small, { campaignId: 'q1', segment: 'technical_buyer', priors: [], seed: 1 });
    expect(c.winner.winner).toBeNull();
    expect(c.winner.reason).toBe('insufficient_sample');
  });

  it('counts sends still awaiting replies as pending: said in the explanation, kept out of the winner call', async () => {
    const db = await freshDb();
    await saveDefinition(db, DEF);
    const now = Date.UTC(2026, 10, 30, 5);
    // B: 41 sends a month ago with 6 positive replies. A: 41 sends two hours ago, none answered yet.
    for (let i = 0; i < 41; i++) await putSend(db, i, 'b', `tb${i}`, now - 30 * 86_400_000);
    for (let i = 0; i < 6; i++)
      await recordOutcomes(
        db,
        `tb${i}`,
        [{ messageId: `r${i}`, at: now - 29 * 86_400_000, outcomes: ['positive_reply'] }],
        async () => {},
      );
    for (let i = 100; i < 141; i++) await putSend(db, i, 'a', `ta${i}`, now - 2 * 3_600_000);
    let seed = 1;
    let a = await chooseVariant(db, { campaignId: 'q1', segment: 'technical_buyer', priors: [], seed, now });
    while (a.variantId !== 'a')
      a = await chooseVariant(db, { campaignId: 'q1', segment: 'technical_buyer', priors: [], seed: ++seed, now });
    expect(a.awaiting).toBe(41);
    expect(a.explanation.en).toMatch(
      /^Variant A: 0 positive replies in 41 sends to technical buyers, 41 still awaiting/,
    );
    expect(a.explanation.zh).toContain('仍在等待回复');
    // 6/41 against 0/41 would be a clear winner; with A's sends unanswered only for hours it is not.
    expect(a.winner.winner).toBeNull();
    expect(a.winner.reason).toBe('insufficient_sample');
  });

  it('starts an unseen segment from team priors when they are given', async () => {
    const db = await freshDb();
    await saveDefinition(db, DEF);
    const priors = [
      { campaignId: 'q1', variantId: 'a', segment: null, sends: 400, replies: 100, positiveReplies: 2, meetings: 0 },
      { campaignId: 'q1', variantId: 'b', segment: null, sends: 400, replies: 100, positiveReplies: 120, meetings: 10 },
    ];
    let b = 0;
    for (let seed = 1; seed <= 30; seed++)
      if ((await chooseVariant(db, { campaignId: 'q1', segment: 'new', priors, seed })).variantId === 'b') b++;
    expect(b).toBeGreaterThan(24);
    const r = await chooseVariant(db, { campaignId: 'q1', segment: 'new', priors, seed: 1 });
    expect(r.usedTeamPriors).toBe(true);
    expect(r.explanation.en).toContain('Team results count as 20 sends');
  });

  it('finds the segment from the contact persona, else the default', async () => {
    const db = await freshDb();
    await db.put('contacts', { id: 'c1', email: 'jordan@example.net', updatedAt: 1 });
    await db.put('personas', {
      contactId: 'c1',
      updatedAt: 1,
      fields: { segment: { value: 'technical_buyer', confidence: 1, source: 'crm', approved: true } },
    });
    expect(await segmentFor(db, 'Jordan@Example.net')).toEqual({ segment: 'technical_buyer', known: true });
    expect(await segmentFor(db, 'nobody@example.net')).toEqual({ segment: 'default', known: false });
  });

  it('re-fits content-score weights on tagged sends whose drafts were scored, and says when data is short', async () => {
    const db = await freshDb();
    await saveDefinition(db, DEF);
    expect(await refit(db)).toMatchObject({ status: 'insufficient_data', samples: 0 });
    const good = 'Hi Jordan, thanks for the note about the Q1 pilot. Would Thursday at 2pm work for a 20-minute call?';
    const bad = 'BUY NOW!!! FREE FREE FREE guaranteed winner act now click here limited offer!!!';
    for (let i = 0; i < 60; i++) {
      const positive = i % 2 === 0;
      await db.put('drafts', { id: `d${i}`, threadId: `t${i}`, body: positive ? good : bad, createdAt: i });
      await tagDraft(db, {
        draftId: `d${i}`,
        threadId: `t${i}`,
        campaignId: 'q1',
        variantId: 'a',
        segment: 'default',
        chosenBy: 'rep',
      });
      await putSend(db, i, 'a', `t${i}`, 1_000 + i);
      await db.put('events', {
        ...(await db.get('events', `s${i}`))!,
        draftId: `content-${i}`,
        detail: { segment: 'default', rep: 'me', taggedDraftId: `d${i}` },
      });
      if (positive)
        await recordOutcomes(
          db,
          `t${i}`,
          [{ messageId: `m${i}`, at: 5_000, outcomes: ['positive_reply'] }],
          async () => {},
        );
    }
    const r = await refit(db);
    expect(r).toMatchObject({ status: 'refitted', samples: 60, positives: 30 });
    expect(r.changes.length).toBeGreaterThan(0);
    expect(r.fit?.after.auc).toBeGreaterThan(0.9);
  });
});
