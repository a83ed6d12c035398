import { describe, expect, it } from 'vitest';
import { fromDraft, newCampaign, toDraft } from './campaign-form';
import { toRange } from '../dashboard/date-range';

describe('campaign form', () => {
  it('turns the form into a definition the shared schema accepts, and back', () => {
    const draft = { ...newCampaign(), name: ' Q1 pilot ', segments: 'technical_buyer, finance，finance\n' };
    draft.variants[1] = { ...draft.variants[1]!, version: 'v2', channel: 'linkedin' };
    const res = fromDraft(draft);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.campaign.name).toBe('Q1 pilot');
    expect(res.value.campaign.targetSegments).toEqual([{ id: 'technical_buyer' }, { id: 'finance' }]);
    expect(res.value.variants.map((v) => [v.campaignId, v.version, v.channel])).toEqual([
      [draft.id, 1, 'email'],
      [draft.id, 'v2', 'linkedin'],
    ]);
    const again = fromDraft(toDraft(res.value), res.value);
    expect(again).toEqual(res);
  });

  it('keeps the labels of segments it already knew', () => {
    const first = fromDraft({ ...newCampaign(), name: 'x', segments: 'technical_buyer' });
    if (!first.ok) throw new Error('expected ok');
    first.value.campaign.targetSegments[0]!.label = { en: 'technical buyers', zh: '技术型买家' };
    const res = fromDraft(toDraft(first.value), first.value);
    expect(res.ok && res.value.campaign.targetSegments[0]?.label?.zh).toBe('技术型买家');
  });

  it('refuses an empty segment list or a variant without a tone, saying where', () => {
    expect(fromDraft({ ...newCampaign(), name: 'x', segments: ' , ' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('campaign.targetSegments'),
    });
    const d = newCampaign();
    d.name = 'x';
    d.variants[0]!.tone = '  ';
    expect(fromDraft(d)).toMatchObject({ ok: false, error: expect.stringContaining('variants.0.tone') });
  });

  it('turns a date range into a send cohort: from inclusive, to exclusive after the last day', () => {
    const r = toRange('2026-11-01', '2026-11-30');
    expect(r.from).toBe(new Date(2026, 10, 1).getTime());
    expect(r.to).toBe(new Date(2026, 11, 1).getTime());
    expect(toRange('', 'nonsense')).toEqual({});
  });
});
