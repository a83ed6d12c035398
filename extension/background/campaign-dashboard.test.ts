import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveDefinition, tagDraft } from './campaign-definitions';
import { recordOutcomes } from './campaign-events';
import { refit } from './campaign-dashboard';
import { DEF, freshDb, putSend } from './campaign-test-fixtures';

describe('campaign dashboard', () => {
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
          [{ messageId: `m${i}`, fromEmail: `c${i}@example.net`, at: 5_000, outcomes: ['positive_reply'] }],
          async () => {},
        );
    }
    const r = await refit(db);
    expect(r).toMatchObject({ status: 'refitted', samples: 60, positives: 30 });
    expect(r.changes.length).toBeGreaterThan(0);
    expect(r.fit?.after.auc).toBeGreaterThan(0.9);
  });
});
