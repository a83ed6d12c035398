import { describe, expect, it } from 'vitest';
import { learnStyle } from '../style';
import {
  addBusinessDays,
  followUpTemplate,
  followUpsDue,
  holidaysOf,
  isBusinessDay,
  regionOfLocale,
  type ThreadEvent,
} from './index';

const utc = (s: string) => Date.parse(`${s}Z`);
const NY = { region: 'US' as const, offsetMinutes: -300 };

describe('business days', () => {
  it('skips weekends: Friday + 3 business days is Wednesday', () => {
    expect(new Date(addBusinessDays(utc('2026-12-04T15:00:00'), 3, NY)).toISOString()).toBe('2026-12-09T15:00:00.000Z');
  });

  it('skips the region holidays, on the rep calendar day', () => {
    // Thanksgiving 2026 is Thursday 26 November: Wednesday + 1 business day is Friday.
    expect(holidaysOf('US', 2026).has('2026-11-26')).toBe(true);
    expect(new Date(addBusinessDays(utc('2026-11-25T15:00:00'), 1, NY)).toISOString()).toBe('2026-11-27T15:00:00.000Z');
    // 4 July 2026 is a Saturday: observed on Friday the 3rd.
    expect(isBusinessDay(utc('2026-07-03T15:00:00'), NY)).toBe(false);
    // 02:00 UTC on Friday 3 July is still Thursday evening in New York: a working day there.
    expect(isBusinessDay(utc('2026-07-03T02:00:00'), NY)).toBe(true);
    // China: National Day week and Spring Festival 2026; Britain: Easter Monday and Boxing Day moved to Monday.
    expect(isBusinessDay(utc('2026-10-05T03:00:00'), { region: 'CN', offsetMinutes: 480 })).toBe(false);
    expect(holidaysOf('CN', 2026).has('2026-02-17')).toBe(true);
    expect([...holidaysOf('GB', 2026)]).toEqual(expect.arrayContaining(['2026-04-03', '2026-04-06', '2026-12-28']));
    // Unknown region: weekends only.
    expect(isBusinessDay(utc('2026-11-26T15:00:00'), { region: null, offsetMinutes: 0 })).toBe(true);
  });

  it('maps locales to the regions whose holidays it knows', () => {
    expect(regionOfLocale('en-US')).toBe('US');
    expect(regionOfLocale('zh-CN')).toBe('CN');
    expect(regionOfLocale('zh')).toBe('CN');
    expect(regionOfLocale('en-GB')).toBe('GB');
    expect(regionOfLocale('de-DE')).toBeNull();
    expect(regionOfLocale(undefined)).toBeNull();
  });
});

const send = (id: string, at: number, thread = 't1', tagged = true): ThreadEvent => ({
  id,
  type: 'sent',
  at,
  threadId: thread,
  contactId: 'ana@example.com',
  ...(tagged ? { campaignId: 'c1', variantId: 'v1', detail: { taggedDraftId: 'd1', subject: 'Pilot pricing' } } : {}),
});
const MON = utc('2026-11-30T14:00:00');
const DAY = 86_400_000;
const opts = { businessDays: 3, region: 'US' as const, offsetMinutes: -300 };

describe('followUpsDue', () => {
  it('lists a tagged send once its due date passes, referring to the first send', () => {
    const events = [send('s1', MON)];
    expect(followUpsDue(events, { ...opts, now: MON + 3 * DAY - 1 })).toEqual([]);
    const [item] = followUpsDue(events, { ...opts, now: MON + 3 * DAY });
    expect(item).toMatchObject({ threadId: 't1', firstSendId: 's1', draftId: 'd1', subject: 'Pilot pricing' });
    expect(item!.dueAt).toBe(MON + 3 * DAY);
  });

  it('ignores untagged threads and restarts the clock on a later send', () => {
    expect(followUpsDue([send('s1', MON, 't2', false)], { ...opts, now: MON + 30 * DAY })).toEqual([]);
    const events = [send('s1', MON), send('s2', MON + 2 * DAY, 't1', false)];
    expect(followUpsDue(events, { ...opts, now: MON + 3 * DAY })).toEqual([]);
    // Wednesday + 3 business days is the next Monday.
    expect(followUpsDue(events, { ...opts, now: MON + 7 * DAY - 1 })).toEqual([]);
    expect(followUpsDue(events, { ...opts, now: MON + 7 * DAY })).toHaveLength(1);
  });

  it('drops a thread on a reply or bounce, and on unsubscribe or not interested only once confirmed', () => {
    const now = MON + 10 * DAY;
    const outcome = (type: string, confirmation?: string): ThreadEvent => ({
      id: type,
      type,
      at: MON + DAY,
      threadId: 't1',
      ...(confirmation ? { detail: { confirmation } } : {}),
    });
    for (const type of ['replied', 'positive_reply', 'meeting', 'bounce'])
      expect(followUpsDue([send('s1', MON), outcome(type)], { ...opts, now })).toEqual([]);
    expect(followUpsDue([send('s1', MON), outcome('out_of_office')], { ...opts, now })).toHaveLength(1);
    expect(followUpsDue([send('s1', MON), outcome('unsubscribe', 'pending')], { ...opts, now })).toHaveLength(1);
    expect(followUpsDue([send('s1', MON), outcome('not_interested', 'dismissed')], { ...opts, now })).toHaveLength(1);
    expect(followUpsDue([send('s1', MON), outcome('unsubscribe', 'confirmed')], { ...opts, now })).toEqual([]);
  });

  it('keeps a dismissed thread off the list until the rep sends again', () => {
    const now = MON + 10 * DAY;
    const dismissed = new Map([['t1', MON]]);
    expect(followUpsDue([send('s1', MON)], { ...opts, now, dismissed })).toEqual([]);
    expect(
      followUpsDue([send('s1', MON), send('s2', MON + DAY, 't1', false)], { ...opts, now, dismissed }),
    ).toHaveLength(1);
  });
});

describe('followUpTemplate', () => {
  it("names the first message and the persona's focus, in the rep's greeting and sign-off", () => {
    const profile = learnStyle(
      ['Hey Tom!\n\nSee you soon.\n\nCheers,\nJake', 'Hey Bo!\n\nThanks.\n\nCheers,\nJake'],
      0,
    );
    const text = followUpTemplate({
      language: 'en',
      recipientName: 'Ana',
      subject: 'Pilot pricing',
      sentOn: 'Mon, 30 Nov',
      focus: 'cutting onboarding time',
      profile,
    });
    expect(text).toMatch(/^Hey Ana!\n/);
    expect(text).toContain('my note from Mon, 30 Nov about "Pilot pricing"');
    expect(text).toContain('cutting onboarding time');
    expect(text.trimEnd()).toMatch(/Cheers,$/);
    const plain = followUpTemplate({ language: 'zh', recipientName: '王总', sentOn: '11月30日', profile: null });
    expect(plain).toMatch(/^王总，您好！/);
  });
});
