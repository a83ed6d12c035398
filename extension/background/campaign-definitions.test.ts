import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { chooseVariant, deleteDefinition, listWithCounts, saveDefinition, segmentFor } from './campaign-definitions';
import { recordOutcomes } from './campaign-events';
import { DEF, freshDb, putSend } from './campaign-test-fixtures';

describe('campaign definitions', () => {
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

  it('chooses from local outcomes and explains with local counts; no winner below the minimum sample', async () => {
    const db = await freshDb();
    await saveDefinition(db, DEF);
    for (let i = 0; i < 41; i++) await putSend(db, i, 'b', `tb${i}`, 1_000 + i);
    for (let i = 0; i < 6; i++)
      await recordOutcomes(
        db,
        `tb${i}`,
        [{ messageId: `r${i}`, fromEmail: `c${i}@example.net`, at: 9_000, outcomes: ['positive_reply'] }],
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
        [
          {
            messageId: `r${i}`,
            fromEmail: `c${i}@example.net`,
            at: now - 29 * 86_400_000,
            outcomes: ['positive_reply'],
          },
        ],
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
});
