import { describe, expect, it } from 'vitest';
import DEFAULT_WEIGHTS from './default-weights';
import { ScoringInputError } from './errors';
import { scoreDraft } from './score';
import { syllables, words } from './text';
import type { Criterion, CriterionId, DraftInput, ScoreResult } from './types';

const GOOD_BODY = `Hi Sarah,

I noticed Acme Logistics opened a new warehouse in Austin and is hiring twelve reps this quarter.
When teams grow that fast, new reps spend their first weeks writing emails instead of selling.
Closer drafts replies inside Gmail and HubSpot, using your playbook and the thread itself.
Brightline Freight, a logistics team of similar size, cut first-response time by a third in ninety days.
Their managers said coaching got easier, because every draft followed the same structure.

Would you be open to a short call on Tuesday to see if it fits your team?

Best,
Tom`;

const good: DraftInput = {
  subject: 'A faster ramp for the Austin team',
  body: GOOD_BODY,
  recipient: { name: 'Sarah Chen', company: 'Acme Logistics Inc.', personaFacts: ['Opened a warehouse in Austin'] },
  keywords: ['reps'],
};

function get(result: ScoreResult, id: CriterionId): Criterion {
  const c = result.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id}`);
  return c;
}

function score(patch: Partial<DraftInput>, id: CriterionId): Criterion {
  return get(scoreDraft({ ...good, ...patch }), id);
}

describe('scoreDraft: a well-written draft', () => {
  const result = scoreDraft(good);

  it('passes every criterion and scores high', () => {
    const warnings = result.criteria.filter((c) => c.status === 'warn').map((c) => `${c.id}: ${c.reason.en}`);
    expect(warnings).toEqual([]);
    expect(result.total).toBe(100);
    expect(result.language).toBe('en');
    expect(result.languageSource).toBe('detected');
  });

  it('explains every criterion in one line in both languages, with a target', () => {
    for (const c of result.criteria) {
      expect(c.reason.en).not.toMatch(/\n/);
      expect(c.reason.zh).not.toMatch(/\n/);
      expect(c.reason.en.length).toBeGreaterThan(5);
      expect(c.reason.zh.length).toBeGreaterThan(3);
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(typeof c.target).toBe('object');
    }
  });
});

describe('scoreDraft: each criterion', () => {
  it('length and reading time follow the word count', () => {
    const short = score({ body: 'Hi Sarah, quick question: are you free Tuesday?' }, 'length');
    expect(short.value).toBe(8);
    expect(short.status).toBe('warn');
    const long = scoreDraft({ ...good, body: `${GOOD_BODY} ${'More detail about our product. '.repeat(60)}` });
    expect(get(long, 'length').status).toBe('warn');
    expect(get(long, 'reading_time').value).toBe(Math.round((get(long, 'length').value / 238) * 60));
    expect(get(long, 'reading_time').status).toBe('warn');
  });

  it('readability is the Flesch reading ease of the sentences', () => {
    const body = 'The cat sat on the mat. The dog ran to the park and back home.';
    const w = words(body);
    const expected = 206.835 - 1.015 * (w.length / 2) - 84.6 * (w.reduce((a, x) => a + syllables(x), 0) / w.length);
    expect(score({ body }, 'readability').value).toBeCloseTo(expected, 0);
    const hard = score(
      {
        body: 'Notwithstanding considerable organisational heterogeneity, comprehensive implementation methodologies necessitate institutional prioritisation of interdepartmental communication infrastructures.',
      },
      'readability',
    );
    expect(hard.status).toBe('warn');
    expect(hard.value).toBeLessThan(30);
  });

  it('counts questions', () => {
    expect(score({ body: 'No questions here. Just facts.' }, 'questions').status).toBe('warn');
    expect(score({ body: 'One? Two? Three? Four? Five?' }, 'questions').value).toBe(5);
  });

  it('finds a call to action, and too many', () => {
    expect(score({ body: 'Closer drafts replies in Gmail. It is fast.' }, 'call_to_action').status).toBe('warn');
    const many = score({ body: 'Let me know. Can we talk? Book a slot. Reply here.' }, 'call_to_action');
    expect(many.value).toBe(4);
    expect(many.status).toBe('warn');
  });

  it('personalisation counts the name, company and persona facts used', () => {
    const none = score(
      { body: 'Dear customer, our product is great. Would you be open to a call?' },
      'personalisation',
    );
    expect(none.value).toBe(0);
    expect(none.status).toBe('warn');
    expect(score({}, 'personalisation').value).toBe(3);
    expect(score({ recipient: {} }, 'personalisation').status).toBe('pass');
  });

  it('keyword density is occurrences over words, and missing keywords warn', () => {
    const body = 'Reps love Closer. Closer helps reps. ' + 'Other words fill this sentence nicely. '.repeat(4);
    const c = score({ body, keywords: ['closer'] }, 'keyword_density');
    expect(c.value).toBeCloseTo((2 / words(body).length) * 100, 1);
    expect(score({ keywords: ['blockchain'] }, 'keyword_density').status).toBe('warn');
    expect(score({ body, keywords: ['reps', 'closer'] }, 'keyword_density').status).toBe('warn');
  });

  it('spam words are counted in subject and body', () => {
    const c = score({ subject: 'Act now', body: 'Limited time offer, 100% free, click here!' }, 'spam_words');
    expect(c.value).toBeGreaterThanOrEqual(4);
    expect(c.details).toEqual(expect.arrayContaining(['act now', 'limited time offer', 'click here']));
  });

  it('spam probability comes from the injected model, and is skipped without one or when it misbehaves', () => {
    const seen: string[] = [];
    const r = scoreDraft(good, { spamProbability: (t) => (seen.push(t), 0.8) });
    expect(get(r, 'spam_probability')).toMatchObject({ value: 0.8, status: 'warn' });
    expect(seen[0]).toContain('Austin');
    expect(scoreDraft(good).skipped.map((s) => s.id)).toEqual(['spam_probability']);
    for (const model of [
      () => NaN,
      () => 2,
      () => {
        throw new Error('model not loaded');
      },
    ]) {
      const s = scoreDraft(good, { spamProbability: model });
      expect(s.criteria.some((c) => c.id === 'spam_probability')).toBe(false);
      expect(s.skipped[0]?.reason.en.length).toBeGreaterThan(0);
    }
  });

  it('flags AI-sounding filler in English and Chinese', () => {
    const en = score(
      { body: `I hope this email finds you well. ${GOOD_BODY} Let us delve into synergies.` },
      'ai_phrases',
    );
    expect(en.details).toEqual(expect.arrayContaining(['i hope this email finds you well', 'delve into', 'synergies']));
    const zh = scoreDraft({ subject: '合作', body: '王总您好，希望您一切安好。在当今快节奏的世界，我们为您赋能。' });
    expect(get(zh, 'ai_phrases').value).toBe(3);
  });

  it('flags overused and doubled words but not the recipient or keywords', () => {
    const body =
      'Our platform platform is a platform. The platform helps. Platform teams love the platform. Sarah Sarah';
    const c = score({ body, keywords: [] }, 'repeated_words');
    expect(c.details).toEqual(expect.arrayContaining(['platform ×6', 'platform platform']));
    expect(c.details?.some((d) => d.startsWith('sarah'))).toBe(true);
    expect(score({ body: 'reps reps and reps with reps.', keywords: ['reps'] }, 'repeated_words').details).toEqual([
      'reps reps',
    ]);
  });

  it('measures passive voice (English) and 被 sentences (Chinese)', () => {
    expect(
      score({ body: 'The report was written by the team. Mistakes were made. We fixed them.' }, 'passive_voice').value,
    ).toBeCloseTo(66.7, 0);
    expect(score({ body: 'I am interested in the demo. We ship fast.' }, 'passive_voice').value).toBe(0);
    expect(get(scoreDraft({ subject: '问题', body: '问题已经被解决了。我们很满意。' }), 'passive_voice').value).toBe(
      50,
    );
  });

  it('suggests inclusive alternatives', () => {
    const c = score(
      { body: 'Hey guys, we need more manpower and a blacklist. 黑名单也要更新。' },
      'inclusive_language',
    );
    expect(c.value).toBe(4);
    expect(c.details).toEqual(expect.arrayContaining(['manpower → workforce / staff', '黑名单 → 屏蔽列表 / 拒绝列表']));
  });

  it('checks the subject: empty, long, all caps, spammy punctuation', () => {
    expect(score({ subject: '' }, 'subject_length')).toMatchObject({ value: 0, status: 'warn' });
    expect(score({ subject: 'x'.repeat(90) }, 'subject_length').status).toBe('warn');
    expect(score({ subject: 'BIG NEWS FOR YOUR TEAM' }, 'subject_style').details).toEqual(['all caps']);
    expect(score({ subject: 'Act now!!! $$$' }, 'subject_style').value).toBe(2);
    expect(score({ subject: 'Quick idea for Acme' }, 'subject_style').status).toBe('pass');
  });
});

describe('scoreDraft: weights are data', () => {
  it('uses the default weights object and reports its version', () => {
    expect(scoreDraft(good).weightsVersion).toBe(DEFAULT_WEIGHTS.version);
  });

  it('the total is the weighted mean of criterion scores', () => {
    const draft = { ...good, subject: '' };
    const onlySubject = scoreDraft(draft, { weights: { version: 't', weights: { subject_length: 1 } } });
    expect(onlySubject.total).toBe(Math.round(get(onlySubject, 'subject_length').score * 100));
    const mixed = scoreDraft(draft, { weights: { version: 't', weights: { subject_length: 1, length: 3 } } });
    const expected = (get(mixed, 'subject_length').score + 3 * get(mixed, 'length').score) / 4;
    expect(mixed.total).toBe(Math.round(expected * 100));
    expect(scoreDraft(draft, { weights: { version: 't', weights: {} } }).total).toBe(100);
  });

  it('rejects weights that are not finite non-negative numbers', () => {
    expect(() => scoreDraft(good, { weights: { version: 'x', weights: { length: -1 } } })).toThrow(ScoringInputError);
    expect(() => scoreDraft(good, { weights: { version: 'x', weights: { length: Number.NaN } } })).toThrow(/length/);
  });
});

describe('scoreDraft: language', () => {
  it('detects Chinese and scores it with Chinese rules', () => {
    const r = scoreDraft({
      subject: '关于华辰物流的一点想法',
      body: '王总您好：\n\n了解到华辰物流今年扩招80名销售。我们的客户顺达物流上线三个月后，成交率提升了25%。\n\n请问您下周二是否方便聊15分钟？\n\n赵晨',
      recipient: { name: '王明', company: '华辰物流' },
    });
    expect(r.language).toBe('zh');
    expect(get(r, 'personalisation').value).toBe(2);
    expect(get(r, 'questions').value).toBe(1);
    expect(get(r, 'readability').target).toEqual({ max: 25 });
  });

  it('respects a given language', () => {
    expect(scoreDraft({ ...good, language: 'zh' })).toMatchObject({ language: 'zh', languageSource: 'given' });
  });
});

describe('scoreDraft: bad input', () => {
  it.each([
    ['empty', { subject: '', body: '' }],
    ['emoji only', { subject: '🎉', body: '😀🎉👍🏽🚀' }],
    ['mixed scripts', { subject: 'Hola 你好', body: 'Привет Sarah, 王总您好, ¿qué tal? مرحبا' }],
    [
      'HTML',
      { subject: '<b>Hi</b>', body: '<div><p>Hi <b>Sarah</b>,</p><script>alert(1)</script><br>Are you free?</div>' },
    ],
    ['control characters', { subject: '\u0000', body: 'Hi\u0000 Sarah\u0007\u001b, are you free?\u200b' }],
  ])('%s input gives a defined result', (_name, draft) => {
    const r = scoreDraft(draft as DraftInput);
    expect(Number.isInteger(r.total)).toBe(true);
    expect(r.total).toBeGreaterThanOrEqual(0);
    expect(r.total).toBeLessThanOrEqual(100);
    for (const c of r.criteria) expect(Number.isFinite(c.value)).toBe(true);
  });

  it('says when markup was ignored', () => {
    expect(scoreDraft({ subject: 'x', body: '<p>Hi</p>' }).notes.map((n) => n.en)).toEqual([
      'HTML markup was ignored.',
    ]);
  });

  it('throws a typed error for malformed arguments', () => {
    expect(() => scoreDraft(null as unknown as DraftInput)).toThrow(ScoringInputError);
    expect(() => scoreDraft({ subject: 1, body: '' } as unknown as DraftInput)).toThrow(/subject/);
    expect(() => scoreDraft({ ...good, language: 'fr' } as unknown as DraftInput)).toThrow(/language/);
  });

  it('analyses at most the cap, says so, and stays fast on 1 MB (hang guard)', () => {
    const body = 'Hi Sarah, would you be open to a call? I hope this email finds you well. 王总 guys!!! '.repeat(
      12_500,
    );
    const t0 = performance.now();
    const r = scoreDraft({ subject: 'A'.repeat(1_000_000), body });
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(r.truncated).toBe(true);
    expect(r.analysedChars).toBe(20_000);
    expect(r.notes[0]?.en).toMatch(/first 20000 characters/);
  });
});
