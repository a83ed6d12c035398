import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openCloserDb } from '../storage/db';
import { MAX_STYLE_SAMPLES } from '../messaging/style-methods';
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
import { threadHash } from './style-handlers';

let n = 0;
const freshDb = () => openCloserDb(undefined, `style-test-${++n}-${Math.random()}`);
const NAMES = ['Ana', 'Tom', 'Wei', 'Omar', 'Lucia'];
const casual = (i: number) => ({
  id: `m${i}`,
  text: `Hey ${NAMES[i % NAMES.length]}!\n\nQuick one, lemme know.\n\nCheers,\nJake`,
  at: i,
});

describe('style store', () => {
  it('learns from observed sent messages once each, keeps the rep edits, and deletes everything', async () => {
    const db = await freshDb();
    expect(await readStyle(db)).toEqual({ profile: null, enabled: true });
    const first = await observeSamples(db, [1, 2, 3].map(casual), 10);
    expect(first).toMatchObject({ added: 3, profile: { greeting: 'Hey {name}!', signOff: 'Cheers,', samples: 3 } });
    expect((await observeSamples(db, [casual(1)], 11)).added).toBe(0);

    await editStyle(db, { signOff: 'Talk soon,' }, false, 12);
    const learned = await observeSamples(db, [4, 5].map(casual), 13);
    expect(learned.profile).toMatchObject({ signOff: 'Talk soon,', samples: 5, edited: ['signOff'] });
    expect((await readStyle(db)).enabled).toBe(false);

    expect(await deleteStyle(db)).toBe(6);
    expect(await readStyle(db)).toEqual({ profile: null, enabled: true });
    expect(await db.count('styleSamples')).toBe(0);
  });

  it('keeps only the newest samples', async () => {
    const db = await freshDb();
    const many = Array.from({ length: MAX_STYLE_SAMPLES + 5 }, (_, i) => casual(i));
    for (let i = 0; i < many.length; i += 50) await observeSamples(db, many.slice(i, i + 50), 1);
    expect(await db.count('styleSamples')).toBe(MAX_STYLE_SAMPLES);
    expect(await db.get('styleSamples', 'm0')).toBeUndefined();
    expect(await db.get('styleSamples', `m${MAX_STYLE_SAMPLES + 4}`)).toBeDefined();
  });

  it('refuses an edit that breaks the profile shape', async () => {
    const db = await freshDb();
    await expect(editStyle(db, { medianWords: -1 }, undefined, 1)).rejects.toThrow();
  });
});

describe('follow-up store', () => {
  const MON = Date.parse('2026-11-30T14:00:00Z');
  const DAY = 86_400_000;
  const opts = { offsetMinutes: 0, locale: 'en-US', businessDays: 3 };

  it('lists a due thread with its first message and the approved persona, then dismisses it', async () => {
    const db = await freshDb();
    await db.put('drafts', { id: 'd1', threadId: 't1', body: 'Hi Ana, pilot pricing attached.', createdAt: MON });
    await db.put('events', {
      id: 's1',
      type: 'sent',
      at: MON,
      threadId: 't1',
      contactId: 'ana@example.com',
      campaignId: 'c',
      variantId: 'v',
      detail: { taggedDraftId: 'd1', subject: 'Pilot pricing' },
    });
    await db.put('personas', {
      contactId: 'hs:1:2',
      email: 'ana@example.com',
      name: 'Ana Souza',
      status: 'approved',
      updatedAt: 1,
      fields: {
        painPoints: { value: 'slow onboarding; churn', confidence: 0.8, source: 'thread', approved: true },
        goals: { value: 'unapproved goal', confidence: 0.8, source: 'thread', approved: false },
      },
    });
    expect(await listFollowUps(db, { ...opts, now: MON + 2 * DAY })).toEqual([]);
    const [item] = await listFollowUps(db, { ...opts, now: MON + 3 * DAY });
    expect(item).toEqual({
      threadId: 't1',
      contactId: 'ana@example.com',
      name: 'Ana',
      subject: 'Pilot pricing',
      firstSentAt: MON,
      dueAt: MON + 3 * DAY,
      firstMessage: 'Hi Ana, pilot pricing attached.',
      focus: 'slow onboarding',
      personaTone: null,
    });

    await setPendingFollowUp(db, 't1', 'Hey Ana!', MON);
    expect(await db.get('followups', 't1')).toMatchObject({ pendingText: 'Hey Ana!' });
    await takePendingFollowUp(db, 't1', MON + 1);
    expect((await db.get('followups', 't1'))?.pendingText).toBeUndefined();

    await dismissFollowUp(db, 't1', MON + 4 * DAY);
    expect(await listFollowUps(db, { ...opts, now: MON + 9 * DAY })).toEqual([]);
  });

  it("opens Gmail threads by the hex id Gmail's URLs use", () => {
    expect(threadHash('thread-f:1849203746152093817')).toBe(`#all/${BigInt('1849203746152093817').toString(16)}`);
    expect(threadHash('19a9c1e2f3b4d5e6')).toBe('#all/19a9c1e2f3b4d5e6');
    expect(threadHash('x/../../evil')).toBe('#all/xevil');
  });
});
